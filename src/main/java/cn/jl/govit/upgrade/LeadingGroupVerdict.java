package cn.jl.govit.upgrade;

/** The Digital Jilin Leading Group's decision on an upgrade that does not share (Art. 29). */
public enum LeadingGroupVerdict {
    APPROVED, REJECTED
}

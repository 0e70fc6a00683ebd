package cn.jl.govit.upgrade;

/** What the joint review recommends to the Leading Group. */
public enum Recommendation {
    SUPPORT, OPPOSE
}

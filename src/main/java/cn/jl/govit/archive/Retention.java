package cn.jl.govit.archive;

/** How long an archived document is kept (保管期限): permanently, 30 years or 10 years. */
public enum Retention {
    PERMANENT, Y30, Y10
}

package cn.jl.govit.expert;

/** A field of expertise of a pool member. */
public enum ExpertField {
    NETWORK, SECURITY, CRYPTOGRAPHY, DATA, SOFTWARE, INVESTMENT
}

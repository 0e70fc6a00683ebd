package cn.jl.govit.operation;

/** The conclusion of an MLPS evaluation (等级保护测评结论: 符合 / 基本符合 / 不符合). */
public enum MlpsConclusion {
    CONFORMING, BASICALLY_CONFORMING, NON_CONFORMING
}

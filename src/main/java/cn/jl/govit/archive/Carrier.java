package cn.jl.govit.archive;

/** The carrier of an archived document (载体): electronic or paper. */
public enum Carrier {
    ELECTRONIC, PAPER
}

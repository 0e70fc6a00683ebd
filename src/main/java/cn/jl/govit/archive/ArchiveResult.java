package cn.jl.govit.archive;

/** The Archives Bureau's result of an archive acceptance (Art. 24). */
public enum ArchiveResult {
    PASSED, FAILED
}

package cn.jl.govit.obligation;

/** An obligation in a list across projects, with the code and name of its project. */
public record ObligationListing(Obligation obligation, String projectCode, String projectName) {
}

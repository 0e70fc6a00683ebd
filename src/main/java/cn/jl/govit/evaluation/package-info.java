/**
 * Evaluation (评价, Art. 28 and 32): after a project passed its final acceptance and went into operation, its
 * construction unit carries out a self-evaluation within the window of 12 to 24 months and reports it to the
 * approval authority (and Finance); the authority accepts or returns the report, may commission a third-party
 * post-evaluation and records its report, and raises findings from either, which the unit rectifies within a
 * deadline and the authority reviews. The findings are supervision findings with source EVALUATION (one findings
 * flow, Art. 31–32): this module checks its own record and hands the finding to supervision, which depends on nothing
 * here. The window and each finding's deadline are obligations.
 */
@org.springframework.modulith.ApplicationModule(displayName = "评价 Evaluation",
        allowedDependencies = {"rulebook", "audit", "organization", "project", "obligation", "notification", "document",
                "dossier", "supervision"})
package cn.jl.govit.evaluation;

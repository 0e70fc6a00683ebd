/**
 * Performance (绩效评价): the annual performance evaluation report (年度绩效评价报告) of a project whose construction
 * period is longer than a year (Art. 20). The construction unit drafts it for a year that the obligation module
 * has made due, with the opinions of the user units and the supervision contractor, and submits it to the approval
 * authority, which accepts it or returns it for revision; every submitted version is kept.
 */
@org.springframework.modulith.ApplicationModule(displayName = "绩效评价 Performance",
        allowedDependencies = {"rulebook", "audit", "organization", "project", "obligation", "document", "dossier"})
package cn.jl.govit.performance;

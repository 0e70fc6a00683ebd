/**
 * Expert review (Art. 10, 13): the expert pool, review panels drawn at random among the experts without a
 * conflict of interest (never from the applicant or a participating organisation), and the experts' review
 * opinions, which must address the five aspects of Art. 10, the information-sharing analysis among them
 * (Art. 13 (3)). The approval module forms a panel for a submission and reads the consolidated report; this
 * module knows submissions and projects only by their ids.
 */
@org.springframework.modulith.ApplicationModule(displayName = "专家评审 Expert review", allowedDependencies = {"rulebook", "audit", "organization"})
package cn.jl.govit.expert;

/**
 * Planning and demand (Art. 6–8, 12, 15): the provincial construction plan approved by the provincial
 * government and each of its adjusted versions; the Digital Bureau's annual demand call; the departments'
 * demands based on the plan; the Bureau's scoring, ranking and triage of the demands into projects (one
 * demand, several merged under a lead department, or declined with a reason); and the responsibilities the
 * lead department records for each participating department of a shared project.
 */
@org.springframework.modulith.ApplicationModule(displayName = "规划与需求 Planning",
        allowedDependencies = {"rulebook", "audit", "organization", "project"})
package cn.jl.govit.planning;

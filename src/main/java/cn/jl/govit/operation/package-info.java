/**
 * Operation and maintenance (运行维护, Art. 35, 36) of a project after its final acceptance: the construction unit
 * runs the system and records its O&M contracts and O&M log, its contractors maintain it under those contracts, and
 * the approval authority supervises. The periodic security risk assessments and cryptography application security
 * assessments (Art. 16, 17, 36) are obligations opened when operation starts and renewed by each assessment,
 * counted from its own date ({@link cn.jl.govit.operation.AssessmentSchedule}); MLPS evaluations (等级保护测评) of
 * non-classified systems are kept with them. Upgrades of a system in operation belong to the upgrade module.
 */
@org.springframework.modulith.ApplicationModule(displayName = "运行维护 Operation",
        allowedDependencies = {"rulebook", "audit", "organization", "project", "obligation", "notification", "document",
                "dossier"})
package cn.jl.govit.operation;

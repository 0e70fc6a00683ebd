/**
 * Construction (建设管理): the start of construction (Art. 14), the project legal person and supervision
 * contractor, procurements and contracts held against the approved estimate (Art. 14, 21), progress reports and
 * milestones, and serious delays, major losses, rectification and suspension (Art. 22).
 */
@org.springframework.modulith.ApplicationModule(displayName = "建设管理 Construction",
        allowedDependencies = {"rulebook", "audit", "organization", "project", "document", "obligation", "notification", "dossier"})
package cn.jl.govit.construction;

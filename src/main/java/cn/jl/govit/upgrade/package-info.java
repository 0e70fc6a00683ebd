/**
 * Upgrades of systems in operation (升级改造, Art. 29): the construction unit of a project in operation asks to
 * upgrade it; a system that shares as required and is listed in the provincial government information system
 * catalogue goes the normal approval path as a new project, any other only after a joint review by the approval
 * authority with the departments concerned and the approval of the Digital Jilin Leading Group.
 */
@org.springframework.modulith.ApplicationModule(displayName = "升级改造 Upgrades",
        allowedDependencies = {"rulebook", "audit", "organization", "project", "notification", "document", "dossier"})
package cn.jl.govit.upgrade;

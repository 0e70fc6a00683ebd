/**
 * Change (变更): the construction unit's change requests during construction and the route Art. 23 gives each
 * of them — filed with the approval authority (备案), re-approved through a revised feasibility study or
 * preliminary design (重新审批), or approved by the provincial government when a project of the Digital Jilin
 * fund grows after its fund plan was issued (省政府审批) — and the baselines (基线) every approved state leaves
 * behind, kept for comparison and never deleted.
 */
@org.springframework.modulith.ApplicationModule(displayName = "变更 Change",
        allowedDependencies = {"rulebook", "audit", "organization", "project", "approval", "funding", "notification", "dossier"})
package cn.jl.govit.change;

/**
 * The province-wide overview (全省总览, Art. 4, 30–34): what the provincial bodies of the coordination and
 * supervision mechanism see at a glance — projects by status, path and lead department, the investment funnel from
 * the approved estimates to the money spent, the overdue obligations and the projects in acceptance and operation.
 * Read only: aggregate SQL over the other modules' tables, no state of its own.
 */
@org.springframework.modulith.ApplicationModule(displayName = "全省总览 Province-wide overview",
        allowedDependencies = {"rulebook", "organization", "project", "audit"})
package cn.jl.govit.overview;

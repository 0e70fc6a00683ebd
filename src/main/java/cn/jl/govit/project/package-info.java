/**
 * The project registry: the {@link cn.jl.govit.project.Project} aggregate that lives from demand to
 * operation (Art. 3), its facts, its status, and what the measures derive from those facts: the approval
 * authority (Art. 5), the approval path (Art. 9) and the construction mode decision (Art. 7–8).
 */
@org.springframework.modulith.ApplicationModule(displayName = "项目 Project", allowedDependencies = {"rulebook", "audit", "organization"})
package cn.jl.govit.project;

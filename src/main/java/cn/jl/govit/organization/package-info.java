/**
 * Organisations, users, roles and scope: who may see and do what. The twelve provincial bodies of the
 * measures (Art. 4–5) are reference data; departments are added by the administrator. Authentication,
 * lockout and the password scheme live here too.
 */
@org.springframework.modulith.ApplicationModule(displayName = "组织与用户 Organisation", allowedDependencies = {"rulebook", "audit"})
package cn.jl.govit.organization;

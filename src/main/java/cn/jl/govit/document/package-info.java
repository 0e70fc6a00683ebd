/**
 * Documents: stored files with their SM3 digests (GB/T 32905), classified documents registered by offline
 * reference instead (Art. 8), and the rendering and SM2 signing (GB/T 32918) of what the platform issues,
 * such as approval replies (Art. 13), so that the platform meets the cryptography rules it enforces (Art. 17).
 */
@org.springframework.modulith.ApplicationModule(displayName = "文档 Document", allowedDependencies = {"rulebook", "audit", "organization", "project"})
package cn.jl.govit.document;

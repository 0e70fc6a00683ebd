/**
 * The audit log: an append-only record of every state change, each event chained to the one before it
 * by HMAC-SM3 (GB/T 32905) under a key kept outside the database, so that a changed, removed or inserted event
 * breaks verification from that point, even when the table was rewritten with recomputed hashes
 * (Art. 30: nothing is concealed; the platform meets the cryptography rules it enforces, Art. 17).
 */
@org.springframework.modulith.ApplicationModule(displayName = "审计日志 Audit", allowedDependencies = "rulebook")
package cn.jl.govit.audit;

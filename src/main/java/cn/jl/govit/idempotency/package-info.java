/**
 * Idempotent creation over an unreliable network: a client that sends {@code Idempotency-Key} with a
 * {@code POST} under {@code /api/v1} may repeat the request after a timeout or a dropped connection without
 * creating the record twice — the repeat gets the stored response of the first. Implemented once, as a servlet
 * filter behind Spring Security and a table of keys, so that no endpoint carries its own de-duplication.
 */
@org.springframework.modulith.ApplicationModule(displayName = "幂等请求 Idempotency", allowedDependencies = {})
package cn.jl.govit.idempotency;

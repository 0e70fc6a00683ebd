/**
 * SM2 signatures (GB/T 32918, SM3withSM2) of what the platform issues: one key pair per issuing authority,
 * created on first use, its private key kept encrypted with SM4 under a key outside the database; public keys
 * are published so that anyone can verify a downloaded reply, also offline with {@link cn.jl.govit.document.signing.VerifySignature}.
 */
@org.springframework.modulith.NamedInterface("signing")
package cn.jl.govit.document.signing;

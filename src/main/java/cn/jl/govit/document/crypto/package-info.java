/**
 * Encryption at rest of personal data (issue 7.5, GB/T 39786-2021 level 3): the start-up migration that seals
 * values written before it, and the rotation of the field key by the security administrator, both over the
 * columns the modules declare ({@link cn.jl.govit.rulebook.SealedColumn}); the cipher itself is
 * {@link cn.jl.govit.rulebook.FieldCipher}, in the rulebook so that the organisation module can use it too.
 */
package cn.jl.govit.document.crypto;

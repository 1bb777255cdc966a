/**
 * One signer interface for software keys, hardware wallets, HSMs and remote signers: a {@link
 * dev.cairn.core.signer.SignRequest} says what is signed and how it is hashed, a {@link
 * dev.cairn.core.signer.Signer} signs it (blocking or asynchronously), and {@link
 * dev.cairn.core.signer.Signers} makes software signers.
 *
 * <pre>{@code
 * try (SoftwareSigner signer = Signers.software(key)) {
 *   Signature sig = signer.sign(SignRequest.digest(digest));     // devices: signer.signAsync(...)
 * }
 * }</pre>
 */
package dev.cairn.core.signer;

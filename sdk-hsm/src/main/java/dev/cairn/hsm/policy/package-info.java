/**
 * Signing policies and the audit trail: {@link dev.cairn.hsm.policy.PolicySigner} wraps any {@link
 * dev.cairn.core.signer.Signer} (a Ledger, a PKCS#11 key, a software key) and checks every request
 * against an immutable {@link dev.cairn.hsm.policy.Policy} <em>before</em> the wrapped signer is
 * asked. The decision is made only on what {@link dev.cairn.core.chain.Inspectors#inspect} reads
 * from the request's payload: allowed chains, signing accounts and key ids, value limits per
 * transaction and per sliding time window for each {@link dev.cairn.hsm.policy.Asset}, allowed
 * recipients, contracts with their selectors or message keys, and programs. Requests no inspector
 * reads (bare digests, raw messages) are denied unless the policy allows their kind blind; what an
 * inspector cannot resolve (Solana lookup-table accounts, SPL transfers without a mint) is denied by
 * the rules that depend on it. A denial fails the future with {@link
 * dev.cairn.core.signer.SignerException} of reason {@code POLICY_DENIED}, field {@code
 * policy.<rule>}. Every request is reported to an {@link dev.cairn.hsm.policy.AuditListener} ({@link
 * dev.cairn.hsm.policy.JsonLinesAuditWriter} writes JSON Lines), never with secret material.
 *
 * <pre>{@code
 * Policy policy = Policy.builder()
 *     .allowChains(ChainId.eip155(1))
 *     .allowRecipients(treasury)
 *     .allowMethods(router, "0x38ed1739")
 *     .maxPerTransaction(Asset.nativeAsset(ChainId.eip155(1), "ETH"), new BigInteger("1000000000000000000"))
 *     .maxPerWindow(Asset.token(usdc), BigInteger.valueOf(10_000_000_000L), Duration.ofDays(1))
 *     .build();
 * PolicySigner guarded = PolicySigner.builder(ledgerSigner, policy)
 *     .auditListener(JsonLinesAuditWriter.to(auditLog))
 *     .build();
 * Signature sig = guarded.sign(tx.toSignRequest(account));   // POLICY_DENIED if a rule fails
 * }</pre>
 */
package dev.cairn.hsm.policy;

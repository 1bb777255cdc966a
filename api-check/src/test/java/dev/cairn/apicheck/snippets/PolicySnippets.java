package dev.cairn.apicheck.snippets;

import dev.cairn.core.chain.AccountId;
import dev.cairn.core.chain.ChainId;
import dev.cairn.core.signer.Signature;
import dev.cairn.core.signer.Signer;
import dev.cairn.evm.tx.Transaction;
import dev.cairn.hsm.policy.Asset;
import dev.cairn.hsm.policy.JsonLinesAuditWriter;
import dev.cairn.hsm.policy.Policy;
import dev.cairn.hsm.policy.PolicySigner;
import java.io.Writer;
import java.math.BigInteger;
import java.time.Duration;

/** The package-info example of sdk-hsm's policy package (stream policy), compiled against the real module. */
@SuppressWarnings({"unused", "UnusedVariable"})
final class PolicySnippets {
  private PolicySnippets() {}

  static void policy(Signer ledgerSigner, Writer auditLog, AccountId treasury, AccountId router, AccountId usdc,
      AccountId account, Transaction tx) {
    // region:dev.cairn.hsm.policy
    Policy policy = Policy.builder()
        .allowChains(ChainId.eip155(1))
        .allowRecipients(treasury)
        .allowMethods(router, "0x38ed1739")
        .maxPerTransaction(Asset.nativeAsset(ChainId.eip155(1), "ETH"), new BigInteger("1000000000000000000"))
        .maxPerWindow(Asset.token(usdc), BigInteger.valueOf(10_000_000_000L), Duration.ofDays(1))
        .build();
    PolicySigner guarded = PolicySigner.builder(ledgerSigner, policy)
        .auditListener(JsonLinesAuditWriter.to(auditLog))
        .build();
    Signature sig = guarded.sign(tx.toSignRequest(account));   // POLICY_DENIED if a rule fails
    // endregion
  }
}

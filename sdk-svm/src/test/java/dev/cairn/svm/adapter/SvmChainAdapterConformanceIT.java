package dev.cairn.svm.adapter;

import dev.cairn.core.chain.AccountId;
import dev.cairn.core.chain.Amount;
import dev.cairn.core.chain.ChainAdapter;
import dev.cairn.core.chain.Denomination;
import dev.cairn.core.crypto.Ed25519PrivateKey;
import dev.cairn.core.encoding.Base58;
import dev.cairn.core.signer.Signer;
import dev.cairn.core.signer.Signers;
import dev.cairn.core.signer.SoftwareSigner;
import dev.cairn.svm.Pubkey;
import dev.cairn.testing.conformance.ChainAdapterConformance;
import dev.cairn.testing.node.LiteSvm;
import dev.cairn.testing.node.LiteSvmExtension;
import java.security.SecureRandom;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

/** sdk-svm's adapter passes the chain adapter conformance suite against LiteSVM. */
@ExtendWith(LiteSvmExtension.class)
class SvmChainAdapterConformanceIT extends ChainAdapterConformance {
  private static LiteSvm svm;
  private static SvmChainAdapter adapter;
  private static SoftwareSigner funded;
  private static AccountId recipient;

  static SvmChainAdapter adapter(LiteSvm node) {
    return SvmChainAdapter.builder(dev.cairn.svm.rpc.SvmRpcClient.create(node.url()))
        .pollInterval(Duration.ofMillis(100)).rebroadcastInterval(Duration.ofMillis(500)).build();
  }

  @BeforeAll
  static void start(LiteSvm node) {
    svm = node;
    adapter = adapter(node);
    funded = Signers.software(Ed25519PrivateKey.generate(new SecureRandom()));
    svm.airdrop(Pubkey.of(funded.publicKey()).toBase58(), 10_000_000_000L);
    Pubkey to = Pubkey.of(Ed25519PrivateKey.generate(new SecureRandom()).publicKey().bytes());
    svm.airdrop(to.toBase58(), 1_000_000_000L); // rent-exempt already: small transfers are fine
    recipient = adapter.accountOf(to);
  }

  @AfterAll
  static void stop() {
    adapter.close();
    funded.close();
  }

  @Override
  protected ChainAdapter adapter() {
    return adapter;
  }

  @Override
  protected ChainAdapter newAdapter() {
    return adapter(svm);
  }

  @Override
  protected Signer fundedSigner() {
    return funded;
  }

  @Override
  protected AccountId recipient() {
    return recipient;
  }

  @Override
  protected Amount transferAmount() {
    return Amount.of(1_000_007L, Denomination.SOL);
  }

  @Override
  protected String unknownTransactionId() {
    byte[] sig = new byte[64];
    java.util.Arrays.fill(sig, (byte) 0x11);
    return Base58.encode(sig);
  }

  @Override
  protected byte[] stateKey() {
    return new byte[0];
  }

  @Override
  protected java.util.Optional<byte[]> invalidStateKey() {
    return java.util.Optional.of(new byte[32]);
  }
}

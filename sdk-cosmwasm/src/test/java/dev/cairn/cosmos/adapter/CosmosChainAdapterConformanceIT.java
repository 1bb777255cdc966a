package dev.cairn.cosmos.adapter;

import dev.cairn.core.chain.AccountId;
import dev.cairn.core.chain.Amount;
import dev.cairn.core.chain.ChainAdapter;
import dev.cairn.core.crypto.Secp256k1PrivateKey;
import dev.cairn.core.signer.Signer;
import dev.cairn.core.signer.Signers;
import dev.cairn.core.signer.SoftwareSigner;
import dev.cairn.testing.conformance.ChainAdapterConformance;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * sdk-cosmwasm's adapter passes the testing kit's chain adapter conformance suite against the
 * {@link dev.cairn.cosmos.testsupport.ScriptedCosmosNode} (an emulator of the documented Cosmos
 * SDK 0.50 REST shapes that verifies signatures and enforces sequences, balances, gas and
 * timeout heights; not a real node).
 */
class CosmosChainAdapterConformanceIT extends ChainAdapterConformance {
  private static CosmosTestChain chain;
  private static SoftwareSigner funded;
  private static AccountId recipient;

  @BeforeAll
  static void start() {
    chain = new CosmosTestChain();
    funded = chain.fundedSigner();
    SoftwareSigner r = Signers.software(Secp256k1PrivateKey.generate(new SecureRandom()));
    recipient = chain.adapter.accountOf(r);
    r.close();
  }

  @AfterAll
  static void stop() throws Exception {
    funded.close();
    chain.close();
  }

  @Override
  protected ChainAdapter adapter() {
    return chain.adapter;
  }

  @Override
  protected ChainAdapter newAdapter() {
    return chain.newAdapter();
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
    return Amount.of(1_234_567L, CosmosTestChain.STAKE);
  }

  @Override
  protected String unknownTransactionId() {
    return "11".repeat(32).toUpperCase();
  }

  @Override
  protected byte[] stateKey() {
    return "count".getBytes(StandardCharsets.UTF_8);
  }

  @Override
  protected Optional<byte[]> invalidStateKey() {
    return Optional.of(new byte[0]);
  }

  @Override
  protected Duration timeout() {
    return Duration.ofSeconds(30);
  }
}

package dev.cairn.cosmos.adapter;

import dev.cairn.core.chain.AccountId;
import dev.cairn.core.chain.Amount;
import dev.cairn.core.chain.ChainAdapter;
import dev.cairn.core.chain.Denomination;
import dev.cairn.core.crypto.Secp256k1PrivateKey;
import dev.cairn.core.encoding.Hex;
import dev.cairn.core.signer.Signer;
import dev.cairn.core.signer.Signers;
import dev.cairn.core.signer.SoftwareSigner;
import dev.cairn.cosmos.client.GasPrice;
import dev.cairn.testing.conformance.ChainAdapterConformance;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;

/**
 * The same conformance suite against a REAL Cosmos SDK node, when given one (skipped otherwise):
 *
 * <pre>
 * mvn -B -o verify -pl sdk-cosmwasm -am -Dit.test=CosmosAdapterRealNodeIT -Dfailsafe.failIfNoSpecifiedTests=false \
 *     -Dcairn.cosmos.rest=http://127.0.0.1:1317 -Dcairn.cosmos.chainId=testing \
 *     -Dcairn.cosmos.key=&lt;hex secp256k1 private key of a funded account&gt; \
 *     [-Dcairn.cosmos.prefix=cosmos] [-Dcairn.cosmos.denom=ustake] [-Dcairn.cosmos.gasPrice=0.025ustake]
 * </pre>
 *
 * It sends a few small transfers from that account to a fresh address.
 */
class CosmosAdapterRealNodeIT extends ChainAdapterConformance {
  private static CosmosChainAdapter adapter;
  private static SoftwareSigner funded;
  private static AccountId recipient;
  private static Denomination denom;

  private static CosmosChainAdapter create() {
    String d = System.getProperty("cairn.cosmos.denom", "ustake");
    return CosmosChainAdapter.builder(System.getProperty("cairn.cosmos.rest"), System.getProperty("cairn.cosmos.chainId"))
        .prefix(System.getProperty("cairn.cosmos.prefix", "cosmos")).denomination(Denomination.of(d, 6))
        .gasPrice(GasPrice.parse(System.getProperty("cairn.cosmos.gasPrice", "0.025" + d)))
        .pollInterval(Duration.ofMillis(500)).build();
  }

  @BeforeAll
  static void start() {
    Assumptions.assumeTrue(System.getProperty("cairn.cosmos.rest") != null && System.getProperty("cairn.cosmos.chainId") != null
        && System.getProperty("cairn.cosmos.key") != null,
        "no real node: set -Dcairn.cosmos.rest, -Dcairn.cosmos.chainId and -Dcairn.cosmos.key (a funded account)");
    adapter = create();
    denom = adapter.nativeDenomination();
    funded = Signers.software(Secp256k1PrivateKey.of(Hex.decode(System.getProperty("cairn.cosmos.key"))));
    SoftwareSigner r = Signers.software(Secp256k1PrivateKey.generate(new SecureRandom()));
    recipient = adapter.accountOf(r);
    r.close();
  }

  @AfterAll
  static void stop() {
    if (adapter != null) {
      adapter.close();
      funded.close();
    }
  }

  @Override
  protected ChainAdapter adapter() {
    return adapter;
  }

  @Override
  protected ChainAdapter newAdapter() {
    return create();
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
    return Amount.of(1_001L, denom);
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
}

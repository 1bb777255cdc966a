package dev.cairn.cosmos.adapter;

import dev.cairn.core.chain.Denomination;
import dev.cairn.core.crypto.Secp256k1PrivateKey;
import dev.cairn.core.signer.KeyType;
import dev.cairn.core.signer.SignRequest;
import dev.cairn.core.signer.Signature;
import dev.cairn.core.signer.Signer;
import dev.cairn.core.signer.Signers;
import dev.cairn.core.signer.SoftwareSigner;
import dev.cairn.cosmos.client.GasPrice;
import dev.cairn.cosmos.testsupport.ScriptedCosmosNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/** A {@link ScriptedCosmosNode} (an emulator of the SDK 0.50 REST shapes, not a node) and adapters over it. */
final class CosmosTestChain implements AutoCloseable {
  static final String CHAIN = "cairn-testing-1";
  static final String PREFIX = "cosmos";
  static final Denomination STAKE = Denomination.of("ustake", 6);
  static final BigInteger FUNDS = BigInteger.valueOf(1_000_000_000_000L);

  final ScriptedCosmosNode node;
  final CosmosChainAdapter adapter;

  CosmosTestChain() {
    try {
      node = new ScriptedCosmosNode(CHAIN, PREFIX, "ustake", new BigDecimal("0.025"), 100);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    adapter = newAdapter();
  }

  CosmosChainAdapter.Builder builder() {
    return CosmosChainAdapter.builder(node.restUrl(), CHAIN).prefix(PREFIX).denomination(STAKE)
        .gasPrice(GasPrice.parse("0.025ustake")).timeoutBlocks(50).pollInterval(Duration.ofMillis(50));
  }

  CosmosChainAdapter newAdapter() {
    return builder().build();
  }

  /** A new software key, funded on the emulated chain. */
  SoftwareSigner fundedSigner() {
    SoftwareSigner s = Signers.software(Secp256k1PrivateKey.generate(new SecureRandom()));
    node.fund(address(s), "ustake", FUNDS);
    return s;
  }

  String address(Signer s) {
    return adapter.accountOf(s).address();
  }

  /** A signer that signs only amino JSON (as the Ledger Cosmos app does). */
  static Signer aminoOnly(Signer inner) {
    return new Signer() {
      @Override
      public KeyType keyType() {
        return inner.keyType();
      }

      @Override
      public byte[] publicKey() {
        return inner.publicKey();
      }

      @Override
      public boolean supports(SignRequest.Kind kind) {
        return kind == SignRequest.Kind.COSMOS_AMINO_JSON;
      }

      @Override
      public CompletableFuture<Signature> signAsync(SignRequest request) {
        if (request.kind() != SignRequest.Kind.COSMOS_AMINO_JSON) {
          throw new IllegalStateException("amino-only signer asked for " + request.kind());
        }
        return inner.signAsync(request);
      }
    };
  }

  @Override
  public void close() throws IOException {
    adapter.close();
    node.close();
  }
}

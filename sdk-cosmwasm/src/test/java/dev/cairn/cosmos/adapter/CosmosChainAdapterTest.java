package dev.cairn.cosmos.adapter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.core.chain.ChainException;
import dev.cairn.core.chain.ErrorKind;
import dev.cairn.core.crypto.Secp256k1PrivateKey;
import dev.cairn.core.encoding.Hex;
import dev.cairn.core.signer.KeyType;
import dev.cairn.cosmos.Coin;
import dev.cairn.cosmos.CosmosPublicKey;
import dev.cairn.cosmos.msg.MsgSend;
import dev.cairn.cosmos.tx.CosmosTransaction;
import dev.cairn.cosmos.tx.Fee;
import dev.cairn.cosmos.tx.SignMode;
import dev.cairn.cosmos.tx.TxSigner;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Offline behaviour of the adapter: options, accounts, decoding (no node contacted). */
class CosmosChainAdapterTest {
  private static final CosmosPublicKey KEY = CosmosPublicKey.of(CosmosPublicKey.Type.SECP256K1,
      Secp256k1PrivateKey.of(Hex.decode("07".repeat(32))).publicKey().compressed());

  private static CosmosChainAdapter adapter(String chain, String prefix) {
    return CosmosChainAdapter.builder("http://127.0.0.1:9", chain).prefix(prefix).build();
  }

  private static ErrorKind kind(Runnable r) {
    return assertThrows(ChainException.class, r::run).kind();
  }

  @Test
  void optionsAreCheckedAndNamed() {
    CosmosChainAdapter.Builder b = CosmosChainAdapter.builder("http://127.0.0.1:9", "testing");
    ChainException e = assertThrows(ChainException.class, () -> b.gasMultiplier(new BigDecimal("0.9")));
    assertTrue(e.getMessage().contains("gasMultiplier"), e.getMessage());
    assertTrue(assertThrows(ChainException.class, () -> b.timeoutBlocks(-1)).getMessage().contains("timeoutBlocks"));
    assertTrue(assertThrows(ChainException.class, () -> b.pollInterval(Duration.ZERO)).getMessage().contains("pollInterval"));
    assertTrue(assertThrows(ChainException.class, () -> b.prefix("Bad Prefix")).getMessage().contains("prefix"));
    assertTrue(assertThrows(ChainException.class, () -> b.signMode(new byte[5], SignMode.DIRECT)).getMessage().contains("publicKey"));
    assertEquals(ErrorKind.INVALID_INPUT, kind(() -> CosmosChainAdapter.builder("", "testing")));
    assertEquals(ErrorKind.INVALID_INPUT, kind(() -> CosmosChainAdapter.builder("http://x", "x".repeat(51)).build()));
  }

  @Test
  void accountsAreBech32OfSecp256k1KeysWithThePrefix() {
    try (CosmosChainAdapter a = adapter("testing", "wasm")) {
      assertEquals(KEY.address("wasm").toString(), a.accountOf(KeyType.SECP256K1, KEY.compressed()).address());
      assertEquals("cosmos:testing", a.accountOf(KeyType.SECP256K1, KEY.compressed()).chainId().toString());
      assertEquals(ErrorKind.UNSUPPORTED, kind(() -> a.accountOf(KeyType.ED25519, new byte[32])));
      assertEquals(ErrorKind.INVALID_INPUT, kind(() -> a.accountOf(KeyType.SECP256K1, new byte[33])));
    }
  }

  @Test
  void decodingChecksChainPrefixAndShape() {
    CosmosTransaction tx = CosmosTransaction.builder("testing")
        .message(MsgSend.of(KEY.address("wasm").toString(), KEY.address("wasm").toString(), List.of(Coin.of("ustake", 1))))
        .fee(Fee.of(List.of(Coin.of("ustake", 10)), 100_000)).timeoutHeight(77)
        .signer(TxSigner.of(KEY, "wasm", 3, 4, SignMode.AMINO_JSON)).build();
    try (CosmosChainAdapter a = adapter("testing", "wasm"); CosmosChainAdapter other = adapter("other", "wasm");
         CosmosChainAdapter cosmos = adapter("testing", "cosmos")) {
      CosmosTransaction back = a.decodeUnsigned(tx.encoded());
      assertEquals(tx.signers(), back.signers());
      assertEquals(77, back.validity().lastValidHeight().getAsLong());
      assertEquals(ErrorKind.INVALID_INPUT, kind(() -> other.decodeUnsigned(tx.encoded())));
      assertEquals(ErrorKind.INVALID_INPUT, kind(() -> cosmos.decodeUnsigned(tx.encoded())));
      assertEquals(ErrorKind.INVALID_INPUT, kind(() -> a.decodeUnsigned(tx.unsignedTxRaw())), "a bare TxRaw lacks the account numbers");
      assertEquals(ErrorKind.INVALID_INPUT, kind(() -> a.decodeSigned(tx.unsignedTxRaw())), "empty signatures");
    }
  }

  @Test
  void aChainIdOutsideCaip2IsHashedThereButSignedAsItIs() {
    String odd = "my chain: with spaces, over 32 chars";
    try (CosmosChainAdapter a = adapter(odd, "cosmos")) {
      assertEquals(odd, a.cosmosChainId());
      assertTrue(a.chainId().reference().startsWith("hashed-") || !a.chainId().reference().equals(odd), a.chainId().toString());
      CosmosTransaction tx = CosmosTransaction.builder(odd)
          .message(MsgSend.of(KEY.address("cosmos").toString(), KEY.address("cosmos").toString(), List.of(Coin.of("ustake", 1))))
          .fee(Fee.of(List.of(Coin.of("ustake", 10)), 100_000)).signer(TxSigner.of(KEY, "cosmos", 3, 4, SignMode.DIRECT)).build();
      assertEquals(a.chainId(), tx.chainId());
      assertEquals(odd, a.decodeUnsigned(tx.encoded()).cosmosChainId());
    }
  }

  @Test
  void closedAdapterFailsTyped() throws Exception {
    CosmosChainAdapter a = adapter("testing", "cosmos");
    a.close();
    a.close();
    java.util.concurrent.ExecutionException e = assertThrows(java.util.concurrent.ExecutionException.class,
        () -> a.nextNonce(a.accountOf(KeyType.SECP256K1, KEY.compressed())).get());
    assertEquals(ErrorKind.UNSUPPORTED, ((ChainException) e.getCause()).kind());
  }
}

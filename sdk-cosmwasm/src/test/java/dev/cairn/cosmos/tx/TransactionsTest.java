package dev.cairn.cosmos.tx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.core.chain.AccountId;
import dev.cairn.core.chain.PartiallySignedTransaction;
import dev.cairn.core.crypto.EcdsaSignature;
import dev.cairn.core.crypto.Secp256k1PrivateKey;
import dev.cairn.core.encoding.DecodingException;
import dev.cairn.core.encoding.Hex;
import dev.cairn.core.hash.Hashes;
import dev.cairn.core.signer.SignRequest;
import dev.cairn.core.signer.Signature;
import dev.cairn.core.signer.Signers;
import dev.cairn.core.signer.SoftwareSigner;
import dev.cairn.cosmos.Coin;
import dev.cairn.cosmos.CosmosException;
import dev.cairn.cosmos.CosmosPublicKey;
import dev.cairn.cosmos.msg.CosmosMsg;
import dev.cairn.cosmos.msg.MsgSend;
import dev.cairn.cosmos.oracle.RandomCosmos;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class TransactionsTest {
  // fresh key objects per test: closing a software signer destroys its key
  final Secp256k1PrivateKey K1 = Secp256k1PrivateKey.of(Hex.decode("0101010101010101010101010101010101010101010101010101010101010101"));
  final Secp256k1PrivateKey K2 = Secp256k1PrivateKey.of(Hex.decode("0202020202020202020202020202020202020202020202020202020202020202"));

  static CosmosPublicKey pub(Secp256k1PrivateKey k, CosmosPublicKey.Type t) {
    return CosmosPublicKey.of(t, k.publicKey().compressed());
  }

  /** Fuzzing finding (CosmosProtoFuzzTest txBody/txRaw): a timeout timestamp past year 9999. */
  @Test
  void timeoutTimestampOutsideYears1To9999IsATypedRefusal() {
    String a = pub(K1, CosmosPublicKey.Type.SECP256K1).address("cosmos").toString();
    List<CosmosMsg> msgs = List.of(MsgSend.of(a, a, List.of(Coin.of("uatom", 1))));
    byte[] valid = TxBody.of(msgs, "", 0, false, null, List.of(), List.of()).encode();
    for (long seconds : new long[] {Long.MAX_VALUE, 253402300800L, -62135596801L}) {
      byte[] ts = dev.cairn.cosmos.internal.Wire.secondsNanos(seconds, 0);
      byte[] body = concat(valid, new dev.cairn.cosmos.internal.ProtoWriter().message(5, ts).toByteArray());
      DecodingException e = assertThrows(DecodingException.class, () -> TxBody.decode(body));
      assertTrue(e.getMessage().contains("timeout_timestamp.seconds"), e.getMessage());
    }
    byte[] edge = concat(valid, new dev.cairn.cosmos.internal.ProtoWriter()
        .message(5, dev.cairn.cosmos.internal.Wire.secondsNanos(253402300799L, 999_999_999)).toByteArray());
    assertEquals(java.time.Instant.parse("9999-12-31T23:59:59.999999999Z"),
        TxBody.decode(edge).timeoutTimestamp().orElseThrow());
    CosmosException built = assertThrows(CosmosException.class, () -> TxBody.of(msgs, "", 0, false,
        java.time.Instant.parse("+10000-01-01T00:00:00Z"), List.of(), List.of()));
    assertTrue(built.getMessage().contains("body.timeoutTimestamp"), built.getMessage());
  }

  static byte[] concat(byte[] a, byte[] b) {
    byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  @Test
  void twoSignersInDifferentModesThroughThePartiallySignedContract() {
    CosmosPublicKey p1 = pub(K1, CosmosPublicKey.Type.SECP256K1);
    CosmosPublicKey p2 = pub(K2, CosmosPublicKey.Type.ETHERMINT_ETH_SECP256K1);
    String a1 = p1.address("cosmos").toString();
    String a2 = p2.address("cosmos").toString();
    CosmosTransaction tx = CosmosTransaction.builder("cosmoshub-4")
        .message(MsgSend.of(a1, a2, List.of(Coin.of("uatom", 10))))
        .message(MsgSend.of(a2, a1, List.of(Coin.of("uatom", 3))))
        .fee(Fee.of(List.of(Coin.of("uatom", 500)), 200_000)).memo("two & <signers>").timeoutHeight(1234)
        .signer(TxSigner.of(p1, "cosmos", 7, 1, SignMode.DIRECT))
        .signer(TxSigner.of(p2, "cosmos", 8, 9, SignMode.AMINO_JSON))
        .build();
    List<AccountId> signers = tx.requiredSigners();
    assertEquals(2, signers.size());
    assertEquals(signers.get(0), tx.feePayer());
    SignRequest r1 = tx.signRequest(signers.get(0));
    SignRequest r2 = tx.signRequest(signers.get(1));
    assertEquals(SignRequest.Kind.COSMOS_SIGN_DOC_DIRECT, r1.kind());
    assertEquals(SignRequest.Kind.COSMOS_AMINO_JSON_KECCAK, r2.kind());
    assertArrayEquals(Hashes.sha256(r1.payload()), r1.digest().orElseThrow());
    assertTrue(new String(r2.payload(), java.nio.charset.StandardCharsets.UTF_8).contains("\"memo\":\"two \\u0026 \\u003csigners\\u003e\""));
    PartiallySignedTransaction pst = PartiallySignedTransaction.of(tx);
    try (SoftwareSigner s1 = Signers.software(Secp256k1PrivateKey.of(K1.bytes()));
        SoftwareSigner s2 = Signers.software(Secp256k1PrivateKey.of(K2.bytes()))) {
      Signature sig1 = s1.sign(r1);
      Signature sig2 = s2.sign(r2);
      // a signature from the wrong key or over the wrong document is refused
      assertThrows(RuntimeException.class, () -> pst.addSignature(signers.get(0), sig2));
      PartiallySignedTransaction done = pst.addSignature(signers.get(0), sig1).addSignature(signers.get(1), sig2);
      SignedCosmosTransaction signed = (SignedCosmosTransaction) done.toSignedTransaction();
      TxRaw raw = TxRaw.decode(signed.encoded());
      assertEquals(signed.id(), raw.hash());
      assertEquals(64, raw.signatures().get(0).length);
      assertTrue(EcdsaSignature.fromCompact(raw.signatures().get(1)).isLowS());
      AuthInfo auth = raw.authInfo();
      assertEquals(ModeInfo.DIRECT, auth.signerInfos().get(0).modeInfo().mode());
      assertEquals(ModeInfo.LEGACY_AMINO_JSON, auth.signerInfos().get(1).modeInfo().mode());
      assertEquals(p2, auth.signerInfos().get(1).cosmosPublicKey().orElseThrow());
      assertEquals(tx.body().messages(), raw.body().messages());
      assertEquals(1234, raw.body().timeoutHeight());
      // the same through sign(): deterministic signatures give the same transaction
      assertEquals(signed.id(), tx.sign(List.of(s2, s1)).id());
    }
  }

  /** A device that signs something other than the request it was given. */
  private static dev.cairn.core.signer.Signer signingSomethingElse(SoftwareSigner inner) {
    return new dev.cairn.core.signer.Signer() {
      @Override
      public dev.cairn.core.signer.KeyType keyType() {
        return inner.keyType();
      }

      @Override
      public byte[] publicKey() {
        return inner.publicKey();
      }

      @Override
      public boolean supports(SignRequest.Kind kind) {
        return inner.supports(kind);
      }

      @Override
      public java.util.concurrent.CompletableFuture<Signature> signAsync(SignRequest request) {
        SignRequest other = SignRequest.of(request.kind(), request.account().orElseThrow(), new byte[] {1, 2, 3});
        return inner.signAsync(other);
      }
    };
  }

  @Test
  void aSignatureFromAnotherBackendIsVerifiedOneFromASoftwareKeyIsTaken() {
    CosmosPublicKey p1 = pub(K1, CosmosPublicKey.Type.SECP256K1);
    String a1 = p1.address("osmo").toString();
    CosmosTransaction tx = CosmosTransaction.builder("osmosis-1").message(MsgSend.of(a1, a1, List.of()))
        .fee(List.of(), 100_000).signer(TxSigner.of(p1, "osmo", 1, 2, SignMode.DIRECT)).build();
    SignedCosmosTransaction ok = tx.sign(List.of(Signers.software(K1)));
    assertTrue(tx.verify(tx.requiredSigners().get(0), Signature.secp256k1(ok.txRaw().signatures().get(0), Signature.UNKNOWN_RECOVERY_ID)));
    CosmosException e = assertThrows(CosmosException.class, () -> tx.sign(List.of(signingSomethingElse(Signers.software(K1)))));
    assertEquals(CosmosException.Reason.INVALID_SIGNATURE, e.reason());
  }

  @Test
  void missingOrWrongSignaturesAreTyped() {
    CosmosPublicKey p1 = pub(K1, CosmosPublicKey.Type.SECP256K1);
    String a1 = p1.address("osmo").toString();
    CosmosTransaction tx = CosmosTransaction.builder("osmosis-1").message(MsgSend.of(a1, a1, List.of()))
        .fee(List.of(), 100_000).signer(TxSigner.of(p1, "osmo", 1, 2, SignMode.DIRECT)).build();
    CosmosException e = assertThrows(CosmosException.class, () -> tx.withSignatures(Map.of()));
    assertEquals(CosmosException.Reason.INVALID_SIGNATURE, e.reason());
    Signature wrong = Signature.secp256k1(K2.sign(Hashes.sha256(tx.signBytes(0))));
    e = assertThrows(CosmosException.class, () -> tx.withSignatures(Map.of(tx.requiredSigners().get(0), wrong)));
    assertEquals(CosmosException.Reason.INVALID_SIGNATURE, e.reason());
    // a high-s signature is refused, its low-s twin accepted
    EcdsaSignature low = K1.sign(Hashes.sha256(tx.signBytes(0)));
    EcdsaSignature high = EcdsaSignature.of(low.r(), dev.cairn.core.crypto.Secp256k1.ORDER.subtract(low.s()), -1);
    assertFalse(tx.verify(tx.requiredSigners().get(0), Signature.secp256k1(high.toCompact(), -1)));
    assertTrue(tx.verify(tx.requiredSigners().get(0), Signature.secp256k1(low)));
  }

  @Test
  void limitsAndMissingPartsAreTyped() {
    CosmosPublicKey p1 = pub(K1, CosmosPublicKey.Type.SECP256K1);
    String a1 = p1.address("cosmos").toString();
    CosmosException e = assertThrows(CosmosException.class, () -> CosmosTransaction.builder("c-1")
        .message(MsgSend.of(a1, a1, List.of())).signer(TxSigner.of(p1, "cosmos", 0, 0, SignMode.DIRECT)).build());
    assertTrue(e.getMessage().startsWith("fee"), e.getMessage());
    e = assertThrows(CosmosException.class, () -> CosmosTransaction.builder("c-1").memo("x".repeat(TxBody.MAX_MEMO + 1))
        .message(MsgSend.of(a1, a1, List.of())).fee(List.of(), 1).signer(TxSigner.of(p1, "cosmos", 0, 0, SignMode.DIRECT)).build());
    assertEquals(CosmosException.Reason.TOO_LARGE, e.reason());
    DecodingException d = assertThrows(DecodingException.class, () -> TxRaw.decode(new byte[TxRaw.MAX_TX_BYTES + 1]));
    assertTrue(d.getMessage().contains("limit"));
    d = assertThrows(DecodingException.class, () -> TxRaw.decode(Hex.decode("0a05aabb")));
    assertTrue(d.getMessage().startsWith("TxRaw.body_bytes"), d.getMessage());
    byte[] badSend = dev.cairn.cosmos.msg.Any.of(MsgSend.TYPE_URL, Hex.decode("0a05")).encode();
    byte[] body = new dev.cairn.cosmos.internal.ProtoWriter().message(1, badSend).toByteArray();
    d = assertThrows(DecodingException.class, () -> TxBody.decode(body));
    assertTrue(d.field().startsWith("TxBody.messages[0]"), d.getMessage());
  }

  @Property(tries = 200)
  void txRawRoundTripsAndHashIsSha256(@ForAll long seed) {
    RandomCosmos g = new RandomCosmos(seed);
    CosmosPublicKey p = pub(K1, CosmosPublicKey.Type.SECP256K1);
    String sender = p.address(g.prefix).toString();
    List<CosmosMsg> msgs = new ArrayList<>();
    for (int i = 0; i < 1 + g.random().nextInt(3); i++) {
      msgs.add(g.msg(RandomCosmos.TYPES.get(g.random().nextInt(RandomCosmos.TYPES.size())), sender));
    }
    CosmosTransaction tx = CosmosTransaction.builder("test-" + g.random().nextInt(100)).messages(msgs)
        .fee(Fee.of(g.coins(2), g.u53())).memo(g.text(30)).timeoutHeight(g.u53())
        .signer(TxSigner.of(p, g.prefix, g.u53(), g.u53(), SignMode.DIRECT)).build();
    TxRaw raw = TxRaw.decode(tx.unsignedTxRaw());
    assertArrayEquals(tx.bodyBytes(), raw.bodyBytes());
    assertArrayEquals(tx.authInfoBytes(), raw.authInfoBytes());
    assertArrayEquals(tx.bodyBytes(), raw.body().encode());
    assertArrayEquals(tx.authInfoBytes(), raw.authInfo().encode());
    assertEquals(Hex.encode(Hashes.sha256(raw.encode())).toUpperCase(java.util.Locale.ROOT), raw.hash());
    // the portable unsigned form (chain id, prefixes, account numbers + TxRaw) round-trips
    CosmosTransaction back = CosmosTransaction.decode(tx.encoded());
    assertEquals(tx.chainId(), back.chainId());
    assertEquals(tx.signers(), back.signers());
    assertArrayEquals(tx.bodyBytes(), back.bodyBytes());
    assertArrayEquals(tx.authInfoBytes(), back.authInfoBytes());
    assertArrayEquals(tx.signBytes(0), back.signBytes(0));
    byte[] enc = tx.encoded();
    for (int cut = 0; cut < enc.length; cut += 1 + enc.length / 13) {
      byte[] t = java.util.Arrays.copyOf(enc, cut);
      assertThrows(DecodingException.class, () -> CosmosTransaction.decode(t));
    }
  }

  @Property(tries = 1000)
  void malformedTransactionsGiveDecodingErrorsOnly(@ForAll byte[] junk) {
    try {
      TxRaw raw = TxRaw.decode(junk);
      try {
        raw.body();
        raw.authInfo();
      } catch (DecodingException expected) {
        assertFalse(expected.getMessage().isEmpty());
      }
    } catch (DecodingException expected) {
      assertFalse(expected.getMessage().isEmpty());
    }
  }
}

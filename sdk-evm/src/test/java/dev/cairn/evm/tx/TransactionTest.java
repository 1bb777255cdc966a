package dev.cairn.evm.tx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cairn.abi.Address;
import dev.cairn.core.crypto.CryptoException;
import dev.cairn.core.crypto.Secp256k1;
import dev.cairn.core.crypto.Secp256k1PrivateKey;
import dev.cairn.core.encoding.DecodingException;
import dev.cairn.core.encoding.Hex;
import dev.cairn.core.hash.Keccak256;
import dev.cairn.core.signer.KeyType;
import dev.cairn.core.signer.SignRequest;
import dev.cairn.core.signer.Signature;
import dev.cairn.core.signer.Signer;
import dev.cairn.core.signer.Signers;
import dev.cairn.core.testing.TestData;
import java.math.BigInteger;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class TransactionTest {
  private static final Secp256k1PrivateKey KEY = Secp256k1PrivateKey.of(Hex.decode(
      "4646464646464646464646464646464646464646464646464646464646464646"));
  private static final Address TO = Address.parse("0x3535353535353535353535353535353535353535");

  @Test
  void eip155Example() throws Exception {
    JsonNode v = new ObjectMapper().readTree(TestData.read("eip/eip155_example.json"));
    JsonNode t = v.get("transaction");
    Transaction tx = Transaction.legacy().chainId(v.get("chainId").asLong())
        .nonce(t.get("nonce").asLong()).gasPrice(new BigInteger(t.get("gasPrice").asText()))
        .gasLimit(t.get("gasLimit").asLong()).to(t.get("to").asText())
        .value(new BigInteger(t.get("value").asText())).build();
    assertEquals(v.get("signingData").asText(), Hex.encodePrefixed(tx.signingPayload()));
    assertEquals(v.get("signingHash").asText(), Hex.encodePrefixed(tx.signingHash()));
    SignedTransaction st = tx.sign(Secp256k1PrivateKey.of(Hex.decode(v.get("privateKey").asText())));
    assertEquals(v.get("v").asInt(), st.v().intValueExact());
    assertEquals(new BigInteger(v.get("r").asText()), st.r());
    assertEquals(new BigInteger(v.get("s").asText()), st.s());
    assertEquals(v.get("signedTransaction").asText(), st.toHex());
    SignedTransaction back = SignedTransaction.decode(v.get("signedTransaction").asText());
    assertEquals(v.get("derived").get("sender").asText(), back.from().toChecksumString());
    assertTrue(back.transaction().isEip155());
    assertEquals(1, back.transaction().chainId());
    back.validate(Fork.LATEST, 1);
  }

  /** Records the requests it gets and signs with KEY. */
  static final class RecordingSigner implements Signer {
    final AtomicInteger calls = new AtomicInteger();
    SignRequest last;

    @Override
    public KeyType keyType() {
      return KeyType.SECP256K1;
    }

    @Override
    public byte[] publicKey() {
      return KEY.publicKey().compressed();
    }

    @Override
    public boolean supports(SignRequest.Kind kind) {
      return true;
    }

    @Override
    public CompletableFuture<Signature> signAsync(SignRequest request) {
      calls.incrementAndGet();
      last = request;
      return CompletableFuture.completedFuture(Signature.secp256k1(KEY.sign(request.digest().get())));
    }
  }

  private static Transaction transfer(long chainId) {
    return Transaction.eip1559().chainId(chainId).nonce(3).gasLimit(21_000).to(TO)
        .maxFeePerGas(30_000_000_000L).maxPriorityFeePerGas(1_000_000_000L)
        .value(BigInteger.TEN.pow(18)).build();
  }

  @Test
  void signerGetsThePayloadAndItsDigest() {
    Transaction tx = transfer(1);
    RecordingSigner signer = new RecordingSigner();
    SignedTransaction st = tx.sign(signer);
    assertEquals(SignRequest.Kind.EVM_TRANSACTION, signer.last.kind());
    assertArrayEquals(tx.signingPayload(), signer.last.payload());
    assertEquals(2, signer.last.payload()[0]);
    assertArrayEquals(Keccak256.hash(tx.signingPayload()), signer.last.digest().get());
    assertEquals(tx.sign(KEY), st);
    assertEquals(Address.fromPublicKey(KEY.publicKey()), st.from());
    assertEquals(st, tx.signAsync(signer).join());
    assertEquals(st, tx.sign(Signers.software(Secp256k1PrivateKey.of(KEY.bytes()))));
  }

  @Test
  void refusesToSignForAnotherChain() {
    RecordingSigner signer = new RecordingSigner();
    EvmTxException e = assertThrows(EvmTxException.class, () -> transfer(1).sign(signer, 5));
    assertEquals(EvmTxException.Reason.CHAIN_ID_MISMATCH, e.reason());
    assertEquals("chainId", e.field());
    assertEquals(0, signer.calls.get(), "the signer must not be asked");
    transfer(1).requireChainId(1);
    assertEquals(1, transfer(1).sign(signer, 1).transaction().chainId());
    // a legacy transaction without chain id is replayable: refused against any node
    Transaction pre155 = Transaction.legacy().to(TO).gasLimit(21_000).build();
    assertThrows(EvmTxException.class, () -> pre155.requireChainId(1));
    assertEquals(BigInteger.valueOf(27), pre155.sign(KEY).v().min(BigInteger.valueOf(27)));
  }

  @Test
  void typeInferenceAndFieldChecks() {
    assertEquals(TxType.LEGACY, Transaction.builder().gasPrice(1).build().type());
    assertEquals(TxType.ACCESS_LIST, Transaction.builder().accessList(AccessList.EMPTY).build().type());
    assertEquals(TxType.DYNAMIC_FEE, Transaction.builder().maxFeePerGas(1).build().type());
    Authorization auth = Authorization.sign(BigInteger.ONE, TO, 0, KEY);
    Transaction t4 = Transaction.builder().to(TO).authorizationList(List.of(auth)).build();
    assertEquals(TxType.SET_CODE, t4.type());
    assertEquals(t4, t4.toBuilder().build());
    EvmTxException e = assertThrows(EvmTxException.class,
        () -> Transaction.legacy().maxFeePerGas(1).build());
    assertEquals("maxFeePerGas", e.field());
    assertThrows(EvmTxException.class, () -> Transaction.eip1559().gasPrice(1).build());
    assertThrows(EvmTxException.class, () -> Transaction.legacy().accessList(AccessList.EMPTY).build());
    assertThrows(EvmTxException.class,
        () -> Transaction.eip7702().authorizationList(List.of(auth)).build(), "needs a recipient");
    assertThrows(EvmTxException.class, () -> Transaction.legacy().nonce(-1));
    assertThrows(EvmTxException.class, () -> Transaction.legacy().value(BigInteger.ONE.shiftLeft(256)));
    assertThrows(EvmTxException.class, () -> Transaction.legacy().value(BigInteger.valueOf(-1)));
    assertThrows(EvmTxException.class, () -> Transaction.legacy().gasLimit(BigInteger.ONE.shiftLeft(64)));
    Transaction big = Transaction.legacy().nonce(BigInteger.ONE.shiftLeft(64).subtract(BigInteger.TWO))
        .gasLimit(BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE)).build();
    assertEquals("18446744073709551614", Long.toUnsignedString(big.nonce()));
    SignedTransaction st = big.sign(KEY);
    assertEquals(big, SignedTransaction.decode(st.encoded()).transaction());
    assertTrue(Transaction.legacy().build().isContractCreation());
    assertNull(transfer(1).gasPrice());
  }

  @Test
  void validationRules() {
    Transaction ok = transfer(1);
    ok.validate(Fork.LONDON);
    assertEquals(21_000, ok.intrinsicGas(Fork.LATEST));
    assertReason(EvmTxException.Reason.TYPE_NOT_SUPPORTED, () -> ok.validate(Fork.BERLIN));
    assertReason(EvmTxException.Reason.INTRINSIC_GAS_TOO_LOW,
        () -> ok.toBuilder().gasLimit(20_999).build().validate(Fork.LATEST));
    assertReason(EvmTxException.Reason.PRIORITY_FEE_ABOVE_MAX_FEE,
        () -> ok.toBuilder().maxPriorityFeePerGas(31_000_000_000L).build().validate(Fork.LATEST));
    assertReason(EvmTxException.Reason.GAS_PRICE_PRODUCT_OVERFLOW,
        () -> ok.toBuilder().maxFeePerGas(Transaction.MAX_U256).maxPriorityFeePerGas(0).build()
            .validate(Fork.LATEST));
    assertReason(EvmTxException.Reason.NONCE_TOO_BIG,
        () -> ok.toBuilder().nonce(BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE)).build()
            .validate(Fork.LATEST));
    // data: 2 zero bytes, 2 non-zero: 4*2 + 16*2 from Istanbul, 4*2 + 68*2 before
    Transaction withData = ok.toBuilder().data(new byte[] {0, 1, 0, 2}).gasLimit(100_000).build();
    assertEquals(21_000 + 8 + 32, withData.intrinsicGas(Fork.ISTANBUL));
    assertEquals(21_000 + 8 + 136, withData.intrinsicGas(Fork.PETERSBURG));
    // access list: 2400 per address, 1900 per key
    Transaction withList = ok.toBuilder().accessList(AccessList.of(
        AccessList.Entry.of(TO, new byte[32], new byte[32]), AccessList.Entry.of(Address.ZERO))).build();
    assertEquals(21_000 + 2 * 2400 + 2 * 1900, withList.intrinsicGas(Fork.BERLIN));
    // creation: 32000 more from Homestead, 2 per init-code word from Shanghai, size limit
    Transaction create = Transaction.legacy().gasPrice(1).gasLimit(10_000_000).data(new byte[33]).build();
    assertEquals(21_000 + 33 * 4, create.intrinsicGas(Fork.FRONTIER));
    assertEquals(53_000 + 33 * 4, create.intrinsicGas(Fork.PARIS));
    assertEquals(53_000 + 33 * 4 + 2 * 2, create.intrinsicGas(Fork.SHANGHAI));
    Transaction huge = create.toBuilder().data(new byte[Transaction.MAX_INITCODE_SIZE + 1]).build();
    huge.validate(Fork.PARIS);
    assertReason(EvmTxException.Reason.INITCODE_TOO_LARGE, () -> huge.validate(Fork.SHANGHAI));
    // EIP-7702: 25000 per authorization; empty list invalid; EIP-7623 floor in Prague
    Authorization auth = Authorization.sign(BigInteger.ZERO, TO, 0, KEY);
    Transaction t4 = Transaction.eip7702().to(TO).gasLimit(46_000).authorizationList(List.of(auth)).build();
    assertEquals(46_000, t4.intrinsicGas(Fork.PRAGUE));
    t4.validate(Fork.PRAGUE);
    assertReason(EvmTxException.Reason.TYPE_NOT_SUPPORTED, () -> t4.validate(Fork.CANCUN));
    assertReason(EvmTxException.Reason.INVALID_FIELD,
        () -> t4.toBuilder().authorizationList(List.of()).build().validate(Fork.PRAGUE));
    Transaction calldata = ok.toBuilder().data(new byte[1000]).gasLimit(21_000 + 4000).build();
    calldata.validate(Fork.CANCUN);
    assertReason(EvmTxException.Reason.INTRINSIC_GAS_TOO_LOW, () -> calldata.validate(Fork.PRAGUE));
    assertEquals(31_000, calldata.calldataFloorGas(Fork.PRAGUE));
  }

  @Test
  void signatureRulesPerFork() {
    SignedTransaction st = transfer(1).sign(KEY);
    st.validate(Fork.LATEST, 1);
    assertReason(EvmTxException.Reason.CHAIN_ID_MISMATCH, () -> st.validate(Fork.LATEST, 5));
    // the same signature with high s: decodes, recovers, but is invalid from Homestead on
    SignedTransaction high = st.transaction().withSignature(dev.cairn.evm.sign.EvmSignature.of(
        1 - st.yParity(), st.r(), Secp256k1.ORDER.subtract(st.s())));
    SignedTransaction decoded = SignedTransaction.decode(high.encoded());
    assertFalse(decoded.isLowS());
    assertEquals(st.from(), decoded.from());
    assertReason(EvmTxException.Reason.INVALID_SIGNATURE, () -> decoded.validate(Fork.LATEST, 1));
    Transaction pre155 = Transaction.legacy().to(TO).gasLimit(21_000).build();
    SignedTransaction highLegacy = pre155.withSignature(dev.cairn.evm.sign.EvmSignature.of(
        1 - pre155.sign(KEY).yParity(), pre155.sign(KEY).r(),
        Secp256k1.ORDER.subtract(pre155.sign(KEY).s())));
    highLegacy.validate(Fork.FRONTIER, 1);
    assertReason(EvmTxException.Reason.INVALID_SIGNATURE, () -> highLegacy.validate(Fork.HOMESTEAD, 1));
    // EIP-155 before Spurious Dragon
    SignedTransaction legacy155 = Transaction.legacy().chainId(1).to(TO).gasLimit(21_000).build().sign(KEY);
    assertReason(EvmTxException.Reason.INVALID_SIGNATURE, () -> legacy155.validate(Fork.HOMESTEAD, 1));
    legacy155.validate(Fork.SPURIOUS_DRAGON, 1);
    assertEquals(BigInteger.valueOf(37 + legacy155.yParity()), legacy155.v());
  }

  @Test
  void authorizations() {
    Address authority = Address.fromPublicKey(KEY.publicKey());
    Authorization a = Authorization.sign(BigInteger.valueOf(1), TO, 5, KEY);
    byte[] expectedDigest = Keccak256.hash(Hex.decode("05" + "d7" + "01" + "94" + Hex.encode(TO.bytes()) + "05"));
    assertArrayEquals(expectedDigest, a.signingHash());
    assertEquals(authority, a.authority());
    RecordingSigner device = new RecordingSigner();
    assertEquals(authority, Authorization.sign(BigInteger.ONE, TO, 5, device).authority());
    // a device is shown the preimage, not only the hash
    assertEquals(SignRequest.Kind.EVM_AUTHORIZATION, device.last.kind());
    byte[] preimage = Hex.decode("05" + "d7" + "01" + "94" + Hex.encode(TO.bytes()) + "05");
    assertArrayEquals(preimage, device.last.payload());
    assertArrayEquals(preimage, Authorization.signingPayload(BigInteger.ONE, TO, 5));
    assertArrayEquals(expectedDigest, device.last.digest().get());
    // the SDK's software signer signs the same request kind
    assertEquals(a, Authorization.sign(BigInteger.valueOf(1), TO, 5, Signers.software(KEY)));
    Authorization copy = Authorization.of(a.chainId(), a.address(), a.nonce(), a.yParity(), a.r(), a.s());
    assertEquals(a, copy);
    assertEquals(authority, copy.authority());
    // invalid signatures are representable (the chain skips them) but have no authority
    Authorization bad = Authorization.of(BigInteger.ONE, TO, 5, 7, BigInteger.ONE, BigInteger.ONE);
    assertThrows(CryptoException.class, bad::authority);
    Authorization highS = Authorization.of(BigInteger.ONE, TO, 5, 1 - a.yParity(), a.r(),
        Secp256k1.ORDER.subtract(a.s()));
    assertThrows(CryptoException.class, highS::authority);
    assertThrows(EvmTxException.class,
        () -> Authorization.of(BigInteger.ONE, TO, 5, 256, BigInteger.ONE, BigInteger.ONE));
    // round trip through a set-code transaction
    Transaction t4 = Transaction.eip7702().chainId(1).to(TO).gasLimit(50_000)
        .authorizationList(List.of(a, bad)).build();
    SignedTransaction back = SignedTransaction.decode(t4.sign(KEY).encoded());
    assertEquals(List.of(a, bad), back.transaction().authorizationList());
    assertEquals(authority, back.transaction().authorizationList().get(0).authority());
  }

  @Test
  void decodingIsStrict() {
    SignedTransaction st = transfer(1).sign(KEY);
    byte[] raw = st.encoded();
    // trailing byte
    byte[] longer = java.util.Arrays.copyOf(raw, raw.length + 1);
    assertThrows(DecodingException.class, () -> SignedTransaction.decode(longer));
    // truncated
    assertThrows(DecodingException.class,
        () -> SignedTransaction.decode(java.util.Arrays.copyOf(raw, raw.length - 1)));
    // unknown type, empty input
    assertThrows(DecodingException.class, () -> SignedTransaction.decode(new byte[] {5, (byte) 0xc0}));
    assertThrows(DecodingException.class, () -> SignedTransaction.decode(new byte[0]));
    // y parity 2
    byte[] y2 = Hex.decode(Hex.encode(raw));
    int yAt = raw.length - 1 - 33 - 33;
    assertEquals(st.yParity() == 0 ? (byte) 0x80 : 1, y2[yAt]);
    y2[yAt] = 2;
    DecodingException e = assertThrows(DecodingException.class, () -> SignedTransaction.decode(y2));
    assertEquals("transaction.yParity", e.field());
    // legacy v that fits no rule
    SignedTransaction leg = Transaction.legacy().to(TO).gasLimit(21_000).build().sign(KEY);
    byte[] lraw = leg.encoded();
    int vAt = lraw.length - 1 - 33 - 33;
    lraw[vAt] = 29;
    assertThrows(DecodingException.class, () -> SignedTransaction.decode(lraw));
    // too few fields: a typed list with only the chain id
    assertThrows(DecodingException.class, () -> SignedTransaction.decode(new byte[] {2, (byte) 0xc1, 1}));
  }

  private static void assertReason(EvmTxException.Reason reason, Runnable r) {
    EvmTxException e = assertThrows(EvmTxException.class, r::run);
    assertEquals(reason, e.reason(), e.getMessage());
  }
}

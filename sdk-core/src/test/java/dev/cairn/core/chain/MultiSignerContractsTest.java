package dev.cairn.core.chain;

import static org.junit.jupiter.api.Assertions.*;

import dev.cairn.core.crypto.Ed25519PrivateKey;
import dev.cairn.core.crypto.Ed25519PublicKey;
import dev.cairn.core.crypto.Secp256k1PrivateKey;
import dev.cairn.core.encoding.Base58;
import dev.cairn.core.hash.Keccak256;
import dev.cairn.core.signer.KeyType;
import dev.cairn.core.signer.SignRequest;
import dev.cairn.core.signer.Signature;
import dev.cairn.core.signer.Signer;
import dev.cairn.core.signer.Signers;
import dev.cairn.core.signer.SoftwareSigner;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * The multi-signer contracts with a Solana-shaped transaction: a fee payer and a second signer,
 * signed in two "processes" through the portable encoding, with a blockhash validity window.
 */
class MultiSignerContractsTest {
  static final ChainId SOL = ChainId.parse("solana:5eykt4UsFv8P8NJdTREpY1vzqKqZKvdp");

  static SoftwareSigner ed(int i) {
    return Signers.software(Ed25519PrivateKey.fromSeed(Keccak256.hash(new byte[] {(byte) i})));
  }

  /** A two-signer "message": [n][pubkeys...][8-byte last valid height][payload byte]. */
  static final class TwoSignerTx implements UnsignedTransaction {
    final List<AccountId> signers;
    final byte[] message;
    final long lastValid;

    TwoSignerTx(List<AccountId> signers, long lastValid) {
      this.signers = List.copyOf(signers);
      this.lastValid = lastValid;
      byte[] m = new byte[1 + 32 * signers.size() + 8 + 1];
      m[0] = (byte) signers.size();
      for (int i = 0; i < signers.size(); i++) {
        System.arraycopy(Base58.decode(signers.get(i).address()), 0, m, 1 + 32 * i, 32);
      }
      for (int i = 0; i < 8; i++) {
        m[1 + 32 * signers.size() + i] = (byte) (lastValid >>> (56 - 8 * i));
      }
      m[m.length - 1] = 42;
      this.message = m;
    }

    static TwoSignerTx decode(byte[] m) {
      if (m.length < 1 || m.length != 1 + 32 * (m[0] & 0xff) + 9 || m[0] == 0) {
        throw new ChainException(ChainError.of(ErrorKind.INVALID_INPUT, SOL, "message[offset 0]: bad length"));
      }
      int n = m[0] & 0xff;
      AccountId[] a = new AccountId[n];
      for (int i = 0; i < n; i++) {
        a[i] = AccountId.of(SOL, Base58.encode(Arrays.copyOfRange(m, 1 + 32 * i, 33 + 32 * i)));
      }
      long h = 0;
      for (int i = 0; i < 8; i++) {
        h = (h << 8) | (m[1 + 32 * n + i] & 0xff);
      }
      TwoSignerTx t = new TwoSignerTx(List.of(a), h);
      if (!Arrays.equals(t.message, m)) {
        throw new ChainException(ChainError.of(ErrorKind.INVALID_INPUT, SOL, "message: not canonical"));
      }
      return t;
    }

    @Override
    public ChainId chainId() {
      return SOL;
    }

    @Override
    public AccountId feePayer() {
      return signers.get(0);
    }

    @Override
    public List<AccountId> requiredSigners() {
      return signers;
    }

    @Override
    public SignRequest signRequest(AccountId signer) {
      if (!signers.contains(signer)) {
        throw new ChainException(ChainError.of(ErrorKind.INVALID_INPUT, SOL, "signer: not required"));
      }
      return SignRequest.of(SignRequest.Kind.SOLANA_MESSAGE, signer, message);
    }

    @Override
    public boolean verify(AccountId signer, Signature signature) {
      return signers.contains(signer) && signature.keyType() == KeyType.ED25519
          && Ed25519PublicKey.of(Base58.decode(signer.address())).verify(message, signature.bytes());
    }

    @Override
    public byte[] encoded() {
      return message.clone();
    }

    @Override
    public ValidityWindow validity() {
      return ValidityWindow.untilHeight(lastValid);
    }

    @Override
    public SignedTransaction withSignatures(Map<AccountId, Signature> signatures) {
      for (AccountId a : signers) {
        if (!verify(a, signatures.get(a))) {
          throw new ChainException(ChainError.of(ErrorKind.INVALID_INPUT, SOL, "signatures: " + a));
        }
      }
      byte[] first = signatures.get(signers.get(0)).bytes();
      ValidityWindow w = validity();
      return new SignedTransaction() {
        @Override
        public ChainId chainId() {
          return SOL;
        }

        @Override
        public String id() {
          return Base58.encode(first);
        }

        @Override
        public byte[] encoded() {
          return message.clone();
        }

        @Override
        public ValidityWindow validity() {
          return w;
        }
      };
    }
  }

  /** Only what signing needs: accounts and decoding; the rest is unsupported. */
  static final class SvmLikeAdapter extends VmDispatcherTest.FakeAdapter {
    SvmLikeAdapter() {
      super(SOL);
    }

    @Override
    public AccountId accountOf(KeyType keyType, byte[] publicKey) {
      if (keyType != KeyType.ED25519) {
        throw new ChainException(ChainError.of(ErrorKind.UNSUPPORTED, SOL, "keyType: Solana accounts are Ed25519"));
      }
      return AccountId.of(SOL, Base58.encode(publicKey));
    }

    @Override
    public UnsignedTransaction decodeUnsigned(byte[] encoded) {
      return TwoSignerTx.decode(encoded);
    }
  }

  @Test
  void feePayerAndSecondSignerSignInTwoProcesses() {
    SvmLikeAdapter adapter = new SvmLikeAdapter();
    SoftwareSigner payer = ed(1);
    SoftwareSigner owner = ed(2);
    AccountId payerAccount = adapter.accountOf(payer);
    AccountId ownerAccount = adapter.accountOf(owner);
    TwoSignerTx tx = new TwoSignerTx(List.of(payerAccount, ownerAccount), 1000);
    assertEquals(2, tx.signRequests().size());
    assertEquals(ownerAccount, tx.signRequests().get(1).account().orElseThrow());

    // process 1: the fee payer signs
    PartiallySignedTransaction p1 = adapter.signPartially(PartiallySignedTransaction.of(tx), List.of(payer)).join();
    assertEquals(List.of(ownerAccount), p1.missingSigners());
    assertFalse(p1.isComplete());
    ChainException incomplete = assertThrows(ChainException.class, p1::toSignedTransaction);
    assertTrue(incomplete.getMessage().contains(ownerAccount.toString()), incomplete.getMessage());
    byte[] wire = p1.encode();

    // process 2: decoded (the signature is verified again), the owner signs, complete
    PartiallySignedTransaction p2 = adapter.decodePartial(wire);
    assertEquals(p1.signatures(), p2.signatures());
    PartiallySignedTransaction done = adapter.signPartially(p2, List.of(owner, payer)).join(); // payer skipped
    assertTrue(done.isComplete());
    SignedTransaction signed = done.toSignedTransaction();
    assertEquals(ValidityWindow.untilHeight(1000), signed.validity());
    assertEquals(PendingTransaction.of(signed).validity(), signed.validity());

    // signing with only one of two signers through sign(): refused, naming what is missing
    CompletableFuture<SignedTransaction> half = adapter.sign(tx, payer);
    ChainException e = assertInstanceOf(ChainException.class, assertThrows(CompletionException.class, half::join).getCause());
    assertEquals(ErrorKind.INVALID_INPUT, e.kind());
    assertNotNull(adapter.sign(tx, List.of(payer, owner)).join());
  }

  @Test
  void signaturesAreVerifiedAndSignersChecked() {
    SvmLikeAdapter adapter = new SvmLikeAdapter();
    SoftwareSigner payer = ed(1);
    SoftwareSigner owner = ed(2);
    SoftwareSigner stranger = ed(3);
    TwoSignerTx tx = new TwoSignerTx(List.of(adapter.accountOf(payer), adapter.accountOf(owner)), 5);
    PartiallySignedTransaction p = PartiallySignedTransaction.of(tx);
    Signature ownerSig = owner.sign(tx.signRequest(adapter.accountOf(owner)));
    ChainException wrongKey = assertThrows(ChainException.class, () -> p.addSignature(adapter.accountOf(payer), ownerSig));
    assertTrue(wrongKey.getMessage().contains("signature: does not verify"), wrongKey.getMessage());
    assertThrows(ChainException.class, () -> p.addSignature(adapter.accountOf(stranger), ownerSig));
    assertThrows(ChainException.class, () -> p.addSignature(null, ownerSig));
    assertEquals(ErrorKind.INVALID_INPUT, kind(adapter.signPartially(p, List.of(stranger))));
    try (SoftwareSigner secp = Signers.software(Secp256k1PrivateKey.of(Keccak256.hash(new byte[] {9})))) {
      assertEquals(ErrorKind.UNSUPPORTED, kind(adapter.signPartially(p, List.of(secp))));
    }
    assertEquals(ErrorKind.INVALID_INPUT, kind(adapter.signPartially(null, List.of(payer))));
    assertEquals(ErrorKind.INVALID_INPUT, kind(adapter.signPartially(p, List.of())));
    // a signer that fails passes its SignerException through
    payer.close();
    Throwable closed = assertThrows(CompletionException.class, () -> adapter.signPartially(p, List.of(payer)).join()).getCause();
    assertInstanceOf(dev.cairn.core.signer.SignerException.class, closed);
    assertEquals(ErrorKind.SIGNER_UNAVAILABLE, ChainErrors.fromThrowable(SOL, closed).kind());
  }

  private static ErrorKind kind(CompletableFuture<?> f) {
    return assertInstanceOf(ChainException.class, assertThrows(CompletionException.class, f::join).getCause()).kind();
  }

  static byte[] signedWire() {
    SvmLikeAdapter adapter = new SvmLikeAdapter();
    TwoSignerTx tx = new TwoSignerTx(List.of(adapter.accountOf(ed(1)), adapter.accountOf(ed(2))), 77);
    return adapter.signPartially(PartiallySignedTransaction.of(tx), List.of(ed(1), ed(2))).join().encode();
  }

  @Property(tries = 300)
  void corruptedEncodingsAreRefusedOrStillVerify(@ForAll @IntRange(min = 0, max = 400) int at, @ForAll byte flip,
      @ForAll boolean truncate) {
    byte[] wire = signedWire();
    byte[] bad;
    if (truncate) {
      bad = Arrays.copyOf(wire, at % wire.length);
    } else {
      bad = wire.clone();
      bad[at % wire.length] ^= flip == 0 ? 1 : flip;
    }
    try {
      PartiallySignedTransaction p = new SvmLikeAdapter().decodePartial(bad);
      for (Map.Entry<AccountId, Signature> e : p.signatures().entrySet()) {
        assertTrue(p.transaction().verify(e.getKey(), e.getValue()));
      }
    } catch (ChainException e) {
      assertEquals(ErrorKind.INVALID_INPUT, e.kind());
    }
  }

  @Test
  void encodingRoundTripsAndRejectsForeignChains() {
    byte[] wire = signedWire();
    PartiallySignedTransaction p = new SvmLikeAdapter().decodePartial(wire);
    assertTrue(p.isComplete());
    assertArrayEquals(wire, p.encode());
    ChainException foreign = assertThrows(ChainException.class,
        () -> PartiallySignedTransaction.decode(wire, ChainId.eip155(1), b -> null));
    assertTrue(foreign.getMessage().contains("chainId"), foreign.getMessage());
  }

  @Test
  void validityWindowsFinalityAndHandles() {
    assertTrue(ValidityWindow.none().isUnbounded());
    assertFalse(ValidityWindow.none().isExpiredAt(Long.MAX_VALUE, Instant.MAX));
    ValidityWindow h = ValidityWindow.untilHeight(100);
    assertFalse(h.isExpiredAt(100, null));
    assertTrue(h.isExpiredAt(101, null));
    Instant t = Instant.parse("2026-01-01T00:00:00Z");
    ValidityWindow both = ValidityWindow.untilHeightAndTime(100, t);
    assertTrue(both.isExpiredAt(50, t));
    assertFalse(both.isExpiredAt(50, t.minusSeconds(1)));
    assertEquals(ErrorKind.INVALID_INPUT, assertThrows(ChainException.class, () -> ValidityWindow.untilHeight(-1)).kind());
    assertEquals(Finality.included(), Finality.included());
    assertEquals(3, Finality.confirmations(3).confirmationsRequired());
    assertEquals(Finality.Level.FINALIZED, Finality.finalized().level());
    assertNotEquals(Finality.confirmed(), Finality.processed());
    PendingTransaction p = PendingTransaction.of(SOL, "sig", null, h);
    assertFalse(p.encoded().isPresent());
    assertThrows(ChainException.class, () -> PendingTransaction.of(SOL, "", null, h));
    assertThrows(ChainException.class, () -> PendingTransaction.of(SOL, "x", null, null));
    byte[] enc = {1, 2};
    PendingTransaction q = PendingTransaction.of(SOL, "sig", enc, h);
    enc[0] = 9;
    assertEquals(1, q.encoded().orElseThrow()[0]);
  }

  @Test
  void simulationResultsAndSummaries() {
    SimulationResult ok = SimulationResult.success(5000, List.of("Program log: hi"), new byte[] {1});
    assertTrue(ok.isSuccess());
    assertEquals(List.of("Program log: hi"), ok.logs());
    assertArrayEquals(new byte[] {1}, ok.outcome().valueOrThrow());
    ChainError err = ChainErrors.svmInstructionError(SOL, 0, "InvalidAccountData", "log", null);
    SimulationResult bad = SimulationResult.failure(err, 1200, null);
    assertEquals(err, bad.error().orElseThrow());
    assertEquals(0, bad.returnData().length);
    assertThrows(ChainException.class, () -> SimulationResult.success(-2, null, null));
    assertThrows(ChainException.class, () -> SimulationResult.success(1, Arrays.asList("a", null), null));

    AccountId a = AccountId.of(SOL, "9WzDXwBbmkg8ZTbNMqUxvQRAyrZzDsGYdLVL9zYtAWWM");
    TransactionSummary s = TransactionSummary.builder(SignRequest.Kind.SOLANA_MESSAGE, SOL).signer(a).feePayer(a)
        .action(TransactionSummary.Action.nativeTransfer(a, a, Amount.of(5, Denomination.SOL)))
        .feeLimit(Amount.of(5000, Denomination.SOL)).build();
    assertEquals(1, s.actions().size());
    assertThrows(UnsupportedOperationException.class, () -> s.actions().add(null));
    assertThrows(ChainException.class, () -> TransactionSummary.builder(SignRequest.Kind.SOLANA_MESSAGE, SOL)
        .signer(AccountId.parse("eip155:1:0xab5801a7d398351b8be11c439e05c5b3259aec9b")));
    // sdk-core registers no inspector: inspection is a chain module's job
    SignRequest r = SignRequest.of(SignRequest.Kind.SOLANA_MESSAGE, a, new byte[] {1});
    assertEquals(ErrorKind.UNSUPPORTED, assertThrows(ChainException.class, () -> Inspectors.inspect(r)).kind());
    assertEquals(ErrorKind.INVALID_INPUT, assertThrows(ChainException.class, () -> Inspectors.inspect(null)).kind());
  }

  @Test
  void requestsCarrySignerDescriptors() {
    SoftwareSigner payer = ed(1);
    SoftwareSigner owner = ed(2);
    SvmLikeAdapter adapter = new SvmLikeAdapter();
    TransactionRequest r = TransactionRequest.transfer(adapter.accountOf(owner), adapter.accountOf(payer), Amount.of(1, Denomination.SOL))
        .withSigners(payer.descriptor(), List.of(owner.descriptor()));
    assertEquals(payer.descriptor(), r.feePayer().orElseThrow());
    assertEquals(List.of(owner.descriptor()), r.otherSigners());
    assertEquals(adapter.accountOf(payer), adapter.accountOf(r.feePayer().get()));
    assertThrows(ChainException.class, () -> r.withSigners(payer.descriptor(), List.of(payer.descriptor())));
    assertThrows(ChainException.class, () -> r.withSigners(payer.descriptor(), List.of(owner.descriptor(), owner.descriptor())));
    assertThrows(ChainException.class, () -> r.withSigner(null));
    assertEquals(r, r.withFeeLevel(FeeLevel.NORMAL));
    assertNotEquals(r, TransactionRequest.transfer(adapter.accountOf(owner), adapter.accountOf(payer), Amount.of(1, Denomination.SOL)));
  }
}

package dev.cairn.hsm.pkcs11;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.core.crypto.EcdsaSignature;
import dev.cairn.core.crypto.Ed25519PublicKey;
import dev.cairn.core.crypto.Secp256k1;
import dev.cairn.core.crypto.Secp256k1PublicKey;
import dev.cairn.core.signer.KeyType;
import dev.cairn.core.signer.SignRequest;
import dev.cairn.core.signer.Signature;
import dev.cairn.core.signer.SignerException;
import dev.cairn.hsm.pkcs11.internal.Ck;
import dev.cairn.hsm.pkcs11.internal.Pkcs11Module;
import dev.cairn.hsm.pkcs11.internal.Template;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import jnr.ffi.byref.NativeLongByReference;
import org.junit.jupiter.api.Test;

/** Pkcs11Signer against SoftHSM2: key generation and lookup, signatures checked by sdk-core, the pool, re-login. */
class Pkcs11SignerTest {
  private static final SecureRandom RANDOM = new SecureRandom();

  private static byte[] random(int n) {
    byte[] b = new byte[n];
    RANDOM.nextBytes(b);
    return b;
  }

  @Test
  void secp256k1KeyGeneratedInTheTokenSignsDigestsLowSWithRecoveryId() {
    try (Pkcs11Signer s = Pkcs11Signer.open(SoftHsm.config(), Pkcs11Key.generate(KeyType.SECP256K1,
        SoftHsm.uniqueLabel("k1")), SoftHsm.pin())) {
      assertEquals(33, s.publicKey().length);
      Secp256k1PublicKey pk = Secp256k1PublicKey.fromBytes(s.publicKey());
      int[] ids = new int[2];
      for (int i = 0; i < 60; i++) {
        byte[] digest = random(32);
        Signature sig = s.sign(SignRequest.digest(digest));
        EcdsaSignature e = sig.toEcdsaSignature();
        assertTrue(pk.verify(digest, e), "verifies");
        assertTrue(e.isLowS(), "low s");
        assertTrue(sig.hasRecoveryId());
        assertEquals(pk, Secp256k1PublicKey.recover(digest, e));
        ids[sig.recoveryId()]++;
        byte[] other = digest.clone();
        other[0] ^= 1;
        assertFalse(pk.verify(other, e), "does not verify another digest");
      }
      assertTrue(ids[0] > 0 && ids[1] > 0, "both recovery ids occur over 60 signatures");
      assertEquals("pkcs11", s.descriptor().backend());
      assertTrue(s.supports(SignRequest.Kind.EVM_TRANSACTION));
      assertTrue(s.supports(SignRequest.Kind.COSMOS_SIGN_DOC_DIRECT));
      assertFalse(s.supports(SignRequest.Kind.MESSAGE));
      assertFalse(s.supports(SignRequest.Kind.SOLANA_MESSAGE));
    }
  }

  @Test
  void ed25519KeyGeneratedInTheTokenSignsMessages() {
    try (Pkcs11Signer s = Pkcs11Signer.open(SoftHsm.config(), Pkcs11Key.generate(KeyType.ED25519,
        SoftHsm.uniqueLabel("ed")), SoftHsm.pin())) {
      Ed25519PublicKey pk = Ed25519PublicKey.of(s.publicKey());
      for (int len : new int[] {0, 1, 32, 200, 1232}) {
        byte[] msg = random(len);
        Signature sig = s.sign(SignRequest.message(msg));
        assertTrue(pk.verify(msg, sig.bytes()), "verifies, " + len + " bytes");
        assertEquals(sig, s.sign(SignRequest.message(msg)), "Ed25519 is deterministic");
        if (len > 0) {
          byte[] other = msg.clone();
          other[0] ^= 1;
          assertFalse(pk.verify(other, sig.bytes()));
        }
      }
      assertTrue(s.supports(SignRequest.Kind.SOLANA_MESSAGE));
      assertFalse(s.supports(SignRequest.Kind.DIGEST));
      SignerException e = assertThrows(SignerException.class, () -> s.sign(SignRequest.digest(new byte[32])));
      assertEquals(SignerException.Reason.UNSUPPORTED_REQUEST, e.reason());
    }
  }

  @Test
  void keysAreFoundByLabelAndByIdAndAreSensitiveAndNotExtractable() {
    String label = SoftHsm.uniqueLabel("find");
    byte[] id = random(8);
    byte[] pub;
    try (Pkcs11Signer g = Pkcs11Signer.open(SoftHsm.config(), Pkcs11Key.generate(KeyType.SECP256K1, label, id),
        SoftHsm.pin())) {
      pub = g.publicKey();
    }
    byte[] digest = random(32);
    try (Pkcs11Signer byLabel = Pkcs11Signer.open(SoftHsm.config(), Pkcs11Key.byLabel(KeyType.SECP256K1, label),
        SoftHsm.pin());
        Pkcs11Signer byId = Pkcs11Signer.open(SoftHsm.config(), Pkcs11Key.byId(KeyType.SECP256K1, id), SoftHsm.pin())) {
      assertArrayEquals(pub, byLabel.publicKey());
      assertArrayEquals(pub, byId.publicKey());
      assertTrue(Secp256k1PublicKey.fromBytes(pub).verify(digest, byId.sign(SignRequest.digest(digest)).toEcdsaSignature()));
      assertEquals(label, byLabel.descriptor().keyId().orElseThrow());
    }
    // the private key object: token, private, sensitive, never extractable; its value cannot be read
    Pkcs11Module m = Pkcs11Module.load(SoftHsm.MODULE);
    long slot = m.slotOfToken(SoftHsm.TOKEN);
    NativeLongByReference h = new NativeLongByReference(0L);
    assertEquals(Ck.CKR_OK, m.ck().C_OpenSession(slot, Ck.CKF_SERIAL_SESSION, null, null, h));
    long session = h.longValue();
    try {
      byte[] p = SoftHsm.PIN.getBytes(java.nio.charset.StandardCharsets.UTF_8);
      long rv = m.ck().C_Login(session, Ck.CKU_USER, p, p.length);
      assertTrue(rv == Ck.CKR_OK || rv == Ck.CKR_USER_ALREADY_LOGGED_IN, Ck.rvName(rv));
      Template find = new Template(m.runtime(), 2).ulong(Ck.CKA_CLASS, Ck.CKO_PRIVATE_KEY).bytes(Ck.CKA_ID, id);
      assertEquals(Ck.CKR_OK, m.ck().C_FindObjectsInit(session, find.pointer(), find.count()));
      long[] found = new long[2];
      NativeLongByReference n = new NativeLongByReference(0L);
      assertEquals(Ck.CKR_OK, m.ck().C_FindObjects(session, found, 2, n));
      m.ck().C_FindObjectsFinal(session);
      assertEquals(1, n.longValue());
      Template attrs = new Template(m.runtime(), 5).out(Ck.CKA_TOKEN, 1).out(Ck.CKA_PRIVATE, 1)
          .out(Ck.CKA_SENSITIVE, 1).out(Ck.CKA_EXTRACTABLE, 1).out(Ck.CKA_SIGN, 1);
      assertEquals(Ck.CKR_OK, m.ck().C_GetAttributeValue(session, found[0], attrs.pointer(), attrs.count()));
      assertArrayEquals(new byte[] {1}, attrs.value(0), "CKA_TOKEN");
      assertArrayEquals(new byte[] {1}, attrs.value(1), "CKA_PRIVATE");
      assertArrayEquals(new byte[] {1}, attrs.value(2), "CKA_SENSITIVE");
      assertArrayEquals(new byte[] {0}, attrs.value(3), "CKA_EXTRACTABLE");
      assertArrayEquals(new byte[] {1}, attrs.value(4), "CKA_SIGN");
      Template value = new Template(m.runtime(), 1).out(Ck.CKA_VALUE, 64);
      assertEquals(Ck.CKR_ATTRIBUTE_SENSITIVE, m.ck().C_GetAttributeValue(session, found[0], value.pointer(), 1));
    } finally {
      m.ck().C_CloseSession(session);
    }
  }

  @Test
  void keysMadeByPkcs11ToolAreFoundAndSignWhateverTheirEd25519ParamsForm() throws Exception {
    SoftHsm.ensure();
    String ed = SoftHsm.uniqueLabel("tool-ed");
    String k1 = SoftHsm.uniqueLabel("tool-k1");
    // pkcs11-tool writes the Ed25519 params as the PrintableString "edwards25519", not the OID
    toolKeygen("EC:edwards25519", ed, "a1");
    toolKeygen("EC:secp256k1", k1, "a2");
    try (Pkcs11Signer e = Pkcs11Signer.open(SoftHsm.config(), Pkcs11Key.byLabel(KeyType.ED25519, ed), SoftHsm.pin());
        Pkcs11Signer k = Pkcs11Signer.open(SoftHsm.config(), Pkcs11Key.byId(KeyType.SECP256K1, new byte[] {(byte) 0xa2}),
            SoftHsm.pin())) {
      byte[] msg = random(50);
      assertTrue(Ed25519PublicKey.of(e.publicKey()).verify(msg, e.sign(SignRequest.message(msg)).bytes()));
      byte[] d = random(32);
      Signature sig = k.sign(SignRequest.digest(d));
      assertEquals(Secp256k1PublicKey.fromBytes(k.publicKey()), Secp256k1PublicKey.recover(d, sig.toEcdsaSignature()));
    }
  }

  private static void toolKeygen(String type, String label, String idHex) throws Exception {
    Process p = new ProcessBuilder("pkcs11-tool", "--module", SoftHsm.MODULE, "--token-label", SoftHsm.TOKEN, "--login",
        "--pin", SoftHsm.PIN, "--keypairgen", "--key-type", type, "--label", label, "--id", idHex)
        .redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    assertTrue(p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS));
    assertEquals(0, p.exitValue(), "pkcs11-tool --keypairgen failed: " + out);
  }

  @Test
  void missingKeysDuplicateLabelsMissingTokensAndModulesAreTypedErrors() {
    SignerException none = assertThrows(SignerException.class, () -> Pkcs11Signer.open(SoftHsm.config(),
        Pkcs11Key.byLabel(KeyType.SECP256K1, "no-such-key"), SoftHsm.pin()));
    assertEquals(SignerException.Reason.INVALID_REQUEST, none.reason());
    assertEquals("key", none.field());
    String label = SoftHsm.uniqueLabel("dup");
    Pkcs11Signer.open(SoftHsm.config(), Pkcs11Key.generate(KeyType.ED25519, label), SoftHsm.pin()).close();
    SignerException dup = assertThrows(SignerException.class, () -> Pkcs11Signer.open(SoftHsm.config(),
        Pkcs11Key.generate(KeyType.ED25519, label), SoftHsm.pin()));
    assertEquals("label", dup.field());
    // an Ed25519 key is not found as a secp256k1 key
    assertEquals(SignerException.Reason.INVALID_REQUEST, assertThrows(SignerException.class,
        () -> Pkcs11Signer.open(SoftHsm.config(), Pkcs11Key.byLabel(KeyType.SECP256K1, label), SoftHsm.pin())).reason());
    SignerException token = assertThrows(SignerException.class, () -> Pkcs11Signer.open(
        Pkcs11Config.of(SoftHsm.MODULE, "no-such-token"), Pkcs11Key.byLabel(KeyType.SECP256K1, "x"), SoftHsm.pin()));
    assertEquals(SignerException.Reason.DEVICE_UNAVAILABLE, token.reason());
    assertTrue(token.getMessage().contains(SoftHsm.TOKEN), token.getMessage());
    SignerException module = assertThrows(SignerException.class, () -> Pkcs11Signer.open(
        Pkcs11Config.of("/nonexistent/libpkcs11.so", "t"), Pkcs11Key.byLabel(KeyType.SECP256K1, "x"), SoftHsm.pin()));
    assertEquals(SignerException.Reason.DEVICE_UNAVAILABLE, module.reason());
    assertEquals("module", module.field());
  }

  @Test
  void aWrongPinIsDeviceUnavailableNamingCkrPinIncorrectAndThePinIsZeroised() {
    SoftHsm.ensure();
    SoftHsm.Pin wrong = new SoftHsm.Pin("not-the-pin");
    SignerException e = assertThrows(SignerException.class, () -> Pkcs11Signer.open(
        Pkcs11Config.of(SoftHsm.MODULE, SoftHsm.PIN_TOKEN), Pkcs11Key.generate(KeyType.SECP256K1, "never"), wrong));
    assertEquals(SignerException.Reason.DEVICE_UNAVAILABLE, e.reason());
    assertEquals("pin", e.field());
    assertTrue(e.getMessage().contains("CKR_PIN_INCORRECT"), e.getMessage());
    SoftHsm.Pin right = SoftHsm.pin();
    try (Pkcs11Signer s = Pkcs11Signer.open(Pkcs11Config.of(SoftHsm.MODULE, SoftHsm.PIN_TOKEN).withPoolSize(3),
        Pkcs11Key.generate(KeyType.SECP256K1, SoftHsm.uniqueLabel("pin")), right)) {
      s.sign(SignRequest.digest(random(32)));
    }
    assertTrue(right.calls.get() >= 1);
    for (SoftHsm.Pin p : List.of(wrong, right)) {
      for (char[] c : p.handedOut) {
        for (char x : c) {
          assertEquals('\0', x, "every PIN array handed out is zeroised after C_Login");
        }
      }
    }
  }

  @Test
  void thePinNeverAppearsInToStringsOrMessages() {
    SoftHsm.ensure();
    List<String> texts = new ArrayList<>();
    Pkcs11Config config = SoftHsm.config();
    texts.add(config.toString());
    try (Pkcs11Signer s = Pkcs11Signer.open(config, Pkcs11Key.generate(KeyType.ED25519, SoftHsm.uniqueLabel("scan")),
        SoftHsm.pin())) {
      texts.add(s.toString());
      texts.add(s.descriptor().toString());
      texts.add(String.valueOf(s.signAsync(null).handle((v, t) -> t.getMessage()).join()));
      texts.add(String.valueOf(s.signAsync(SignRequest.digest(new byte[32])).handle((v, t) -> t.getMessage()).join()));
      s.close();
      texts.add(String.valueOf(s.signAsync(SignRequest.message(new byte[1])).handle((v, t) -> t.getMessage()).join()));
      texts.add(s.toString());
    }
    texts.add(assertThrows(SignerException.class, () -> Pkcs11Signer.open(Pkcs11Config.of(SoftHsm.MODULE,
        SoftHsm.PIN_TOKEN), Pkcs11Key.byLabel(KeyType.ED25519, "x"), new SoftHsm.Pin(SoftHsm.PIN + "x"))).toString());
    texts.add(assertThrows(SignerException.class, () -> Pkcs11Signer.open(config,
        Pkcs11Key.byLabel(KeyType.ED25519, "absent"), SoftHsm.pin())).toString());
    String all = String.join("\n", texts);
    assertTrue(all.contains("CKR_PIN_INCORRECT"), all); // the scan covers a login failure
    assertFalse(all.contains(SoftHsm.PIN), "the PIN leaked: " + all);
    assertFalse(all.contains("Zq9"), all);
  }

  @Test
  void aPoolSignsConcurrentlyAndSessionsAreReused() throws Exception {
    SoftHsm.Pin pin = SoftHsm.pin();
    try (Pkcs11Signer s = Pkcs11Signer.open(SoftHsm.config().withPoolSize(3),
        Pkcs11Key.generate(KeyType.SECP256K1, SoftHsm.uniqueLabel("pool")), pin)) {
      Secp256k1PublicKey pk = Secp256k1PublicKey.fromBytes(s.publicKey());
      int threads = 8;
      int each = 25;
      CountDownLatch go = new CountDownLatch(1);
      AtomicReference<Throwable> problem = new AtomicReference<>();
      AtomicInteger ok = new AtomicInteger();
      List<Thread> ts = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        Thread th = new Thread(() -> {
          try {
            go.await();
            for (int i = 0; i < each; i++) {
              byte[] d = random(32);
              Signature sig = s.sign(SignRequest.digest(d));
              if (!pk.verify(d, sig.toEcdsaSignature()) || !pk.equals(Secp256k1PublicKey.recover(d, sig.toEcdsaSignature()))) {
                throw new AssertionError("bad signature");
              }
              ok.incrementAndGet();
            }
          } catch (Throwable e) {
            problem.compareAndSet(null, e);
          }
        });
        th.start();
        ts.add(th);
      }
      go.countDown();
      for (Thread th : ts) {
        th.join(120_000);
      }
      if (problem.get() != null) {
        throw new AssertionError(problem.get());
      }
      assertEquals(threads * each, ok.get());
      // at most 3 sessions were ever opened (one login each): the pool is bounded and reuses them
      assertTrue(pin.calls.get() <= 3, "sessions opened: " + pin.calls.get());
    }
  }

  @Test
  void aSessionClosedUnderneathIsReopenedAndLoggedInAgain() {
    SoftHsm.Pin pin = SoftHsm.pin();
    try (Pkcs11Signer s = Pkcs11Signer.open(SoftHsm.config().withPoolSize(2),
        Pkcs11Key.generate(KeyType.ED25519, SoftHsm.uniqueLabel("relogin")), pin)) {
      byte[] msg = random(40);
      Signature before = s.sign(SignRequest.message(msg));
      int logins = pin.calls.get();
      // a token reset as the application sees it: every session of the process on that token is
      // closed, which also logs the user out
      Pkcs11Module m = Pkcs11Module.load(SoftHsm.MODULE);
      assertEquals(Ck.CKR_OK, m.ck().C_CloseAllSessions(m.slotOfToken(SoftHsm.TOKEN)));
      Signature after = s.sign(SignRequest.message(msg));
      assertEquals(before, after);
      assertTrue(Ed25519PublicKey.of(s.publicKey()).verify(msg, after.bytes()));
      assertTrue(pin.calls.get() > logins, "logged in again");
      // and again, for a secp256k1 key, twice in a row
      try (Pkcs11Signer k = Pkcs11Signer.open(SoftHsm.config(), Pkcs11Key.generate(KeyType.SECP256K1,
          SoftHsm.uniqueLabel("relogin-k1")), SoftHsm.pin())) {
        for (int i = 0; i < 2; i++) {
          assertEquals(Ck.CKR_OK, m.ck().C_CloseAllSessions(m.slotOfToken(SoftHsm.TOKEN)));
          byte[] d = random(32);
          assertTrue(Secp256k1PublicKey.fromBytes(k.publicKey()).verify(d, k.sign(SignRequest.digest(d)).toEcdsaSignature()));
        }
      }
    }
  }

  @Test
  void thePoolIsBoundedCallersBeyondItWaitAndTimeOut() throws Exception {
    CountDownLatch inLogin = new CountDownLatch(1);
    CountDownLatch letGo = new CountDownLatch(1);
    AtomicInteger calls = new AtomicInteger();
    java.util.function.Supplier<char[]> slowPin = () -> {
      if (calls.incrementAndGet() == 2) { // the re-login below: hold the only session while "typing"
        inLogin.countDown();
        try {
          letGo.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      return SoftHsm.PIN.toCharArray();
    };
    try (Pkcs11Signer s = Pkcs11Signer.open(SoftHsm.config().withPoolSize(1)
            .withAcquireTimeout(java.time.Duration.ofMillis(300)),
        Pkcs11Key.generate(KeyType.ED25519, SoftHsm.uniqueLabel("bound")), slowPin)) {
      Pkcs11Module m = Pkcs11Module.load(SoftHsm.MODULE);
      assertEquals(Ck.CKR_OK, m.ck().C_CloseAllSessions(m.slotOfToken(SoftHsm.TOKEN)));
      AtomicReference<Signature> first = new AtomicReference<>();
      Thread a = new Thread(() -> first.set(s.sign(SignRequest.message(new byte[] {1}))));
      a.start();
      assertTrue(inLogin.await(30, java.util.concurrent.TimeUnit.SECONDS), "the first signer reached the re-login");
      SignerException timeout = assertThrows(SignerException.class, () -> s.sign(SignRequest.message(new byte[] {2})));
      assertEquals(SignerException.Reason.TIMEOUT, timeout.reason());
      assertEquals("session", timeout.field());
      letGo.countDown();
      a.join(30_000);
      assertTrue(Ed25519PublicKey.of(s.publicKey()).verify(new byte[] {1}, first.get().bytes()));
      assertTrue(Ed25519PublicKey.of(s.publicKey()).verify(new byte[] {2}, s.sign(SignRequest.message(new byte[] {2})).bytes()));
    } finally {
      letGo.countDown();
    }
  }

  @Test
  void rawAndDerSignaturesAreNormalisedToLowS() {
    BigInteger r = new BigInteger(1, random(31)).add(BigInteger.ONE);
    BigInteger lowS = new BigInteger(1, random(31)).add(BigInteger.ONE);
    BigInteger highS = Secp256k1.ORDER.subtract(lowS);
    EcdsaSignature high = EcdsaSignature.of(r, highS, -1);
    assertFalse(high.isLowS());
    EcdsaSignature fromRaw = Pkcs11Signer.toLowS(high.toCompact());
    EcdsaSignature fromDer = Pkcs11Signer.toLowS(high.toDer());
    assertEquals(lowS, fromRaw.s());
    assertEquals(r, fromRaw.r());
    assertEquals(fromRaw, fromDer);
    EcdsaSignature low = EcdsaSignature.of(r, lowS, -1);
    assertEquals(low, Pkcs11Signer.toLowS(low.toCompact()));
    SignerException bad = assertThrows(SignerException.class, () -> Pkcs11Signer.toLowS(new byte[] {0x30, 0x03, 1}));
    assertEquals("signature", bad.field());
    assertEquals(SignerException.Reason.FAILED, bad.reason());
    assertThrows(SignerException.class, () -> Pkcs11Signer.toLowS(new byte[63]));
  }

  @Test
  void ecPointsAreReadInDerAndBareForms() {
    byte[] compressed = dev.cairn.core.crypto.Secp256k1PrivateKey.of(random(32)).publicKey().compressed();
    byte[] uncompressed = Secp256k1PublicKey.fromBytes(compressed).uncompressed();
    byte[] der = new byte[67];
    der[0] = 0x04;
    der[1] = 65;
    System.arraycopy(uncompressed, 0, der, 2, 65);
    assertArrayEquals(compressed, Pkcs11Signer.publicKeyFromEcPoint(KeyType.SECP256K1, der));
    assertArrayEquals(compressed, Pkcs11Signer.publicKeyFromEcPoint(KeyType.SECP256K1, uncompressed));
    byte[] ed = dev.cairn.core.crypto.Ed25519PrivateKey.fromSeed(random(32)).publicKey().bytes();
    byte[] edDer = new byte[34];
    edDer[0] = 0x04;
    edDer[1] = 32;
    System.arraycopy(ed, 0, edDer, 2, 32);
    assertArrayEquals(ed, Pkcs11Signer.publicKeyFromEcPoint(KeyType.ED25519, edDer));
    assertArrayEquals(ed, Pkcs11Signer.publicKeyFromEcPoint(KeyType.ED25519, ed));
    byte[] truncated = java.util.Arrays.copyOf(der, 40);
    assertEquals(SignerException.Reason.DEVICE_UNAVAILABLE, assertThrows(SignerException.class,
        () -> Pkcs11Signer.publicKeyFromEcPoint(KeyType.SECP256K1, truncated)).reason());
    byte[] offCurve = der.clone();
    offCurve[66] ^= 1;
    assertThrows(SignerException.class, () -> Pkcs11Signer.publicKeyFromEcPoint(KeyType.SECP256K1, offCurve));
    assertNotEquals(0, Ck.rvName(0xA0).length());
    assertEquals("CKR_PIN_INCORRECT", Ck.rvName(0xA0));
    assertEquals("CKR_0x12345", Ck.rvName(0x12345));
  }

  @Test
  void configAndKeyValidation() {
    assertEquals("poolSize", assertThrows(SignerException.class, () -> Pkcs11Config.of("m", "t").withPoolSize(0)).field());
    assertEquals("tokenLabel", assertThrows(SignerException.class, () -> Pkcs11Config.of("m", "x".repeat(33))).field());
    assertEquals("module", assertThrows(SignerException.class, () -> Pkcs11Config.of("", "t")).field());
    assertEquals("label", assertThrows(SignerException.class, () -> Pkcs11Key.byLabel(KeyType.ED25519, "a\nb")).field());
    assertEquals("id", assertThrows(SignerException.class, () -> Pkcs11Key.byId(KeyType.ED25519, new byte[0])).field());
    assertEquals("pin", assertThrows(SignerException.class,
        () -> Pkcs11Signer.open(Pkcs11Config.of("m", "t"), Pkcs11Key.byLabel(KeyType.ED25519, "k"), null)).field());
  }
}

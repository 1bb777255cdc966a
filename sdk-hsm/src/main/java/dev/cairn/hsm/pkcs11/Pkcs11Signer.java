package dev.cairn.hsm.pkcs11;

import dev.cairn.core.CairnException;
import dev.cairn.core.crypto.EcdsaSignature;
import dev.cairn.core.crypto.Secp256k1PublicKey;
import dev.cairn.core.encoding.Hex;
import dev.cairn.core.signer.KeyType;
import dev.cairn.core.signer.SignRequest;
import dev.cairn.core.signer.Signature;
import dev.cairn.core.signer.Signer;
import dev.cairn.core.signer.SignerDescriptor;
import dev.cairn.core.signer.SignerException;
import dev.cairn.hsm.pkcs11.internal.Ck;
import dev.cairn.hsm.pkcs11.internal.Cryptoki;
import dev.cairn.hsm.pkcs11.internal.Pkcs11Module;
import dev.cairn.hsm.pkcs11.internal.SessionPool;
import dev.cairn.hsm.pkcs11.internal.Template;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import jnr.ffi.byref.NativeLongByReference;

/**
 * A {@link Signer} whose key is held in a PKCS#11 token: secp256k1 keys sign digests with {@code
 * CKM_ECDSA} (the signature is normalised to low s and given the recovery id found by trial
 * recovery against the public key, so it signs EVM, Cosmos and every other digest kind), Ed25519
 * keys sign messages with {@code CKM_EDDSA} (Solana messages, raw messages).
 *
 * <p>Signing runs in the caller's thread on a session from a bounded pool ({@link
 * Pkcs11Config#poolSize()}), so up to that many threads sign at once. When the token reports a lost
 * session or login ({@code CKR_SESSION_HANDLE_INVALID}, {@code CKR_USER_NOT_LOGGED_IN}, {@code
 * CKR_SESSION_CLOSED}, {@code CKR_DEVICE_REMOVED}, {@code CKR_TOKEN_NOT_PRESENT}) or an invalid key
 * handle, the signer drops its sessions, opens a new one, logs in again with a PIN from the source,
 * finds the key again and retries once.
 *
 * <p>The PIN is never stored: the {@code Supplier<char[]>} is asked whenever a session is opened and
 * the array it returns is zeroised after {@code C_Login} (return a fresh array each time). Failures
 * are {@link SignerException}s naming the PKCS#11 function and its {@code CKR_} return value.
 *
 * <p>Needs jnr-ffi (an optional dependency of this module) on the class path.
 */
public final class Pkcs11Signer implements Signer {
  private static final byte[] SECP256K1_PARAMS = {0x06, 0x05, 0x2B, (byte) 0x81, 0x04, 0x00, 0x0A}; // OID 1.3.132.0.10
  private static final byte[] ED25519_OID_PARAMS = {0x06, 0x03, 0x2B, 0x65, 0x70}; // OID 1.3.101.112
  private static final byte[] ED25519_NAME_PARAMS = { // PrintableString "edwards25519" (PKCS#11 3.0)
      0x13, 0x0C, 'e', 'd', 'w', 'a', 'r', 'd', 's', '2', '5', '5', '1', '9'};
  private static final int MAX_SIGNATURE = 256;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Pkcs11Config config;
  private final Pkcs11Module module;
  private final Cryptoki ck;
  private final SessionPool pool;
  private final KeyType keyType;
  private final String label;
  private final byte[] id;
  private final byte[] publicKey;
  private final Secp256k1PublicKey secpKey;
  private final Template mechanism;
  private final SignerDescriptor descriptor;
  private final AtomicBoolean closed = new AtomicBoolean();
  private final Object relocate = new Object();
  private volatile long privateKey;

  private Pkcs11Signer(Pkcs11Config config, Pkcs11Module module, SessionPool pool, KeyType keyType, String label,
      byte[] id, long privateKey, byte[] publicKey) {
    this.config = config;
    this.module = module;
    this.ck = module.ck();
    this.pool = pool;
    this.keyType = keyType;
    this.label = label;
    this.id = id;
    this.privateKey = privateKey;
    this.publicKey = publicKey;
    this.secpKey = keyType == KeyType.SECP256K1 ? Secp256k1PublicKey.fromBytes(publicKey) : null;
    this.mechanism = Template.mechanism(module.runtime(), keyType == KeyType.SECP256K1 ? Ck.CKM_ECDSA : Ck.CKM_EDDSA);
    EnumSet<SignRequest.Kind> kinds = EnumSet.noneOf(SignRequest.Kind.class);
    for (SignRequest.Kind k : SignRequest.Kind.values()) {
      if (supportsKind(k)) {
        kinds.add(k);
      }
    }
    this.descriptor = SignerDescriptor.of(keyType, publicKey, kinds).withBackend("pkcs11")
        .withKeyId(label != null ? label : "id:" + Hex.encode(id));
  }

  /**
   * Opens a signer: loads and initialises the module (once per JVM), finds the token, logs in,
   * generates or finds the key pair and reads its public key.
   *
   * @param pin the user PIN source; asked for every new session, the returned array is zeroised
   * @throws SignerException DEVICE_UNAVAILABLE (module, token, login, key generation failed; with
   *     the CKR_ name), INVALID_REQUEST (no such key, several keys match, a generated label exists,
   *     null arguments); DEVICE_UNAVAILABLE when jnr-ffi is not on the class path
   */
  public static Pkcs11Signer open(Pkcs11Config config, Pkcs11Key key, Supplier<char[]> pin) {
    if (config == null) {
      throw new SignerException(SignerException.Reason.INVALID_REQUEST, "config", "is null");
    }
    if (key == null) {
      throw new SignerException(SignerException.Reason.INVALID_REQUEST, "key", "is null");
    }
    if (pin == null) {
      throw new SignerException(SignerException.Reason.INVALID_REQUEST, "pin", "the PIN source is null");
    }
    try {
      return openWith(config, key, pin);
    } catch (NoClassDefFoundError e) {
      throw new SignerException(SignerException.Reason.DEVICE_UNAVAILABLE, "module",
          "the PKCS#11 binding needs jnr-ffi (com.github.jnr:jnr-ffi) on the class path", e);
    }
  }

  private static Pkcs11Signer openWith(Pkcs11Config config, Pkcs11Key key, Supplier<char[]> pin) {
    Pkcs11Module module = Pkcs11Module.load(config.module());
    long slot = module.slotOfToken(config.tokenLabel());
    SessionPool pool = new SessionPool(module, slot, pin, config.poolSize(), config.acquireTimeout().toNanos());
    long session = pool.acquire();
    boolean healthy = false;
    try {
      String label = key.label().orElse(null);
      byte[] id = key.id().orElse(null);
      long[] pair;
      if (key.generated()) {
        if (find(module, session, Ck.CKO_PRIVATE_KEY, key.keyType(), label, null, 2).length > 0) {
          throw new SignerException(SignerException.Reason.INVALID_REQUEST, "label",
              "a private key labelled \"" + label + "\" already exists in the token");
        }
        if (id == null) {
          id = new byte[16];
          RANDOM.nextBytes(id);
        }
        pair = generate(module, session, key.keyType(), label, id);
      } else {
        pair = new long[] {single(module, session, Ck.CKO_PUBLIC_KEY, key, label, id),
            single(module, session, Ck.CKO_PRIVATE_KEY, key, label, id)};
      }
      byte[] pub = readPublicKey(module, session, pair[0], key.keyType());
      healthy = true;
      return new Pkcs11Signer(config, module, pool, key.keyType(), label, id, pair[1], pub);
    } finally {
      if (healthy) {
        pool.release(session);
      } else {
        pool.discard(session);
        pool.close();
      }
    }
  }

  private static long single(Pkcs11Module m, long session, long cls, Pkcs11Key key, String label, byte[] id) {
    long[] found = find(m, session, cls, key.keyType(), label, id, 2);
    String what = cls == Ck.CKO_PRIVATE_KEY ? "private" : "public";
    if (found.length == 0) {
      throw new SignerException(SignerException.Reason.INVALID_REQUEST, "key",
          "no " + key.keyType() + " " + what + " key " + key + " in the token");
    }
    if (found.length > 1) {
      throw new SignerException(SignerException.Reason.INVALID_REQUEST, "key",
          "more than one " + key.keyType() + " " + what + " key matches " + key);
    }
    return found[0];
  }

  private static long[] find(Pkcs11Module m, long session, long cls, KeyType type, String label, byte[] id, int max) {
    Template t = new Template(m.runtime(), 4).ulong(Ck.CKA_CLASS, cls).ulong(Ck.CKA_KEY_TYPE, ckk(type));
    if (label != null) {
      t.bytes(Ck.CKA_LABEL, label.getBytes(StandardCharsets.UTF_8));
    }
    if (id != null) {
      t.bytes(Ck.CKA_ID, id);
    }
    Cryptoki ck = m.ck();
    Pkcs11Module.check(ck.C_FindObjectsInit(session, t.pointer(), t.count()), "C_FindObjectsInit", "key");
    long[] out = new long[max];
    NativeLongByReference n = new NativeLongByReference(0L);
    long rv = ck.C_FindObjects(session, out, max, n);
    ck.C_FindObjectsFinal(session);
    Pkcs11Module.check(rv, "C_FindObjects", "key");
    return Arrays.copyOf(out, (int) Math.min(n.longValue(), max));
  }

  private static long ckk(KeyType type) {
    return type == KeyType.SECP256K1 ? Ck.CKK_EC : Ck.CKK_EC_EDWARDS;
  }

  private static long[] generate(Pkcs11Module m, long session, KeyType type, String label, byte[] id) {
    long rv;
    NativeLongByReference pub = new NativeLongByReference(0L);
    NativeLongByReference priv = new NativeLongByReference(0L);
    byte[][] params = type == KeyType.SECP256K1 ? new byte[][] {SECP256K1_PARAMS}
        : new byte[][] {ED25519_OID_PARAMS, ED25519_NAME_PARAMS};
    rv = Ck.CKR_OK;
    for (byte[] p : params) {
      byte[] l = label.getBytes(StandardCharsets.UTF_8);
      Template pubT = new Template(m.runtime(), 7).ulong(Ck.CKA_CLASS, Ck.CKO_PUBLIC_KEY)
          .ulong(Ck.CKA_KEY_TYPE, ckk(type)).bool(Ck.CKA_TOKEN, true).bool(Ck.CKA_VERIFY, true)
          .bytes(Ck.CKA_EC_PARAMS, p).bytes(Ck.CKA_LABEL, l);
      pubT.bytes(Ck.CKA_ID, id);
      Template privT = new Template(m.runtime(), 9).ulong(Ck.CKA_CLASS, Ck.CKO_PRIVATE_KEY)
          .ulong(Ck.CKA_KEY_TYPE, ckk(type)).bool(Ck.CKA_TOKEN, true).bool(Ck.CKA_PRIVATE, true)
          .bool(Ck.CKA_SENSITIVE, true).bool(Ck.CKA_EXTRACTABLE, false).bool(Ck.CKA_SIGN, true)
          .bytes(Ck.CKA_LABEL, l).bytes(Ck.CKA_ID, id);
      Template mech = Template.mechanism(m.runtime(),
          type == KeyType.SECP256K1 ? Ck.CKM_EC_KEY_PAIR_GEN : Ck.CKM_EC_EDWARDS_KEY_PAIR_GEN);
      rv = m.ck().C_GenerateKeyPair(session, mech.pointer(), pubT.pointer(), pubT.count(), privT.pointer(),
          privT.count(), pub, priv);
      if (rv == Ck.CKR_OK) {
        return new long[] {pub.longValue(), priv.longValue()};
      }
    }
    throw Pkcs11Module.failure(SignerException.Reason.DEVICE_UNAVAILABLE, "key", "C_GenerateKeyPair", rv);
  }

  private static byte[] readPublicKey(Pkcs11Module m, long session, long handle, KeyType type) {
    Template t = new Template(m.runtime(), 1).out(Ck.CKA_EC_POINT, 160);
    Pkcs11Module.check(m.ck().C_GetAttributeValue(session, handle, t.pointer(), 1), "C_GetAttributeValue", "publicKey");
    byte[] point = t.value(0);
    if (point == null) {
      throw new SignerException(SignerException.Reason.DEVICE_UNAVAILABLE, "publicKey", "the token returned no CKA_EC_POINT");
    }
    return publicKeyFromEcPoint(type, point);
  }

  /**
   * The public key in {@link Signer#publicKey()} form from a {@code CKA_EC_POINT} value: the DER
   * OCTET STRING PKCS#11 specifies or, as some modules return, the bare point.
   */
  static byte[] publicKeyFromEcPoint(KeyType type, byte[] point) {
    byte[] p = point;
    boolean bare = type == KeyType.SECP256K1
        ? (point.length == 65 && point[0] == 0x04) || (point.length == 33 && (point[0] == 0x02 || point[0] == 0x03))
        : point.length == 32;
    if (!bare) {
      if (point.length < 2 || point[0] != 0x04 || (point[1] & 0xFF) != point.length - 2) {
        throw new SignerException(SignerException.Reason.DEVICE_UNAVAILABLE, "publicKey",
            "CKA_EC_POINT of " + point.length + " bytes is neither a DER OCTET STRING nor a bare point");
      }
      p = Arrays.copyOfRange(point, 2, point.length);
    }
    try {
      if (type == KeyType.SECP256K1) {
        return Secp256k1PublicKey.fromBytes(p).compressed();
      }
      return dev.cairn.core.crypto.Ed25519PublicKey.of(p).bytes();
    } catch (CairnException e) {
      throw new SignerException(SignerException.Reason.DEVICE_UNAVAILABLE, "publicKey",
          "CKA_EC_POINT is not a valid " + type + " key: " + e.getMessage(), e);
    }
  }

  private boolean supportsKind(SignRequest.Kind kind) {
    if (kind == null || !kind.appliesTo(keyType)) {
      return false;
    }
    return keyType == KeyType.SECP256K1 ? kind.digestRequired() : !kind.digestRequired();
  }

  @Override
  public KeyType keyType() {
    return keyType;
  }

  @Override
  public byte[] publicKey() {
    return publicKey.clone();
  }

  @Override
  public boolean supports(SignRequest.Kind kind) {
    return supportsKind(kind);
  }

  @Override
  public SignerDescriptor descriptor() {
    return descriptor;
  }

  /** The configuration (module, token, pool); no PIN. */
  public Pkcs11Config config() {
    return config;
  }

  @Override
  public CompletableFuture<Signature> signAsync(SignRequest request) {
    CompletableFuture<Signature> f = new CompletableFuture<>();
    try {
      f.complete(signNow(request));
    } catch (SignerException e) {
      f.completeExceptionally(e);
    } catch (RuntimeException | LinkageError e) {
      f.completeExceptionally(new SignerException(SignerException.Reason.FAILED, "signer",
          "PKCS#11 signing failed: " + e.getClass().getSimpleName(), e));
    }
    return f;
  }

  private Signature signNow(SignRequest request) {
    if (request == null) {
      throw new SignerException(SignerException.Reason.INVALID_REQUEST, "request", "is null");
    }
    if (closed.get()) {
      throw new SignerException(SignerException.Reason.DEVICE_UNAVAILABLE, "signer", "is closed");
    }
    if (!supportsKind(request.kind())) {
      throw new SignerException(SignerException.Reason.UNSUPPORTED_REQUEST, "kind",
          request.kind() + " cannot be signed by a PKCS#11 " + keyType + " key");
    }
    if (keyType == KeyType.ED25519) {
      byte[] sig = signRaw(request.payload());
      if (sig.length != 64) {
        throw new SignerException(SignerException.Reason.FAILED, "signature",
            "CKM_EDDSA returned " + sig.length + " bytes, expected 64");
      }
      return Signature.ed25519(sig);
    }
    byte[] digest = request.digest().get();
    return Signature.secp256k1(withRecoveryId(digest, toLowS(signRaw(digest))));
  }

  /**
   * An ECDSA signature from the token's output, raw r||s (what CKM_ECDSA returns) or DER (what some
   * modules and wrappers return), with s normalised to the low half.
   */
  static EcdsaSignature toLowS(byte[] sig) {
    try {
      EcdsaSignature s = sig.length == 64 ? EcdsaSignature.fromCompact(sig) : EcdsaSignature.fromDer(sig);
      return s.normalizedS();
    } catch (CairnException e) {
      throw new SignerException(SignerException.Reason.FAILED, "signature",
          "the token returned " + sig.length + " bytes that are neither r||s nor a DER ECDSA signature", e);
    }
  }

  /** The signature with the recovery id (0 or 1) that recovers this signer's key. */
  private EcdsaSignature withRecoveryId(byte[] digest, EcdsaSignature sig) {
    BigInteger r = sig.r();
    BigInteger s = sig.s();
    for (int v = 0; v < 2; v++) {
      EcdsaSignature candidate = EcdsaSignature.of(r, s, v);
      try {
        if (secpKey.equals(Secp256k1PublicKey.recover(digest, candidate))) {
          return candidate;
        }
      } catch (CairnException e) {
        // this id recovers no key; try the other
      }
    }
    throw new SignerException(SignerException.Reason.FAILED, "signature",
        "the token's signature does not recover this signer's public key");
  }

  private byte[] signRaw(byte[] data) {
    for (int attempt = 0; ; attempt++) {
      long session = pool.acquire();
      long key = privateKey;
      long rv = ck.C_SignInit(session, mechanism.pointer(), key);
      String function = "C_SignInit";
      if (rv == Ck.CKR_OK) {
        byte[] out = new byte[MAX_SIGNATURE];
        NativeLongByReference len = new NativeLongByReference((long) out.length);
        rv = ck.C_Sign(session, data, data.length, out, len);
        function = "C_Sign";
        if (rv == Ck.CKR_OK) {
          pool.release(session);
          return Arrays.copyOf(out, (int) Math.min(len.longValue(), out.length));
        }
      }
      pool.discard(session);
      boolean keyLost = rv == 0x60 /* KEY_HANDLE_INVALID */ || rv == 0x82 /* OBJECT_HANDLE_INVALID */;
      if (attempt == 0 && !closed.get() && (Ck.sessionLost(rv) || keyLost)) {
        pool.dropIdle();
        relocateKey(key);
        continue;
      }
      throw Pkcs11Module.failure(Ck.badInput(rv) ? SignerException.Reason.INVALID_REQUEST
          : SignerException.Reason.DEVICE_UNAVAILABLE, "device", function, rv);
    }
  }

  /** After a token reset: a new session (logged in by the pool) finds the private key again. */
  private void relocateKey(long stale) {
    synchronized (relocate) {
      if (privateKey != stale) {
        return; // another thread already did
      }
      long session = pool.acquire();
      boolean ok = false;
      try {
        long[] found = find(module, session, Ck.CKO_PRIVATE_KEY, keyType, label, id, 2);
        if (found.length != 1) {
          throw new SignerException(SignerException.Reason.DEVICE_UNAVAILABLE, "key",
              found.length == 0 ? "the key is no longer in the token" : "more than one key matches after a token reset");
        }
        privateKey = found[0];
        ok = true;
      } finally {
        if (ok) {
          pool.release(session);
        } else {
          pool.discard(session);
        }
      }
    }
  }

  /** Closes the sessions (the key stays in the token). Idempotent. */
  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      pool.close();
    }
  }

  /** Module, token, key type, label or id and public key; never the PIN. */
  @Override
  public String toString() {
    return "Pkcs11Signer{module=" + module.path() + ", token=" + config.tokenLabel() + ", " + keyType
        + (label != null ? ", label=" + label : "") + (id != null ? ", id=" + Hex.encode(id) : "")
        + ", publicKey=" + Hex.encode(publicKey) + (closed.get() ? ", closed" : "") + "}";
  }
}

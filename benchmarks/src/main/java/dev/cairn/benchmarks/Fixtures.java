package dev.cairn.benchmarks;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.math.ec.ECPoint;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Sign;

/**
 * Deterministic benchmark inputs shared by every secp256k1 and Keccak benchmark, so that all
 * implementations work on exactly the same data.
 *
 * <p>There are {@link #COUNT} (a power of two) private keys and 32-byte digests, each derived with
 * SHA-256 from a fixed label and an index. The signatures, public keys and recovery ids are computed
 * once with web3j (BouncyCastle underneath), which is independent of the code under test; the Cairn
 * benchmarks check in their setup that they reproduce these values, so a broken implementation
 * cannot be "benchmarked" by accident.
 *
 * <p>Benchmarks rotate through the inputs with {@code index & MASK}, which keeps the JIT from
 * constant-folding an input and keeps any per-key cache from turning into a single hit.
 */
public final class Fixtures {

  /** Number of distinct keys/digests (power of two). */
  public static final int COUNT = 64;

  /** {@code COUNT - 1}, for rotating indices. */
  public static final int MASK = COUNT - 1;

  /** secp256k1 domain parameters as web3j uses them (its {@code Sign.CURVE} is package-private). */
  public static final ECDomainParameters CURVE =
      new ECDomainParameters(
          Sign.CURVE_PARAMS.getCurve(),
          Sign.CURVE_PARAMS.getG(),
          Sign.CURVE_PARAMS.getN(),
          Sign.CURVE_PARAMS.getH());

  private static final Fixtures INSTANCE = new Fixtures();

  /** 32-byte big-endian private keys. */
  final byte[][] privateKeys = new byte[COUNT][];

  /** The same keys as web3j key pairs (public key precomputed, as a web3j user would hold it). */
  final ECKeyPair[] keyPairs = new ECKeyPair[COUNT];

  /** 32-byte message digests. */
  final byte[][] digests = new byte[COUNT][];

  /** 65-byte uncompressed SEC1 public keys. */
  final byte[][] publicKeysUncompressed = new byte[COUNT][];

  /** 33-byte compressed SEC1 public keys. */
  final byte[][] publicKeysCompressed = new byte[COUNT][];

  /** 64-byte r||s signatures of {@code digests[i]} by {@code privateKeys[i]} (low s, RFC 6979). */
  final byte[][] compactSignatures = new byte[COUNT][];

  /** 65-byte r||s||recId signatures. */
  final byte[][] recoverableSignatures = new byte[COUNT][];

  /** Recovery ids (0..3). */
  final int[] recoveryIds = new int[COUNT];

  /** The signatures in web3j form (v = 27 + recovery id). */
  final Sign.SignatureData[] web3jSignatures = new Sign.SignatureData[COUNT];

  private Fixtures() {
    BigInteger n = CURVE.getN();
    for (int i = 0; i < COUNT; i++) {
      byte[] key = sha256("cairn-benchmark-private-key-" + i);
      BigInteger d = new BigInteger(1, key);
      if (d.signum() == 0 || d.compareTo(n) >= 0) {
        throw new IllegalStateException("derived key " + i + " out of range");
      }
      privateKeys[i] = key;
      keyPairs[i] = ECKeyPair.create(d);
      digests[i] = sha256("cairn-benchmark-digest-" + i);

      ECPoint q = CURVE.getG().multiply(d).normalize();
      publicKeysUncompressed[i] = q.getEncoded(false);
      publicKeysCompressed[i] = q.getEncoded(true);

      Sign.SignatureData sig = Sign.signMessage(digests[i], keyPairs[i], false);
      web3jSignatures[i] = sig;
      int recId = (sig.getV()[0] & 0xff) - 27;
      if (recId < 0 || recId > 3) {
        throw new IllegalStateException("unexpected web3j v " + sig.getV()[0]);
      }
      recoveryIds[i] = recId;
      byte[] rs = new byte[64];
      System.arraycopy(sig.getR(), 0, rs, 0, 32);
      System.arraycopy(sig.getS(), 0, rs, 32, 32);
      compactSignatures[i] = rs;
      byte[] rsv = Arrays.copyOf(rs, 65);
      rsv[64] = (byte) recId;
      recoverableSignatures[i] = rsv;
    }
  }

  /** The shared instance (inputs are computed once per JVM). */
  public static Fixtures get() {
    return INSTANCE;
  }

  /** A copy of private key {@code i}. */
  public byte[] privateKey(int i) {
    return privateKeys[i].clone();
  }

  /** A copy of digest {@code i}. */
  public byte[] digest(int i) {
    return digests[i].clone();
  }

  /** The web3j key pair {@code i}. */
  public ECKeyPair keyPair(int i) {
    return keyPairs[i];
  }

  /** A copy of the 65-byte uncompressed public key {@code i}. */
  public byte[] publicKeyUncompressed(int i) {
    return publicKeysUncompressed[i].clone();
  }

  /** A copy of the 33-byte compressed public key {@code i}. */
  public byte[] publicKeyCompressed(int i) {
    return publicKeysCompressed[i].clone();
  }

  /** A copy of the 64-byte r||s signature {@code i}. */
  public byte[] compactSignature(int i) {
    return compactSignatures[i].clone();
  }

  /** A copy of the 65-byte r||s||recId signature {@code i}. */
  public byte[] recoverableSignature(int i) {
    return recoverableSignatures[i].clone();
  }

  /** Recovery id of signature {@code i}. */
  public int recoveryId(int i) {
    return recoveryIds[i];
  }

  /** Signature {@code i} in web3j form. */
  public Sign.SignatureData web3jSignature(int i) {
    return web3jSignatures[i];
  }

  /**
   * {@code COUNT} pseudo-random inputs of {@code size} bytes each (deterministic, derived with
   * SHA-256 in counter mode), for the hash benchmarks.
   */
  public static byte[][] messages(int size) {
    byte[][] out = new byte[COUNT][];
    for (int i = 0; i < COUNT; i++) {
      byte[] m = new byte[size];
      int filled = 0;
      for (int block = 0; filled < size; block++) {
        byte[] h = sha256("cairn-benchmark-message-" + size + "-" + i + "-" + block);
        int n = Math.min(h.length, size - filled);
        System.arraycopy(h, 0, m, filled, n);
        filled += n;
      }
      out[i] = m;
    }
    return out;
  }

  private static byte[] sha256(String label) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(label.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 missing from the JDK", e);
    }
  }
}

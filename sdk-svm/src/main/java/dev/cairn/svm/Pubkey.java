package dev.cairn.svm;

import dev.cairn.core.crypto.Ed25519PublicKey;
import dev.cairn.core.encoding.Base58;
import dev.cairn.core.encoding.DecodingException;
import dev.cairn.core.hash.Hashes;
import dev.cairn.svm.internal.Curve25519;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * A Solana address: 32 bytes, written in base58. Either an Ed25519 public key (on the curve) or a
 * program-derived address (off the curve). Immutable; ordered by unsigned bytes.
 *
 * <pre>{@code
 * Pubkey owner = Pubkey.fromBase58("9WzDXwBbmkg8ZTbNMqUxvQRAyrZzDsGYdLVL9zYtAWWM");
 * ProgramAddress pda = Pubkey.findProgramAddress(List.of("vault".getBytes(UTF_8), owner.bytes()), programId);
 * }</pre>
 */
public final class Pubkey implements Comparable<Pubkey> {
  /** Length of an address in bytes. */
  public static final int LENGTH = 32;
  /** At most this many seeds (the bump included) derive a program address. */
  public static final int MAX_SEEDS = 16;
  /** Each seed is at most this many bytes. */
  public static final int MAX_SEED_LENGTH = 32;

  private static final byte[] PDA_MARKER = "ProgramDerivedAddress".getBytes(StandardCharsets.US_ASCII);

  private final byte[] key;
  private int hash;

  private Pubkey(byte[] key) {
    this.key = key;
  }

  /**
   * An address from its 32 bytes (copied).
   *
   * @throws SvmException (INVALID_INPUT) if null or not 32 bytes
   */
  public static Pubkey of(byte[] bytes) {
    if (bytes == null) {
      throw SvmException.invalid("pubkey", "is null");
    }
    if (bytes.length != LENGTH) {
      throw SvmException.invalid("pubkey", "must be 32 bytes, got " + bytes.length);
    }
    return new Pubkey(bytes.clone());
  }

  /** The address of an Ed25519 public key. */
  public static Pubkey of(Ed25519PublicKey key) {
    if (key == null) {
      throw SvmException.invalid("pubkey", "is null");
    }
    return new Pubkey(key.bytes());
  }

  /**
   * Parses a base58 address.
   *
   * @throws DecodingException naming {@code pubkey} if it is not base58 or not 32 bytes
   */
  public static Pubkey fromBase58(String base58) {
    return fromBase58("pubkey", base58);
  }

  /**
   * Parses a base58 address, naming {@code field} in errors.
   *
   * @throws DecodingException if it is not base58 or does not decode to exactly 32 bytes
   */
  public static Pubkey fromBase58(String field, String base58) {
    if (base58 != null && base58.length() > 44) {
      throw new DecodingException(field, -1, "base58 address longer than 44 characters");
    }
    byte[] b = Base58.decode(field, base58);
    if (b.length != LENGTH) {
      throw new DecodingException(field, -1, "address must decode to 32 bytes, got " + b.length);
    }
    return new Pubkey(b);
  }

  /** A copy of the 32 bytes. */
  public byte[] bytes() {
    return key.clone();
  }

  /** Copies the 32 bytes into {@code dst} at {@code off}. */
  public void copyTo(byte[] dst, int off) {
    System.arraycopy(key, 0, dst, off, LENGTH);
  }

  /** The base58 form. */
  public String toBase58() {
    return Base58.encode(key);
  }

  /**
   * Whether the bytes decompress to an Ed25519 point, as the Solana runtime decides it (program
   * addresses are exactly the addresses that are not).
   */
  public boolean isOnCurve() {
    return Curve25519.isOnCurve(key, 0);
  }

  /** Whether 32 bytes decompress to an Ed25519 point (Solana runtime semantics). */
  public static boolean isOnCurve(byte[] bytes32) {
    if (bytes32 == null || bytes32.length != LENGTH) {
      throw SvmException.invalid("pubkey", "must be 32 bytes");
    }
    return Curve25519.isOnCurve(bytes32, 0);
  }

  /**
   * {@code sha256(seeds... || programId || "ProgramDerivedAddress")}, which must be off the curve.
   *
   * @param seeds at most 16 seeds of at most 32 bytes each (the bump, if any, is one of them)
   * @throws SvmException INVALID_SEEDS if the hash is on the curve; INVALID_INPUT naming {@code
   *     seeds[i]} or {@code programId} for bad arguments
   */
  public static Pubkey createProgramAddress(List<byte[]> seeds, Pubkey programId) {
    byte[] hash = programAddressHash(seeds, programId, -1);
    if (Curve25519.isOnCurve(hash, 0)) {
      throw new SvmException(
          SvmException.Reason.INVALID_SEEDS, "seeds: the derived address is on the Ed25519 curve");
    }
    return new Pubkey(hash);
  }

  /**
   * The first program address found by appending a bump seed from 255 down to 0.
   *
   * @param seeds at most 15 seeds of at most 32 bytes each (the bump is the 16th)
   * @throws SvmException INVALID_SEEDS if no bump gives an off-curve address (probability about
   *     2^-256); INVALID_INPUT for bad arguments
   */
  public static ProgramAddress findProgramAddress(List<byte[]> seeds, Pubkey programId) {
    if (seeds != null && seeds.size() >= MAX_SEEDS) {
      throw SvmException.invalid("seeds", "at most " + (MAX_SEEDS - 1) + " seeds plus the bump, got " + seeds.size());
    }
    for (int bump = 255; bump >= 0; bump--) {
      byte[] hash = programAddressHash(seeds, programId, bump);
      if (!Curve25519.isOnCurve(hash, 0)) {
        return new ProgramAddress(new Pubkey(hash), bump);
      }
    }
    throw new SvmException(SvmException.Reason.INVALID_SEEDS, "seeds: no bump seed gives an off-curve address");
  }

  private static byte[] programAddressHash(List<byte[]> seeds, Pubkey programId, int bump) {
    if (seeds == null) {
      throw SvmException.invalid("seeds", "is null");
    }
    if (programId == null) {
      throw SvmException.invalid("programId", "is null");
    }
    int count = seeds.size() + (bump >= 0 ? 1 : 0);
    if (count > MAX_SEEDS) {
      throw SvmException.invalid("seeds", "at most " + MAX_SEEDS + " seeds, got " + count);
    }
    int len = 0;
    for (int i = 0; i < seeds.size(); i++) {
      byte[] s = seeds.get(i);
      if (s == null) {
        throw SvmException.invalid("seeds[" + i + "]", "is null");
      }
      if (s.length > MAX_SEED_LENGTH) {
        throw SvmException.invalid("seeds[" + i + "]", "at most 32 bytes, got " + s.length);
      }
      len += s.length;
    }
    byte[] buf = new byte[len + (bump >= 0 ? 1 : 0) + LENGTH + PDA_MARKER.length];
    int p = 0;
    for (byte[] s : seeds) {
      System.arraycopy(s, 0, buf, p, s.length);
      p += s.length;
    }
    if (bump >= 0) {
      buf[p++] = (byte) bump;
    }
    System.arraycopy(programId.key, 0, buf, p, LENGTH);
    p += LENGTH;
    System.arraycopy(PDA_MARKER, 0, buf, p, PDA_MARKER.length);
    return Hashes.sha256(buf);
  }

  /**
   * {@code sha256(base || seed || owner)}: the address {@code SystemProgram.createAccountWithSeed}
   * creates.
   *
   * @param seed at most 32 bytes of UTF-8
   * @throws SvmException (INVALID_INPUT) if the seed is too long or the owner ends with the
   *     program-address marker (the runtime refuses such owners)
   */
  public static Pubkey createWithSeed(Pubkey base, String seed, Pubkey owner) {
    if (base == null) {
      throw SvmException.invalid("base", "is null");
    }
    if (owner == null) {
      throw SvmException.invalid("owner", "is null");
    }
    byte[] s = seedBytes(seed);
    int markerAt = LENGTH - PDA_MARKER.length;
    if (endsWithPdaMarker(owner.key, markerAt)) {
      throw SvmException.invalid("owner", "ends with \"ProgramDerivedAddress\" (illegal owner)");
    }
    byte[] buf = new byte[LENGTH + s.length + LENGTH];
    System.arraycopy(base.key, 0, buf, 0, LENGTH);
    System.arraycopy(s, 0, buf, LENGTH, s.length);
    System.arraycopy(owner.key, 0, buf, LENGTH + s.length, LENGTH);
    return new Pubkey(Hashes.sha256(buf));
  }

  static byte[] seedBytes(String seed) {
    if (seed == null) {
      throw SvmException.invalid("seed", "is null");
    }
    byte[] s = seed.getBytes(StandardCharsets.UTF_8);
    if (s.length > MAX_SEED_LENGTH) {
      throw SvmException.invalid("seed", "at most 32 bytes of UTF-8, got " + s.length);
    }
    return s;
  }

  @Override
  public int compareTo(Pubkey o) {
    return compareUnsignedBytes(key, o.key);
  }

  @Override
  public boolean equals(Object o) {
    return this == o || (o instanceof Pubkey && Arrays.equals(key, ((Pubkey) o).key));
  }

  // a loop: Arrays.equals over ranges is API 33 on Android
  private static boolean endsWithPdaMarker(byte[] key, int markerAt) {
    for (int i = 0; i < PDA_MARKER.length; i++) {
      if (key[markerAt + i] != PDA_MARKER[i]) {
        return false;
      }
    }
    return true;
  }

  @Override
  public int hashCode() {
    int h = hash;
    if (h == 0) {
      h = Arrays.hashCode(key);
      hash = h;
    }
    return h;
  }

  /** The base58 form. */
  @Override
  public String toString() {
    return toBase58();
  }

  /**
   * {@code Arrays.compareUnsigned(a, b)} for non-null arrays, as a loop: Android before API 33 lacks
   * it. Lexicographic over unsigned bytes, a proper prefix first.
   */
  private static int compareUnsignedBytes(byte[] a, byte[] b) {
    int n = Math.min(a.length, b.length);
    for (int i = 0; i < n; i++) {
      if (a[i] != b[i]) {
        return (a[i] & 0xff) - (b[i] & 0xff);
      }
    }
    return a.length - b.length;
  }
}

package dev.cairn.core.hd;

import java.util.Arrays;
import java.util.Optional;

/**
 * An immutable BIP-32 derivation path such as {@code m/44'/60'/0'/0/0}.
 *
 * <p>A path is a list of raw 32-bit child numbers: indices below 2<sup>31</sup> are normal
 * children, and a hardened child has bit 31 set ({@link #HARDENED_BIT}). {@link #parse(String)}
 * accepts {@code '}, {@code h} and {@code H} as the hardened marker; {@link #toString()} always
 * writes the canonical form with {@code '}. Paths are at most {@value #MAX_DEPTH} levels deep
 * (the depth field of a serialized extended key is one byte).
 */
public final class DerivationPath {
  /** Bit 31, set in the child number of a hardened child. */
  public static final int HARDENED_BIT = 0x8000_0000;

  /** Maximum number of levels (BIP-32 stores the depth in one byte). */
  public static final int MAX_DEPTH = 255;

  /** The master key, {@code m}. */
  public static final DerivationPath MASTER = new DerivationPath(new int[0]);

  /** Default Ethereum/EVM account path {@code m/44'/60'/0'/0/0} (BIP-44, coin type 60). */
  public static final DerivationPath EVM = parse("m/44'/60'/0'/0/0");

  /** Default Solana account path {@code m/44'/501'/0'/0'} (SLIP-10 Ed25519, all hardened). */
  public static final DerivationPath SOLANA = parse("m/44'/501'/0'/0'");

  /** Default Cosmos Hub account path {@code m/44'/118'/0'/0/0} (BIP-44, coin type 118). */
  public static final DerivationPath COSMOS = parse("m/44'/118'/0'/0/0");

  private final int[] path;

  private DerivationPath(int[] path) {
    this.path = path;
  }

  /**
   * Parses {@code m} followed by zero or more {@code /index} components, where index is a decimal
   * number below 2<sup>31</sup> without leading zeros, optionally followed by {@code '}, {@code h}
   * or {@code H} for hardened. No whitespace is allowed.
   *
   * @throws DerivationPathException naming the character position of the first problem
   */
  public static DerivationPath parse(String s) {
    if (s == null) {
      throw new DerivationPathException(-1, "missing path");
    }
    int n = s.length();
    if (n == 0) {
      throw new DerivationPathException(0, "empty path; expected 'm'");
    }
    if (s.charAt(0) != 'm') {
      throw new DerivationPathException(0, "path must start with 'm'");
    }
    // each component needs at least two characters ("/0"), which bounds the allocation
    int[] out = new int[Math.min(MAX_DEPTH, (n - 1) / 2)];
    int depth = 0;
    int pos = 1;
    while (pos < n) {
      if (s.charAt(pos) != '/') {
        throw new DerivationPathException(pos, "expected '/'");
      }
      pos++;
      if (depth == MAX_DEPTH) {
        throw new DerivationPathException(pos - 1, "more than " + MAX_DEPTH + " levels");
      }
      int start = pos;
      long value = 0;
      while (pos < n && s.charAt(pos) >= '0' && s.charAt(pos) <= '9') {
        if (pos > start && value == 0) {
          throw new DerivationPathException(start, "leading zero in index");
        }
        value = value * 10 + (s.charAt(pos) - '0');
        if (value > Integer.MAX_VALUE) {
          throw new DerivationPathException(start, "index is not below 2^31");
        }
        pos++;
      }
      if (pos == start) {
        throw new DerivationPathException(pos, pos == n ? "missing index at end of path"
            : "expected a decimal index");
      }
      int index = (int) value;
      if (pos < n) {
        char c = s.charAt(pos);
        if (c == '\'' || c == 'h' || c == 'H') {
          index |= HARDENED_BIT;
          pos++;
        }
      }
      out[depth++] = index;
    }
    return new DerivationPath(depth == out.length ? out : Arrays.copyOf(out, depth));
  }

  /**
   * A path from raw child numbers (bit 31 set for hardened children), e.g.
   * {@code of(hardenedIndex(44), hardenedIndex(60), hardenedIndex(0), 0, 0)}.
   *
   * @throws DerivationPathException if there are more than {@value #MAX_DEPTH} components
   */
  public static DerivationPath of(int... childNumbers) {
    if (childNumbers.length > MAX_DEPTH) {
      throw new DerivationPathException(-1, "more than " + MAX_DEPTH + " levels");
    }
    return new DerivationPath(childNumbers.clone());
  }

  /**
   * The raw child number of the hardened child {@code index}.
   *
   * @throws DerivationPathException if {@code index} is negative (not below 2<sup>31</sup>)
   */
  public static int hardenedIndex(int index) {
    checkIndex(index);
    return index | HARDENED_BIT;
  }

  /** Whether a raw child number denotes a hardened child. */
  public static boolean isHardened(int childNumber) {
    return (childNumber & HARDENED_BIT) != 0;
  }

  /**
   * This path extended by the normal (non-hardened) child {@code index}.
   *
   * @throws DerivationPathException if {@code index} is not in [0, 2<sup>31</sup>) or the path
   *     would exceed {@value #MAX_DEPTH} levels
   */
  public DerivationPath child(int index) {
    checkIndex(index);
    return append(index);
  }

  /**
   * This path extended by the hardened child {@code index}.
   *
   * @throws DerivationPathException if {@code index} is not in [0, 2<sup>31</sup>) or the path
   *     would exceed {@value #MAX_DEPTH} levels
   */
  public DerivationPath hardened(int index) {
    checkIndex(index);
    return append(index | HARDENED_BIT);
  }

  private DerivationPath append(int childNumber) {
    if (path.length == MAX_DEPTH) {
      throw new DerivationPathException(-1, "more than " + MAX_DEPTH + " levels");
    }
    int[] p = Arrays.copyOf(path, path.length + 1);
    p[path.length] = childNumber;
    return new DerivationPath(p);
  }

  private static void checkIndex(int index) {
    if (index < 0) {
      throw new DerivationPathException(-1, "index " + Integer.toUnsignedString(index)
          + " is not below 2^31 (use hardened() for hardened children)");
    }
  }

  /** Number of levels below the master key ({@code m} has depth 0). */
  public int depth() {
    return path.length;
  }

  /** The raw child number at {@code level} (0-based), hardened bit included. */
  public int get(int level) {
    if (level < 0 || level >= path.length) {
      throw new DerivationPathException(-1, "level " + level + " outside depth " + path.length);
    }
    return path[level];
  }

  /** The raw child numbers (a copy). */
  public int[] toArray() {
    return path.clone();
  }

  /** The parent path, or empty for {@code m}. */
  public Optional<DerivationPath> parent() {
    return path.length == 0 ? Optional.empty()
        : Optional.of(new DerivationPath(Arrays.copyOf(path, path.length - 1)));
  }

  /**
   * This path read as {@code m / purpose' / coin_type' / account' / change / address_index}
   * (BIP-44 and the same-shaped BIP-49/84 paths), or empty if it does not have exactly that
   * shape: five levels, the first three hardened, the last two not. Solana's default
   * {@code m/44'/501'/0'/0'} has four hardened levels and so has no such view.
   */
  public Optional<Bip44> bip44() {
    if (path.length != 5 || !isHardened(path[0]) || !isHardened(path[1]) || !isHardened(path[2])
        || isHardened(path[3]) || isHardened(path[4])) {
      return Optional.empty();
    }
    return Optional.of(new Bip44(path[0] & ~HARDENED_BIT, path[1] & ~HARDENED_BIT,
        path[2] & ~HARDENED_BIT, path[3], path[4]));
  }

  /**
   * The components of a BIP-44-shaped path, as plain indices (hardening implied for the first
   * three).
   *
   * @param purpose the purpose level, 44 for BIP-44
   * @param coinType the SLIP-44 coin type (60 Ethereum, 118 Cosmos, ...)
   * @param account the account index
   * @param change 0 for receiving, 1 for change addresses
   * @param addressIndex the address index
   */
  public record Bip44(int purpose, int coinType, int account, int change, int addressIndex) {}

  /** Canonical form, e.g. {@code m/44'/60'/0'/0/0}. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(2 + path.length * 6).append('m');
    for (int c : path) {
      sb.append('/').append(formatIndex(c));
    }
    return sb.toString();
  }

  static String formatIndex(int childNumber) {
    int i = childNumber & ~HARDENED_BIT;
    return isHardened(childNumber) ? i + "'" : Integer.toString(i);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DerivationPath && Arrays.equals(path, ((DerivationPath) o).path);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(path);
  }
}

package dev.cairn.cosmos;

import dev.cairn.core.encoding.Bech32;
import dev.cairn.core.encoding.DecodingException;
import dev.cairn.core.encoding.Hex;
import dev.cairn.core.hash.Hashes;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A Cosmos address: a human-readable prefix ({@code cosmos}, {@code cosmosvaloper}, {@code osmo},
 * {@code inj}...) and 20 bytes (accounts and validators) or 32 bytes (CosmWasm contracts and other
 * module-derived addresses), written as plain Bech32 (BIP-173). Immutable.
 *
 * <p>{@link #parse(String, String)} checks the prefix; a malformed string (bad characters, mixed
 * case, bad checksum, Bech32m) is a {@link DecodingException} with the offset, a valid string with
 * another prefix a {@link CosmosException} with reason {@link CosmosException.Reason#WRONG_PREFIX}.
 */
public final class CosmosAddress {
  /** Longest address string accepted, in characters (Cosmos allows longer strings than BIP-173's 90). */
  public static final int MAX_LENGTH = 128;
  /** Longest address payload, in bytes (the SDK's limit, {@code address.MaxAddrLen}). */
  public static final int MAX_BYTES = 255;

  private final String prefix;
  private final byte[] bytes;
  private final String text;

  private CosmosAddress(String prefix, byte[] bytes, String text) {
    this.prefix = prefix;
    this.bytes = bytes;
    this.text = text;
  }

  /**
   * An address from its prefix and bytes.
   *
   * @throws CosmosException (INVALID_INPUT) naming {@code address.prefix} or {@code address.bytes}
   */
  public static CosmosAddress of(String prefix, byte[] bytes) {
    checkPrefix(prefix);
    if (bytes == null || bytes.length == 0 || bytes.length > MAX_BYTES) {
      throw CosmosException.invalid("address.bytes", "must be 1 to " + MAX_BYTES + " bytes");
    }
    String text;
    try {
      text = Bech32.encode(prefix, bytes, Bech32.Variant.BECH32, MAX_LENGTH);
    } catch (IllegalArgumentException e) {
      throw CosmosException.invalid("address", "longer than " + MAX_LENGTH + " characters with prefix " + prefix);
    }
    return new CosmosAddress(prefix, bytes.clone(), text);
  }

  /**
   * Parses a Bech32 address with any prefix.
   *
   * @throws DecodingException when it is not valid Bech32 (offset of the problem)
   */
  public static CosmosAddress parse(String text) {
    Bech32.Decoded d = Bech32.decode(text, MAX_LENGTH);
    if (d.variant() != Bech32.Variant.BECH32) {
      throw new DecodingException("address", -1, "is Bech32m, Cosmos addresses are Bech32");
    }
    byte[] b = d.data8bit();
    if (b.length == 0 || b.length > MAX_BYTES) {
      throw new DecodingException("address", -1, "payload of " + b.length + " bytes, expected 1 to " + MAX_BYTES);
    }
    return new CosmosAddress(d.hrp(), b, text.toLowerCase(java.util.Locale.ROOT));
  }

  /**
   * Parses an address that must have prefix {@code expectedPrefix}.
   *
   * @throws DecodingException when it is not valid Bech32
   * @throws CosmosException (WRONG_PREFIX) when it has another prefix
   */
  public static CosmosAddress parse(String text, String expectedPrefix) {
    CosmosAddress a = parse(text);
    if (!a.prefix.equals(expectedPrefix)) {
      throw new CosmosException(CosmosException.Reason.WRONG_PREFIX,
          "address: has prefix " + a.prefix + ", expected " + expectedPrefix);
    }
    return a;
  }

  /**
   * The account address of a secp256k1 key: {@code ripemd160(sha256(compressed key))}.
   *
   * @param compressedPublicKey 33 bytes
   */
  public static CosmosAddress ofSecp256k1(String prefix, byte[] compressedPublicKey) {
    if (compressedPublicKey == null || compressedPublicKey.length != 33
        || (compressedPublicKey[0] != 2 && compressedPublicKey[0] != 3)) {
      throw CosmosException.invalid("publicKey", "must be a 33-byte compressed secp256k1 key");
    }
    return of(prefix, Hashes.hash160(compressedPublicKey));
  }

  /**
   * The predictable address of a contract instantiated with {@code MsgInstantiateContract2}
   * (wasmd's {@code BuildContractAddressPredictable}, CosmJS {@code instantiate2Address}):
   * {@code sha256(sha256("module") || "wasm" || 0x00 || len(checksum) || checksum || len(creator) ||
   * creator || len(salt) || salt || len(initMsg) || initMsg)}, lengths as 8-byte big-endian.
   *
   * @param checksum the 32-byte sha256 of the (uncompressed) wasm code
   * @param creator the instantiating account
   * @param salt 1 to 64 bytes
   * @param initMsg the init message bytes when {@code fix_msg} is set, otherwise {@code null}
   *     (wasmd and CosmJS then hash an empty message)
   * @param prefix the chain's account prefix
   */
  public static CosmosAddress instantiate2(byte[] checksum, CosmosAddress creator, byte[] salt, byte[] initMsg, String prefix) {
    if (checksum == null || checksum.length != 32) {
      throw CosmosException.invalid("checksum", "must be 32 bytes");
    }
    if (creator == null) {
      throw CosmosException.invalid("creator", "is null");
    }
    if (salt == null || salt.length < 1 || salt.length > 64) {
      throw CosmosException.invalid("salt", "must be 1 to 64 bytes");
    }
    byte[] msg = initMsg == null ? new byte[0] : initMsg;
    byte[] c = creator.bytes;
    byte[] key = new byte[5 + 8 + 32 + 8 + c.length + 8 + salt.length + 8 + msg.length];
    int p = 0;
    byte[] wasm = "wasm".getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(wasm, 0, key, p, 4);
    p += 5; // "wasm" then 0x00
    p = lengthPrefixed(key, p, checksum);
    p = lengthPrefixed(key, p, c);
    p = lengthPrefixed(key, p, salt);
    lengthPrefixed(key, p, msg);
    byte[] typeHash = Hashes.sha256("module".getBytes(StandardCharsets.US_ASCII));
    byte[] pre = new byte[32 + key.length];
    System.arraycopy(typeHash, 0, pre, 0, 32);
    System.arraycopy(key, 0, pre, 32, key.length);
    return of(prefix, Hashes.sha256(pre));
  }

  private static int lengthPrefixed(byte[] out, int p, byte[] data) {
    long n = data.length;
    for (int i = 7; i >= 0; i--) {
      out[p++] = (byte) (n >>> (8 * i));
    }
    System.arraycopy(data, 0, out, p, data.length);
    return p + data.length;
  }

  /** Checks a prefix: 1 to 83 characters in 33..126, lowercase (Bech32's rule for what Cosmos uses). */
  public static void checkPrefix(String prefix) {
    if (prefix == null || prefix.isEmpty() || prefix.length() > 83) {
      throw CosmosException.invalid("address.prefix", "must be 1 to 83 characters");
    }
    for (int i = 0; i < prefix.length(); i++) {
      char c = prefix.charAt(i);
      if (c < 33 || c > 126 || (c >= 'A' && c <= 'Z')) {
        throw CosmosException.invalid("address.prefix", "character not allowed at offset " + i);
      }
    }
  }

  /** The same bytes under another prefix (an account's validator address: {@code withPrefix("cosmosvaloper")}). */
  public CosmosAddress withPrefix(String otherPrefix) {
    return of(otherPrefix, bytes);
  }

  /** The human-readable prefix. */
  public String prefix() {
    return prefix;
  }

  /** A copy of the address bytes. */
  public byte[] bytes() {
    return bytes.clone();
  }

  /** Number of address bytes (20 for accounts, 32 for contracts). */
  public int length() {
    return bytes.length;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CosmosAddress && ((CosmosAddress) o).prefix.equals(prefix)
        && Arrays.equals(((CosmosAddress) o).bytes, bytes);
  }

  @Override
  public int hashCode() {
    return prefix.hashCode() * 31 + Arrays.hashCode(bytes);
  }

  /** The Bech32 string, lowercase. */
  @Override
  public String toString() {
    return text;
  }

  /** The address bytes as hex (for logs and tests). */
  public String toHex() {
    return Hex.encode(bytes);
  }
}

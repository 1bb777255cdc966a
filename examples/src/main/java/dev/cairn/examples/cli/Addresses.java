package dev.cairn.examples.cli;

import dev.cairn.core.crypto.Ed25519PublicKey;
import dev.cairn.core.crypto.Secp256k1PublicKey;
import dev.cairn.core.encoding.Base58;
import dev.cairn.core.encoding.Bech32;
import dev.cairn.core.encoding.DecodingException;
import dev.cairn.core.encoding.Hex;
import dev.cairn.core.hash.Hashes;
import dev.cairn.core.hash.Keccak256;
import java.util.Arrays;

/**
 * Account addresses of the three chains, from public keys. (The chain modules will own these; the
 * CLI carries its own small copy until they exist.)
 *
 * <ul>
 *   <li>EVM: the last 20 bytes of keccak256 of the uncompressed public key without its 0x04
 *       prefix, written with the EIP-55 mixed-case checksum.
 *   <li>Solana: the base58 of the 32-byte Ed25519 public key.
 *   <li>Cosmos: bech32(hrp, ripemd160(sha256(33-byte compressed public key))).
 * </ul>
 */
public final class Addresses {
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private Addresses() {}

  /** The EIP-55 address of a secp256k1 public key. */
  public static String evm(Secp256k1PublicKey publicKey) {
    byte[] uncompressed = publicKey.uncompressed();
    byte[] hash = Keccak256.hash(uncompressed, 1, 64);
    return eip55(Arrays.copyOfRange(hash, 12, 32));
  }

  /** The EIP-55 mixed-case form of a 20-byte address, with the 0x prefix. */
  public static String eip55(byte[] address) {
    if (address.length != 20) {
      throw new IllegalArgumentException("an EVM address has 20 bytes, not " + address.length);
    }
    char[] lower = new char[40];
    for (int i = 0; i < 20; i++) {
      lower[2 * i] = HEX[(address[i] >>> 4) & 0xf];
      lower[2 * i + 1] = HEX[address[i] & 0xf];
    }
    byte[] ascii = new byte[40];
    for (int i = 0; i < 40; i++) {
      ascii[i] = (byte) lower[i];
    }
    byte[] hash = Keccak256.hash(ascii);
    StringBuilder sb = new StringBuilder(42).append("0x");
    for (int i = 0; i < 40; i++) {
      char c = lower[i];
      int nibble = (hash[i >>> 1] >>> ((i & 1) == 0 ? 4 : 0)) & 0xf;
      sb.append(c >= 'a' && nibble >= 8 ? (char) (c - 32) : c);
    }
    return sb.toString();
  }

  /**
   * Parses an EVM address in any case. An all-lowercase or all-uppercase address is accepted as
   * is; a mixed-case one must pass its EIP-55 checksum.
   *
   * @param field the input field (for messages)
   * @return the 20 address bytes
   * @throws DecodingException if it is not 0x followed by 40 hex digits
   * @throws InvalidAddressException if a mixed-case address fails its checksum
   */
  public static byte[] parseEvm(String field, String address) {
    if (address.length() != 42 || !address.startsWith("0x")) {
      throw new DecodingException(
          field, -1, "an EVM address is 0x followed by 40 hex digits (got " + address.length()
              + " characters)");
    }
    byte[] bytes = Hex.decode(field, address.substring(2));
    boolean lower = false;
    boolean upper = false;
    for (int i = 2; i < 42; i++) {
      char c = address.charAt(i);
      lower |= c >= 'a' && c <= 'f';
      upper |= c >= 'A' && c <= 'F';
    }
    if (lower && upper && !eip55(bytes).equals(address)) {
      throw new InvalidAddressException(field, "mixed-case address fails its EIP-55 checksum");
    }
    return bytes;
  }

  /** The Solana address (base58 public key) of an Ed25519 public key. */
  public static String solana(Ed25519PublicKey publicKey) {
    return Base58.encode(publicKey.bytes());
  }

  /** The Cosmos SDK bech32 address of a secp256k1 public key under human-readable part hrp. */
  public static String cosmos(String hrp, Secp256k1PublicKey publicKey) {
    checkHrp(hrp);
    return Bech32.encode(hrp, Hashes.hash160(publicKey.compressed()), Bech32.Variant.BECH32);
  }

  /**
   * Checks a bech32 human-readable part: 1 to 83 printable ASCII characters (33-126), lowercase
   * (a 20-byte address also needs it short enough for the 90-character limit: at most 51).
   *
   * @throws InvalidAddressException naming field {@code hrp}
   */
  public static void checkHrp(String hrp) {
    if (hrp.isEmpty()) {
      throw new InvalidAddressException("hrp", "must not be empty");
    }
    if (hrp.length() > 51) {
      throw new InvalidAddressException(
          "hrp", "at most 51 characters for a 20-byte address, got " + hrp.length());
    }
    for (int i = 0; i < hrp.length(); i++) {
      char c = hrp.charAt(i);
      if (c < 33 || c > 126) {
        throw new InvalidAddressException("hrp", "character " + i + " is not printable ASCII");
      }
      if (c >= 'A' && c <= 'Z') {
        throw new InvalidAddressException("hrp", "must be lowercase (character " + i + ")");
      }
    }
  }
}

package dev.cairn.cli;

import dev.cairn.core.crypto.Ed25519PublicKey;
import dev.cairn.core.crypto.Secp256k1PublicKey;
import dev.cairn.core.encoding.Base58;
import dev.cairn.core.encoding.Bech32;
import dev.cairn.core.hash.Hashes;

/**
 * Solana and Cosmos account addresses from public keys. (sdk-svm and sdk-cosmwasm will own these;
 * the CLI carries its own small copy until they exist. EVM addresses come from sdk-abi's {@link
 * dev.cairn.abi.Address}.)
 *
 * <ul>
 *   <li>Solana: the base58 of the 32-byte Ed25519 public key.
 *   <li>Cosmos: bech32(hrp, ripemd160(sha256(33-byte compressed public key))).
 * </ul>
 */
public final class Addresses {
  private Addresses() {}

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

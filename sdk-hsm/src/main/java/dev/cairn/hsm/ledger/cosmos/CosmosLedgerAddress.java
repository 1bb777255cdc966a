package dev.cairn.hsm.ledger.cosmos;

import dev.cairn.core.encoding.Hex;
import java.util.Arrays;
import java.util.Objects;

/** The answer of the Cosmos app's getAddressAndPubKey: the compressed secp256k1 key and its bech32 address. Immutable. */
public final class CosmosLedgerAddress {
  private final byte[] publicKey;
  private final String address;

  private CosmosLedgerAddress(byte[] publicKey, String address) {
    this.publicKey = publicKey;
    this.address = address;
  }

  /** An address (the key is copied). */
  public static CosmosLedgerAddress of(byte[] compressedPublicKey, String bech32Address) {
    Objects.requireNonNull(compressedPublicKey, "compressedPublicKey");
    Objects.requireNonNull(bech32Address, "bech32Address");
    return new CosmosLedgerAddress(compressedPublicKey.clone(), bech32Address);
  }

  /** The 33-byte compressed public key (a copy). */
  public byte[] publicKey() {
    return publicKey.clone();
  }

  /** The bech32 address the device computed, e.g. {@code cosmos1...}. */
  public String address() {
    return address;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CosmosLedgerAddress && Arrays.equals(publicKey, ((CosmosLedgerAddress) o).publicKey)
        && address.equals(((CosmosLedgerAddress) o).address);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(publicKey) + address.hashCode();
  }

  @Override
  public String toString() {
    return "CosmosLedgerAddress{" + address + ", publicKey=" + Hex.encode(publicKey) + "}";
  }
}

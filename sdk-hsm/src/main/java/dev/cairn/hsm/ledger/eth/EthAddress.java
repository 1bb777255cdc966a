package dev.cairn.hsm.ledger.eth;

import java.util.Optional;

/** What the Ethereum app's getAddress returns: the uncompressed public key, the checksummed address and, if asked for, the chain code. */
public final class EthAddress {
  private final byte[] publicKey;
  private final String address;
  private final byte[] chainCode;

  EthAddress(byte[] publicKey, String address, byte[] chainCode) {
    this.publicKey = publicKey;
    this.address = address;
    this.chainCode = chainCode;
  }

  /** The 65-byte uncompressed SEC1 public key (copy). */
  public byte[] publicKey() {
    return publicKey.clone();
  }

  /** The address as the device formats it, with {@code 0x} (EIP-55 checksummed by the app). */
  public String address() {
    return address;
  }

  /** The 32-byte BIP-32 chain code, when requested. */
  public Optional<byte[]> chainCode() {
    return chainCode == null ? Optional.empty() : Optional.of(chainCode.clone());
  }

  @Override
  public String toString() {
    return "EthAddress{" + address + "}";
  }
}

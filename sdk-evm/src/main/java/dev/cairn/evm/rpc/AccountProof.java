package dev.cairn.evm.rpc;

import com.fasterxml.jackson.core.JsonParser;
import dev.cairn.abi.Address;
import dev.cairn.evm.rpc.internal.Json;
import java.io.IOException;
import java.math.BigInteger;
import java.util.List;

/**
 * {@code eth_getProof}: an account's Merkle-Patricia proof against a block's state root, its
 * fields, and proofs of the requested storage slots. Verify with {@code dev.cairn.evm.trie}.
 * Immutable.
 */
public final class AccountProof {
  private final Address address;
  private final List<byte[]> accountProof;
  private final BigInteger balance;
  private final Hash32 codeHash;
  private final long nonce;
  private final Hash32 storageHash;
  private final List<StorageProof> storageProof;

  private AccountProof(Address address, List<byte[]> accountProof, BigInteger balance, Hash32 codeHash, long nonce,
      Hash32 storageHash, List<StorageProof> storageProof) {
    this.address = address;
    this.accountProof = accountProof;
    this.balance = balance;
    this.codeHash = codeHash;
    this.nonce = nonce;
    this.storageHash = storageHash;
    this.storageProof = storageProof;
  }

  static AccountProof read(JsonParser p) throws IOException {
    Json.expectObject(p);
    Address address = null;
    List<byte[]> proof = null;
    BigInteger balance = null;
    Hash32 codeHash = null;
    Long nonce = null;
    Hash32 storageHash = null;
    List<StorageProof> storage = null;
    String f;
    while ((f = Json.nextField(p)) != null) {
      switch (f) {
        case "address": address = Json.address(p); break;
        case "accountProof": proof = Json.list(p, Json::data); break;
        case "balance": balance = Json.quantity(p); break;
        case "codeHash": codeHash = Hash32.wrap(Json.hash(p)); break;
        case "nonce": nonce = Json.quantityLong(p); break;
        case "storageHash": storageHash = Hash32.wrap(Json.hash(p)); break;
        case "storageProof": storage = Json.list(p, StorageProof::read); break;
        default: Json.skip(p);
      }
    }
    if (address == null) {
      throw Json.missing(p, "address");
    }
    if (proof == null) {
      throw Json.missing(p, "accountProof");
    }
    if (balance == null) {
      throw Json.missing(p, "balance");
    }
    if (codeHash == null) {
      throw Json.missing(p, "codeHash");
    }
    if (nonce == null) {
      throw Json.missing(p, "nonce");
    }
    if (storageHash == null) {
      throw Json.missing(p, "storageHash");
    }
    if (storage == null) {
      throw Json.missing(p, "storageProof");
    }
    return new AccountProof(address, proof, balance, codeHash, nonce, storageHash, storage);
  }

  /** The account. */
  public Address address() {
    return address;
  }

  /** Copies of the RLP-encoded trie nodes from the state root towards the account. */
  public List<byte[]> accountProof() {
    return StorageProof.copy(accountProof);
  }

  /** The balance in wei. */
  public BigInteger balance() {
    return balance;
  }

  /** Keccak-256 of the account's code. */
  public Hash32 codeHash() {
    return codeHash;
  }

  /** The account nonce. */
  public long nonce() {
    return nonce;
  }

  /** The account's storage root. */
  public Hash32 storageHash() {
    return storageHash;
  }

  /** Proofs of the requested storage slots, in request order. */
  public List<StorageProof> storageProof() {
    return storageProof;
  }

  @Override
  public String toString() {
    return "AccountProof{" + address + ", nonce=" + nonce + ", balance=" + balance + ", nodes=" + accountProof.size()
        + ", slots=" + storageProof.size() + "}";
  }
}

package dev.cairn.evm.rpc;

import com.fasterxml.jackson.core.JsonParser;
import dev.cairn.abi.Address;
import dev.cairn.evm.rpc.internal.Json;
import dev.cairn.evm.tx.Authorization;
import java.io.IOException;
import java.math.BigInteger;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * A transaction as a node reports it ({@code eth_getTransactionByHash}, full blocks), for every
 * type up to Prague: legacy (0), EIP-2930 access lists (1), EIP-1559 fees (2), EIP-4844 blobs (3)
 * and EIP-7702 authorization lists (4, decoded into {@link Authorization}s). Fields a transaction
 * type does not have are empty (optionals) or empty lists. Immutable.
 *
 * <p>Decoding is strict in the values (a bad quantity, hash or address is an {@link dev.cairn.transport.TransportException}
 * naming its JSON path, e.g. {@code /result/authorizationList/0/nonce}) and tolerant in presence: only
 * {@code hash}, {@code nonce}, {@code from}, {@code value}, {@code gas} and {@code input} are
 * required, because nodes differ in the other fields they send. For typed transactions the
 * deprecated {@code v} stands in for a missing {@code yParity}, as the execution-apis specification
 * allows; the same holds inside authorization list elements.
 */
public final class RpcTransaction {
  /** One access-list entry: an address and the storage keys pre-warmed for it. Immutable. */
  public static final class AccessListEntry {
    private final Address address;
    private final List<Hash32> storageKeys;

    AccessListEntry(Address address, List<Hash32> storageKeys) {
      this.address = address;
      this.storageKeys = storageKeys;
    }

    /** The address. */
    public Address address() {
      return address;
    }

    /** The storage keys. */
    public List<Hash32> storageKeys() {
      return storageKeys;
    }

    static AccessListEntry read(JsonParser p) throws IOException {
      Json.expectObject(p);
      Address a = null;
      List<Hash32> keys = null;
      String f;
      while ((f = Json.nextField(p)) != null) {
        if (f.equals("address")) {
          a = Json.address(p);
        } else if (f.equals("storageKeys")) {
          keys = Json.list(p, q -> Hash32.wrap(Json.hash(q)));
        } else {
          Json.skip(p);
        }
      }
      if (a == null) {
        throw Json.missing(p, "address");
      }
      return new AccessListEntry(a, keys == null ? Collections.emptyList() : keys);
    }
  }

  private Hash32 hash;
  private long nonce;
  private Hash32 blockHash;
  private Long blockNumber;
  private Integer transactionIndex;
  private Address from;
  private Address to;
  private BigInteger value;
  private long gas;
  private BigInteger gasPrice;
  private BigInteger maxFeePerGas;
  private BigInteger maxPriorityFeePerGas;
  private BigInteger maxFeePerBlobGas;
  private byte[] input;
  private int type;
  private Long chainId;
  private BigInteger v;
  private BigInteger r;
  private BigInteger s;
  private Integer yParity;
  private List<AccessListEntry> accessList;
  private List<Hash32> blobVersionedHashes;
  private List<Authorization> authorizationList;

  private RpcTransaction() {}

  static RpcTransaction read(JsonParser p) throws IOException {
    Json.expectObject(p);
    RpcTransaction t = new RpcTransaction();
    boolean hasNonce = false;
    boolean hasGas = false;
    String f;
    while ((f = Json.nextField(p)) != null) {
      switch (f) {
        case "hash": t.hash = Hash32.wrap(Json.hash(p)); break;
        case "nonce": t.nonce = Json.quantityLong(p); hasNonce = true; break;
        case "blockHash": t.blockHash = Log.wrapOrNull(Json.hashOrNull(p)); break;
        case "blockNumber": t.blockNumber = Json.quantityLongOrNull(p); break;
        case "transactionIndex": t.transactionIndex = Json.isNull(p) ? null : Json.quantityInt(p); break;
        case "from": t.from = Json.address(p); break;
        case "to": t.to = Json.addressOrNull(p); break;
        case "value": t.value = Json.quantity(p); break;
        case "gas": t.gas = Json.quantityLong(p); hasGas = true; break;
        case "gasPrice": t.gasPrice = Json.quantityOrNull(p); break;
        case "maxFeePerGas": t.maxFeePerGas = Json.quantityOrNull(p); break;
        case "maxPriorityFeePerGas": t.maxPriorityFeePerGas = Json.quantityOrNull(p); break;
        case "maxFeePerBlobGas": t.maxFeePerBlobGas = Json.quantityOrNull(p); break;
        case "input": t.input = Json.data(p); break;
        case "type": t.type = Json.quantityInt(p); break;
        case "chainId": t.chainId = Json.quantityLongOrNull(p); break;
        case "v": t.v = Json.quantityOrNull(p); break;
        case "r": t.r = Json.quantityOrNull(p); break;
        case "s": t.s = Json.quantityOrNull(p); break;
        case "yParity": t.yParity = Json.isNull(p) ? null : Json.quantityInt(p); break;
        case "accessList": t.accessList = Json.isNull(p) ? null : Json.list(p, AccessListEntry::read); break;
        case "blobVersionedHashes":
          t.blobVersionedHashes = Json.isNull(p) ? null : Json.list(p, q -> Hash32.wrap(Json.hash(q)));
          break;
        case "authorizationList":
          t.authorizationList = Json.isNull(p) ? null : Json.list(p, RpcTransaction::readAuthorization);
          break;
        default: Json.skip(p);
      }
    }
    if (t.hash == null) {
      throw Json.missing(p, "hash");
    }
    if (!hasNonce) {
      throw Json.missing(p, "nonce");
    }
    if (t.from == null) {
      throw Json.missing(p, "from");
    }
    if (t.value == null) {
      throw Json.missing(p, "value");
    }
    if (!hasGas) {
      throw Json.missing(p, "gas");
    }
    if (t.input == null) {
      throw Json.missing(p, "input");
    }
    if (t.yParity == null && t.type != 0 && t.v != null && t.v.bitLength() <= 1) {
      t.yParity = t.v.intValue();
    }
    return t;
  }

  /**
   * Reads one EIP-7702 authorization: {@code chainId} (uint256), {@code address}, {@code nonce}
   * (uint64), {@code yParity} (a byte; {@code v} if absent), {@code r}, {@code s} (uint256).
   */
  static Authorization readAuthorization(JsonParser p) throws IOException {
    Json.expectObject(p);
    BigInteger chainId = null;
    Address address = null;
    BigInteger nonce = null;
    Integer yParity = null;
    Integer v = null;
    BigInteger r = null;
    BigInteger s = null;
    String f;
    while ((f = Json.nextField(p)) != null) {
      switch (f) {
        case "chainId": chainId = Json.quantity(p); break;
        case "address": address = Json.address(p); break;
        case "nonce":
          nonce = Json.quantity(p);
          if (nonce.bitLength() > 64) {
            throw Json.malformed(p, "authorization nonce exceeds 2^64-1");
          }
          break;
        case "yParity": yParity = parityByte(p); break;
        case "v": v = parityByte(p); break;
        case "r": r = Json.quantity(p); break;
        case "s": s = Json.quantity(p); break;
        default: Json.skip(p);
      }
    }
    if (chainId == null) {
      throw Json.missing(p, "chainId");
    }
    if (address == null) {
      throw Json.missing(p, "address");
    }
    if (nonce == null) {
      throw Json.missing(p, "nonce");
    }
    if (yParity == null) {
      if (v == null) {
        throw Json.missing(p, "yParity");
      }
      yParity = v;
    }
    if (r == null) {
      throw Json.missing(p, "r");
    }
    if (s == null) {
      throw Json.missing(p, "s");
    }
    // every bound Authorization.of checks was checked above, so it cannot throw here
    return Authorization.of(chainId, address, nonce.longValue(), yParity, r, s);
  }

  private static int parityByte(JsonParser p) throws IOException {
    long b = Json.quantityLong(p);
    if (b > 0xff) {
      throw Json.malformed(p, "y parity must fit a byte, got " + b);
    }
    return (int) b;
  }

  /** The transaction hash. */
  public Hash32 hash() {
    return hash;
  }

  /** The sender's nonce. */
  public long nonce() {
    return nonce;
  }

  /** The including block's hash; empty while pending. */
  public Optional<Hash32> blockHash() {
    return Optional.ofNullable(blockHash);
  }

  /** The including block's number; empty while pending. */
  public Optional<Long> blockNumber() {
    return Optional.ofNullable(blockNumber);
  }

  /** The index in the block; empty while pending. */
  public Optional<Integer> transactionIndex() {
    return Optional.ofNullable(transactionIndex);
  }

  /** The sender. */
  public Address from() {
    return from;
  }

  /** The recipient; empty for contract creation. */
  public Optional<Address> to() {
    return Optional.ofNullable(to);
  }

  /** The value in wei. */
  public BigInteger value() {
    return value;
  }

  /** The gas limit. */
  public long gas() {
    return gas;
  }

  /** The gas price (legacy and EIP-2930; nodes also report the effective price for mined EIP-1559 transactions). */
  public Optional<BigInteger> gasPrice() {
    return Optional.ofNullable(gasPrice);
  }

  /** EIP-1559 max fee per gas. */
  public Optional<BigInteger> maxFeePerGas() {
    return Optional.ofNullable(maxFeePerGas);
  }

  /** EIP-1559 max priority fee per gas. */
  public Optional<BigInteger> maxPriorityFeePerGas() {
    return Optional.ofNullable(maxPriorityFeePerGas);
  }

  /** EIP-4844 max fee per blob gas. */
  public Optional<BigInteger> maxFeePerBlobGas() {
    return Optional.ofNullable(maxFeePerBlobGas);
  }

  /** A copy of the call data / init code. */
  public byte[] input() {
    return input.clone();
  }

  /** The transaction type (0 if the node omitted it). */
  public int type() {
    return type;
  }

  /** The chain id, when the transaction is replay-protected. */
  public Optional<Long> chainId() {
    return Optional.ofNullable(chainId);
  }

  /** Signature {@code v} (legacy: 27/28 or EIP-155 value; typed: the y parity). */
  public Optional<BigInteger> v() {
    return Optional.ofNullable(v);
  }

  /** Signature {@code r}. */
  public Optional<BigInteger> r() {
    return Optional.ofNullable(r);
  }

  /** Signature {@code s}. */
  public Optional<BigInteger> s() {
    return Optional.ofNullable(s);
  }

  /**
   * Signature y parity of typed transactions ({@code yParity}, or {@code v} when a node sends only
   * that); empty for legacy transactions.
   */
  public Optional<Integer> yParity() {
    return Optional.ofNullable(yParity);
  }

  /** The access list (typed transactions); empty list for legacy. */
  public List<AccessListEntry> accessList() {
    return accessList == null ? Collections.emptyList() : accessList;
  }

  /** EIP-4844 blob versioned hashes; empty list otherwise. */
  public List<Hash32> blobVersionedHashes() {
    return blobVersionedHashes == null ? Collections.emptyList() : blobVersionedHashes;
  }

  /**
   * The EIP-7702 authorization list (type 4), in order, with each element's values as reported;
   * empty list for other types. An element whose signature is invalid is kept (the chain skips it);
   * {@link Authorization#authority()} tells who signed a valid one.
   */
  public List<Authorization> authorizationList() {
    return authorizationList == null ? Collections.emptyList() : authorizationList;
  }

  @Override
  public String toString() {
    return "RpcTransaction{" + hash + ", type=" + type + ", from=" + from + ", nonce=" + nonce
        + ", block=" + blockNumber + "}";
  }
}

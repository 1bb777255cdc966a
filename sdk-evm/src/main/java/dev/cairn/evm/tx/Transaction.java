package dev.cairn.evm.tx;

import dev.cairn.abi.Address;
import dev.cairn.core.chain.AccountId;
import dev.cairn.core.crypto.Secp256k1PrivateKey;
import dev.cairn.core.encoding.Hex;
import dev.cairn.core.hash.Keccak256;
import dev.cairn.core.signer.SignRequest;
import dev.cairn.core.signer.Signer;
import dev.cairn.evm.rpc.internal.Futures;
import dev.cairn.evm.sign.EvmSignature;
import dev.cairn.evm.sign.EvmSigning;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * An unsigned Ethereum transaction of any {@link TxType}: legacy (with or without an EIP-155 chain
 * id), EIP-2930, EIP-1559, EIP-4844 (without the blob sidecar) and EIP-7702. Immutable; built with
 * {@link #builder()}.
 *
 * <p>Signing goes through the {@link Signer} SPI: {@link #toSignRequest(AccountId)} carries the unsigned
 * serialization ({@link #signingPayload()}, what a hardware wallet parses and shows) and its
 * keccak-256 digest ({@link #signingHash()}, what a software key or HSM signs). {@link
 * #sign(Signer, long)} refuses to sign when the node's chain id differs from the transaction's.
 *
 * <p>Integers: nonce and gas limit are unsigned 64-bit values held in a {@code long} (values of
 * 2^63 and more read as negative: use {@link Long#toUnsignedString(long)} and {@link
 * Long#compareUnsigned}); the chain id is a {@code long} in [0, 2^63-1]; fees and value are {@link
 * BigInteger}s in [0, 2^256-1]. Fields that a type does not have are {@code null} ({@link
 * #gasPrice()} for EIP-1559 and later, the fee caps for legacy and EIP-2930, ...).
 */
public final class Transaction {
  static final BigInteger MAX_U256 = BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE);
  private static final byte[][] NO_HASHES = new byte[0][];

  final TxType type;
  final long chainId;
  final long nonce;
  final BigInteger gasPrice;
  final BigInteger maxPriorityFeePerGas;
  final BigInteger maxFeePerGas;
  final long gasLimit;
  final Address to;
  final BigInteger value;
  final byte[] data;
  final AccessList accessList;
  final BigInteger maxFeePerBlobGas;
  final byte[][] blobVersionedHashes;
  final List<Authorization> authorizationList;

  private volatile byte[][] fieldEncodings; // cached, without the signature
  private volatile byte[] signingHash; // cached

  Transaction(
      TxType type,
      long chainId,
      long nonce,
      BigInteger gasPrice,
      BigInteger maxPriorityFeePerGas,
      BigInteger maxFeePerGas,
      long gasLimit,
      Address to,
      BigInteger value,
      byte[] data,
      AccessList accessList,
      BigInteger maxFeePerBlobGas,
      byte[][] blobVersionedHashes,
      List<Authorization> authorizationList) {
    this.type = type;
    this.chainId = chainId;
    this.nonce = nonce;
    this.gasPrice = gasPrice;
    this.maxPriorityFeePerGas = maxPriorityFeePerGas;
    this.maxFeePerGas = maxFeePerGas;
    this.gasLimit = gasLimit;
    this.to = to;
    this.value = value;
    this.data = data;
    this.accessList = accessList;
    this.maxFeePerBlobGas = maxFeePerBlobGas;
    this.blobVersionedHashes = blobVersionedHashes;
    this.authorizationList = authorizationList;
  }

  /** A builder whose type is inferred at {@link Builder#build()}; see {@link Builder#type}. */
  public static Builder builder() {
    return new Builder(null);
  }

  /** A builder for the given type. */
  public static Builder builder(TxType type) {
    if (type == null) {
      throw invalid("type", "is null");
    }
    return new Builder(type);
  }

  /** A builder for a legacy transaction (EIP-155 when a non-zero chain id is set). */
  public static Builder legacy() {
    return builder(TxType.LEGACY);
  }

  /** A builder for an EIP-2930 transaction. */
  public static Builder eip2930() {
    return builder(TxType.ACCESS_LIST);
  }

  /** A builder for an EIP-1559 transaction. */
  public static Builder eip1559() {
    return builder(TxType.DYNAMIC_FEE);
  }

  /** A builder for an EIP-4844 blob transaction (without sidecar). */
  public static Builder eip4844() {
    return builder(TxType.BLOB);
  }

  /** A builder for an EIP-7702 set-code transaction. */
  public static Builder eip7702() {
    return builder(TxType.SET_CODE);
  }

  /** A builder initialised with this transaction's fields. */
  public Builder toBuilder() {
    Builder b = new Builder(type);
    b.chainId = chainId;
    b.nonce = nonce;
    b.gasPrice = gasPrice;
    b.maxPriorityFeePerGas = maxPriorityFeePerGas;
    b.maxFeePerGas = maxFeePerGas;
    b.gasLimit = gasLimit;
    b.to = to;
    b.value = value;
    b.data = data;
    b.accessList = type == TxType.LEGACY ? null : accessList;
    b.maxFeePerBlobGas = maxFeePerBlobGas;
    b.blobVersionedHashes = type == TxType.BLOB ? blobVersionedHashes : null;
    b.authorizationList = type == TxType.SET_CODE ? authorizationList : null;
    b.chainIdSet = true;
    b.nonceSet = true;
    b.gasLimitSet = true;
    return b;
  }

  /**
   * Builds transactions. Unset integers are zero, {@code to} absent means contract creation, data
   * is empty. Setting a field that the (given or inferred) type does not have fails at {@link
   * #build()}.
   */
  public static final class Builder {
    private TxType type;
    private long chainId;
    private long nonce;
    private BigInteger gasPrice;
    private BigInteger maxPriorityFeePerGas;
    private BigInteger maxFeePerGas;
    private long gasLimit;
    private Address to;
    private BigInteger value = BigInteger.ZERO;
    private byte[] data = new byte[0];
    private AccessList accessList;
    private BigInteger maxFeePerBlobGas;
    private byte[][] blobVersionedHashes;
    private List<Authorization> authorizationList;
    private boolean chainIdSet;
    private boolean nonceSet;
    private boolean gasLimitSet;

    private Builder(TxType type) {
      this.type = type;
    }

    // What has been set: for fillers (dev.cairn.evm.fill.TxFiller) that complete what is missing.

    /** The type given to the factory or {@link #type(TxType)}; empty when it is to be inferred. */
    public Optional<TxType> typeIfSet() {
      return Optional.ofNullable(type);
    }

    /** The chain id, if one was set (or copied by {@link Transaction#toBuilder()}). */
    public java.util.OptionalLong chainIdIfSet() {
      return chainIdSet ? java.util.OptionalLong.of(chainId) : java.util.OptionalLong.empty();
    }

    /** The nonce (unsigned 64 bits), if one was set. */
    public java.util.OptionalLong nonceIfSet() {
      return nonceSet ? java.util.OptionalLong.of(nonce) : java.util.OptionalLong.empty();
    }

    /** The gas limit (unsigned 64 bits), if one was set. */
    public java.util.OptionalLong gasLimitIfSet() {
      return gasLimitSet ? java.util.OptionalLong.of(gasLimit) : java.util.OptionalLong.empty();
    }

    /** The gas price, if one was set. */
    public Optional<BigInteger> gasPriceIfSet() {
      return Optional.ofNullable(gasPrice);
    }

    /** The fee cap, if one was set. */
    public Optional<BigInteger> maxFeePerGasIfSet() {
      return Optional.ofNullable(maxFeePerGas);
    }

    /** The priority fee cap, if one was set. */
    public Optional<BigInteger> maxPriorityFeePerGasIfSet() {
      return Optional.ofNullable(maxPriorityFeePerGas);
    }

    /** The blob gas fee cap, if one was set. */
    public Optional<BigInteger> maxFeePerBlobGasIfSet() {
      return Optional.ofNullable(maxFeePerBlobGas);
    }

    /**
     * The type. When not set, it is inferred like JSON-RPC clients do: an authorization list gives
     * {@link TxType#SET_CODE}, blob fields {@link TxType#BLOB}, fee caps {@link
     * TxType#DYNAMIC_FEE}, an access list {@link TxType#ACCESS_LIST}, otherwise {@link
     * TxType#LEGACY}.
     */
    public Builder type(TxType type) {
      this.type = Objects.requireNonNull(type, "type");
      return this;
    }

    /**
     * The chain id. For legacy transactions 0 means "no chain id" (pre-EIP-155, replayable on every
     * chain); typed transactions carry it as it is.
     */
    public Builder chainId(long chainId) {
      this.chainId = nonNegative("chainId", chainId);
      this.chainIdSet = true;
      return this;
    }

    /** The sender's nonce, in [0, 2^63-1] (see {@link #nonce(BigInteger)} for larger values). */
    public Builder nonce(long nonce) {
      this.nonce = nonNegative("nonce", nonce);
      this.nonceSet = true;
      return this;
    }

    /** The sender's nonce, in [0, 2^64-1]. */
    public Builder nonce(BigInteger nonce) {
      this.nonce = u64("nonce", nonce);
      this.nonceSet = true;
      return this;
    }

    /** The gas limit, in [0, 2^63-1] (see {@link #gasLimit(BigInteger)} for larger values). */
    public Builder gasLimit(long gasLimit) {
      this.gasLimit = nonNegative("gasLimit", gasLimit);
      this.gasLimitSet = true;
      return this;
    }

    /** The gas limit, in [0, 2^64-1]. */
    public Builder gasLimit(BigInteger gasLimit) {
      this.gasLimit = u64("gasLimit", gasLimit);
      this.gasLimitSet = true;
      return this;
    }

    /** The gas price in wei (legacy and EIP-2930). */
    public Builder gasPrice(BigInteger wei) {
      this.gasPrice = u256("gasPrice", wei);
      return this;
    }

    /** The gas price in wei (legacy and EIP-2930). */
    public Builder gasPrice(long wei) {
      return gasPrice(BigInteger.valueOf(wei));
    }

    /** The priority fee cap in wei per gas (EIP-1559 and later). */
    public Builder maxPriorityFeePerGas(BigInteger wei) {
      this.maxPriorityFeePerGas = u256("maxPriorityFeePerGas", wei);
      return this;
    }

    /** The priority fee cap in wei per gas (EIP-1559 and later). */
    public Builder maxPriorityFeePerGas(long wei) {
      return maxPriorityFeePerGas(BigInteger.valueOf(wei));
    }

    /** The total fee cap in wei per gas (EIP-1559 and later). */
    public Builder maxFeePerGas(BigInteger wei) {
      this.maxFeePerGas = u256("maxFeePerGas", wei);
      return this;
    }

    /** The total fee cap in wei per gas (EIP-1559 and later). */
    public Builder maxFeePerGas(long wei) {
      return maxFeePerGas(BigInteger.valueOf(wei));
    }

    /** The recipient; {@code null} (the default) creates a contract. */
    public Builder to(Address to) {
      this.to = to;
      return this;
    }

    /** The recipient as a hex address (EIP-55 checked when mixed case). */
    public Builder to(String to) {
      this.to = to == null ? null : Address.parse(to);
      return this;
    }

    /** The value in wei. */
    public Builder value(BigInteger wei) {
      this.value = u256("value", wei);
      return this;
    }

    /** The value in wei. */
    public Builder value(long wei) {
      return value(BigInteger.valueOf(wei));
    }

    /** The call data or, for a contract creation, the init code (copied). */
    public Builder data(byte[] data) {
      if (data == null) {
        throw invalid("data", "is null");
      }
      this.data = data.clone();
      return this;
    }

    /** The access list (EIP-2930 and later). */
    public Builder accessList(AccessList accessList) {
      if (accessList == null) {
        throw invalid("accessList", "is null");
      }
      this.accessList = accessList;
      return this;
    }

    /** The blob gas fee cap in wei (EIP-4844). */
    public Builder maxFeePerBlobGas(BigInteger wei) {
      this.maxFeePerBlobGas = u256("maxFeePerBlobGas", wei);
      return this;
    }

    /** The versioned hashes of the blobs (EIP-4844), 32 bytes each (copied). */
    public Builder blobVersionedHashes(List<byte[]> hashes) {
      if (hashes == null) {
        throw invalid("blobVersionedHashes", "is null");
      }
      byte[][] h = new byte[hashes.size()][];
      for (int i = 0; i < h.length; i++) {
        byte[] x = hashes.get(i);
        if (x == null || x.length != 32) {
          throw invalid("blobVersionedHashes[" + i + "]", "must be 32 bytes");
        }
        h[i] = x.clone();
      }
      this.blobVersionedHashes = h;
      return this;
    }

    /** The signed authorizations (EIP-7702). */
    public Builder authorizationList(List<Authorization> authorizations) {
      if (authorizations == null) {
        throw invalid("authorizationList", "is null");
      }
      for (int i = 0; i < authorizations.size(); i++) {
        if (authorizations.get(i) == null) {
          throw invalid("authorizationList[" + i + "]", "is null");
        }
      }
      this.authorizationList = List.copyOf(authorizations);
      return this;
    }

    /**
     * The transaction.
     *
     * <p>Empty blob-hash and authorization lists are encodable and therefore accepted here; {@link
     * Transaction#validate(Fork)} rejects them.
     *
     * @throws EvmTxException (INVALID_FIELD) if a field does not belong to the type, or a type 3 or
     *     4 transaction has no recipient
     */
    public Transaction build() {
      TxType t = type != null ? type : infer();
      boolean legacyFees = t == TxType.LEGACY || t == TxType.ACCESS_LIST;
      if (legacyFees) {
        reject(maxFeePerGas, "maxFeePerGas", t);
        reject(maxPriorityFeePerGas, "maxPriorityFeePerGas", t);
      } else {
        reject(gasPrice, "gasPrice", t);
      }
      if (t == TxType.LEGACY) {
        reject(accessList, "accessList", t);
      }
      if (t != TxType.BLOB) {
        reject(maxFeePerBlobGas, "maxFeePerBlobGas", t);
        reject(blobVersionedHashes, "blobVersionedHashes", t);
      }
      if (t != TxType.SET_CODE) {
        reject(authorizationList, "authorizationList", t);
      }
      if ((t == TxType.BLOB || t == TxType.SET_CODE) && to == null) {
        throw invalid("to", t + " transactions cannot create contracts: a recipient is required");
      }
      return new Transaction(
          t,
          chainId,
          nonce,
          legacyFees ? orZero(gasPrice) : null,
          legacyFees ? null : orZero(maxPriorityFeePerGas),
          legacyFees ? null : orZero(maxFeePerGas),
          gasLimit,
          to,
          value,
          data,
          t == TxType.LEGACY ? AccessList.EMPTY : (accessList == null ? AccessList.EMPTY : accessList),
          t == TxType.BLOB ? orZero(maxFeePerBlobGas) : null,
          t == TxType.BLOB && blobVersionedHashes != null ? blobVersionedHashes : NO_HASHES,
          t == TxType.SET_CODE && authorizationList != null ? authorizationList : List.of());
    }

    private TxType infer() {
      if (authorizationList != null) {
        return TxType.SET_CODE;
      }
      if (blobVersionedHashes != null || maxFeePerBlobGas != null) {
        return TxType.BLOB;
      }
      if (maxFeePerGas != null || maxPriorityFeePerGas != null) {
        return TxType.DYNAMIC_FEE;
      }
      if (accessList != null) {
        return TxType.ACCESS_LIST;
      }
      return TxType.LEGACY;
    }

    private static void reject(Object value, String field, TxType t) {
      if (value != null) {
        throw invalid(field, "does not apply to " + t + " transactions");
      }
    }

    private static BigInteger orZero(BigInteger v) {
      return v == null ? BigInteger.ZERO : v;
    }

    private static long nonNegative(String field, long v) {
      if (v < 0) {
        throw invalid(field, "must be in [0, 2^63-1], got " + v);
      }
      return v;
    }

    private static long u64(String field, BigInteger v) {
      if (v == null) {
        throw invalid(field, "is null");
      }
      if (v.signum() < 0 || v.bitLength() > 64) {
        throw invalid(field, "must be in [0, 2^64-1]");
      }
      return v.longValue();
    }

    private static BigInteger u256(String field, BigInteger v) {
      if (v == null) {
        throw invalid(field, "is null");
      }
      if (v.signum() < 0 || v.compareTo(MAX_U256) > 0) {
        throw invalid(field, "must be in [0, 2^256-1]");
      }
      return v;
    }
  }

  static EvmTxException invalid(String field, String problem) {
    return new EvmTxException(EvmTxException.Reason.INVALID_FIELD, field, problem);
  }

  // ---------------------------------------------------------------- accessors

  /** The type. */
  public TxType type() {
    return type;
  }

  /** The chain id; 0 for a legacy transaction without EIP-155 replay protection. */
  public long chainId() {
    return chainId;
  }

  /** Whether this is a legacy transaction signed with an EIP-155 chain id. */
  public boolean isEip155() {
    return type == TxType.LEGACY && chainId != 0;
  }

  /** The nonce: unsigned 64 bits (see the class description). */
  public long nonce() {
    return nonce;
  }

  /** The gas limit: unsigned 64 bits (see the class description). */
  public long gasLimit() {
    return gasLimit;
  }

  static BigInteger unsigned(long v) {
    return v >= 0 ? BigInteger.valueOf(v) : BigInteger.valueOf(v).add(BigInteger.ONE.shiftLeft(64));
  }

  /** The gas price (legacy, EIP-2930), else {@code null}. */
  public BigInteger gasPrice() {
    return gasPrice;
  }

  /** The priority fee cap (EIP-1559 and later), else {@code null}. */
  public BigInteger maxPriorityFeePerGas() {
    return maxPriorityFeePerGas;
  }

  /** The fee cap (EIP-1559 and later), else {@code null}. */
  public BigInteger maxFeePerGas() {
    return maxFeePerGas;
  }

  /** The blob fee cap (EIP-4844), else {@code null}. */
  public BigInteger maxFeePerBlobGas() {
    return maxFeePerBlobGas;
  }

  /** The recipient; empty for a contract creation. */
  public Optional<Address> to() {
    return Optional.ofNullable(to);
  }

  /** Whether this transaction creates a contract (no recipient). */
  public boolean isContractCreation() {
    return to == null;
  }

  /** The value in wei. */
  public BigInteger value() {
    return value;
  }

  /** A copy of the call data / init code. */
  public byte[] data() {
    return data.clone();
  }

  /** Length of the data without copying it. */
  public int dataLength() {
    return data.length;
  }

  /** The access list (empty for legacy transactions). */
  public AccessList accessList() {
    return accessList;
  }

  /** Copies of the blob versioned hashes (empty unless EIP-4844). */
  public List<byte[]> blobVersionedHashes() {
    List<byte[]> l = new ArrayList<>(blobVersionedHashes.length);
    for (byte[] h : blobVersionedHashes) {
      l.add(h.clone());
    }
    return l;
  }

  /** The authorizations (empty unless EIP-7702). */
  public List<Authorization> authorizationList() {
    return authorizationList;
  }

  // ---------------------------------------------------------------- encoding

  /** The RLP encodings of the fields in wire order, without signature (cached). */
  byte[][] fields() {
    byte[][] f = fieldEncodings;
    if (f == null) {
      f = encodeFields();
      fieldEncodings = f;
    }
    return f;
  }

  private byte[][] encodeFields() {
    byte[] toEnc = to == null ? RlpOut.EMPTY_STRING : RlpOut.string(to.bytes());
    byte[] dataEnc = RlpOut.string(data);
    switch (type) {
      case LEGACY:
        return new byte[][] {
          RlpOut.integer(nonce), RlpOut.integer(gasPrice), RlpOut.integer(gasLimit), toEnc,
          RlpOut.integer(value), dataEnc
        };
      case ACCESS_LIST:
        return new byte[][] {
          RlpOut.integer(chainId), RlpOut.integer(nonce), RlpOut.integer(gasPrice),
          RlpOut.integer(gasLimit), toEnc, RlpOut.integer(value), dataEnc, accessList.encode()
        };
      case DYNAMIC_FEE:
        return new byte[][] {
          RlpOut.integer(chainId), RlpOut.integer(nonce), RlpOut.integer(maxPriorityFeePerGas),
          RlpOut.integer(maxFeePerGas), RlpOut.integer(gasLimit), toEnc, RlpOut.integer(value),
          dataEnc, accessList.encode()
        };
      case BLOB: {
        byte[][] hs = new byte[blobVersionedHashes.length][];
        for (int i = 0; i < hs.length; i++) {
          hs[i] = RlpOut.string(blobVersionedHashes[i]);
        }
        return new byte[][] {
          RlpOut.integer(chainId), RlpOut.integer(nonce), RlpOut.integer(maxPriorityFeePerGas),
          RlpOut.integer(maxFeePerGas), RlpOut.integer(gasLimit), toEnc, RlpOut.integer(value),
          dataEnc, accessList.encode(), RlpOut.integer(maxFeePerBlobGas), RlpOut.list(-1, hs, null)
        };
      }
      case SET_CODE: {
        byte[][] as = new byte[authorizationList.size()][];
        for (int i = 0; i < as.length; i++) {
          as[i] = authorizationList.get(i).encode();
        }
        return new byte[][] {
          RlpOut.integer(chainId), RlpOut.integer(nonce), RlpOut.integer(maxPriorityFeePerGas),
          RlpOut.integer(maxFeePerGas), RlpOut.integer(gasLimit), toEnc, RlpOut.integer(value),
          dataEnc, accessList.encode(), RlpOut.list(-1, as, null)
        };
      }
      default:
        throw new IllegalStateException(type.name());
    }
  }

  private static final byte[][] EIP155_TAIL_ZEROS = {RlpOut.EMPTY_STRING, RlpOut.EMPTY_STRING};

  /**
   * The unsigned serialization that is hashed for signing: {@code rlp([nonce, gasPrice, gas, to,
   * value, data])} for pre-EIP-155 legacy, {@code rlp([..., chainId, 0, 0])} with EIP-155, {@code
   * type || rlp([...fields])} for typed transactions. This is the payload hardware wallets take.
   */
  public byte[] signingPayload() {
    if (type == TxType.LEGACY) {
      if (chainId == 0) {
        return RlpOut.list(-1, fields(), null);
      }
      return RlpOut.list(
          -1, fields(), new byte[][] {RlpOut.integer(chainId), EIP155_TAIL_ZEROS[0], EIP155_TAIL_ZEROS[1]});
    }
    return RlpOut.list(type.id(), fields(), null);
  }

  /** keccak256 of {@link #signingPayload()}: the digest the sender signs (a copy). */
  public byte[] signingHash() {
    return signingHashUnsafe().clone();
  }

  byte[] signingHashUnsafe() {
    byte[] h = signingHash;
    if (h == null) {
      h = Keccak256.hash(signingPayload());
      signingHash = h;
    }
    return h;
  }

  /**
   * The request a {@link Signer} gets: kind EVM_TRANSACTION, the signing account, the payload; the
   * digest is computed once, by the request, and kept as this transaction's {@link #signingHash()}.
   *
   * @param account the sender (its chain should be this transaction's)
   */
  public SignRequest toSignRequest(AccountId account) {
    SignRequest request = SignRequest.of(SignRequest.Kind.EVM_TRANSACTION, account, signingPayload());
    if (signingHash == null) {
      signingHash = request.digest().get();
    }
    return request;
  }

  /**
   * Reads an unsigned signing payload ({@link #signingPayload()}) back: legacy (with or without
   * EIP-155) or typed.
   *
   * @throws dev.cairn.core.encoding.DecodingException naming the field and offset of malformed input
   */
  public static Transaction decodeSigningPayload(byte[] payload) {
    if (payload == null) {
      throw new dev.cairn.core.encoding.DecodingException("transaction", -1, "is null");
    }
    return TxDecoder.decodeUnsigned(payload.clone());
  }

  // ---------------------------------------------------------------- signing

  /**
   * Checks that this transaction is for the chain a node reports, before signing or sending.
   *
   * @param nodeChainId the chain id the node reports ({@code eth_chainId})
   * @throws EvmTxException (CHAIN_ID_MISMATCH) if the chain ids differ, or if this is a legacy
   *     transaction without a chain id (it could be replayed on every chain)
   */
  public void requireChainId(long nodeChainId) {
    if (type == TxType.LEGACY && chainId == 0) {
      throw new EvmTxException(
          EvmTxException.Reason.CHAIN_ID_MISMATCH, "chainId",
          "legacy transaction without EIP-155 chain id (replayable on any chain); node chain id is "
              + nodeChainId);
    }
    if (chainId != nodeChainId) {
      throw new EvmTxException(
          EvmTxException.Reason.CHAIN_ID_MISMATCH, "chainId",
          "transaction is for chain " + chainId + " but the node is on chain " + nodeChainId);
    }
  }

  /**
   * Signs through a signer (blocking; see {@link #signAsync}). The request's account is the
   * signer's address on this transaction's chain (eip155:1 for a legacy transaction without chain
   * id, which is valid on every chain).
   */
  public SignedTransaction sign(Signer signer) {
    return sign(signer, EvmSigning.accountOf(signer, chainId));
  }

  /** Signs through a signer for {@code account}, the sender the caller already knows (no address derivation). */
  public SignedTransaction sign(Signer signer, AccountId account) {
    EvmSignature sig = EvmSigning.sign(toSignRequest(account), signer);
    return new SignedTransaction(this, sig.yParity(), sig.r(), sig.s(), null);
  }

  /**
   * Checks {@link #requireChainId(long) the chain id against the node's}, then signs.
   *
   * @throws EvmTxException (CHAIN_ID_MISMATCH) before anything is sent to the signer
   */
  public SignedTransaction sign(Signer signer, long nodeChainId) {
    requireChainId(nodeChainId);
    return sign(signer);
  }

  /** Signs asynchronously through a signer (for devices that wait for the user). */
  public CompletableFuture<SignedTransaction> signAsync(Signer signer) {
    SignRequest request;
    try {
      request = toSignRequest(EvmSigning.accountOf(signer, chainId));
    } catch (RuntimeException e) {
      return Futures.failed(e);
    }
    return EvmSigning.signAsync(request, signer)
        .thenApply(sig -> new SignedTransaction(this, sig.yParity(), sig.r(), sig.s(), null));
  }

  /** Signs with an in-memory key (RFC 6979, low s); the sender address is known without recovery. */
  public SignedTransaction sign(Secp256k1PrivateKey key) {
    EvmSignature sig = EvmSigning.signDigest(signingHashUnsafe(), key);
    return new SignedTransaction(
        this, sig.yParity(), sig.r(), sig.s(), Address.fromPublicKey(key.publicKey()));
  }

  /** This transaction with a signature made elsewhere. */
  public SignedTransaction withSignature(EvmSignature signature) {
    if (signature == null) {
      throw invalid("signature", "is null");
    }
    return new SignedTransaction(this, signature.yParity(), signature.r(), signature.s(), null);
  }

  // ---------------------------------------------------------------- validation

  /** Gas charged before execution in the given fork; see {@link #validate(Fork)}. */
  public long intrinsicGas(Fork fork) {
    long gas = 21_000;
    if (to == null && fork.isAtLeast(Fork.HOMESTEAD)) {
      gas += 32_000;
    }
    long zeros = 0;
    for (byte b : data) {
      if (b == 0) {
        zeros++;
      }
    }
    long nonZeros = data.length - zeros;
    gas += zeros * 4 + nonZeros * (fork.isAtLeast(Fork.ISTANBUL) ? 16 : 68);
    if (fork.isAtLeast(Fork.BERLIN)) {
      gas += 2400L * accessList.size() + 1900L * accessList.storageKeyCount();
    }
    if (to == null && fork.isAtLeast(Fork.SHANGHAI)) {
      gas += 2L * ((data.length + 31L) / 32);
    }
    if (fork.isAtLeast(Fork.PRAGUE)) {
      gas += 25_000L * authorizationList.size();
    }
    return gas;
  }

  /**
   * The EIP-7623 floor (Prague): {@code 21000 + 10 * tokens} with tokens = zero bytes + 4 *
   * non-zero bytes of the data; 0 before Prague.
   */
  public long calldataFloorGas(Fork fork) {
    if (!fork.isAtLeast(Fork.PRAGUE)) {
      return 0;
    }
    long tokens = 0;
    for (byte b : data) {
      tokens += b == 0 ? 1 : 4;
    }
    return 21_000 + 10 * tokens;
  }

  /** The largest init code EIP-3860 allows (Shanghai and later). */
  public static final int MAX_INITCODE_SIZE = 49_152;

  /**
   * Checks the state-free validity rules of the given fork (what a node checks before looking at
   * the sender's account): the type is active; {@code maxPriorityFeePerGas <= maxFeePerGas};
   * {@code gasLimit * (gasPrice or maxFeePerGas)} fits 256 bits; init code at most {@value
   * #MAX_INITCODE_SIZE} bytes (Shanghai+); the gas limit covers the intrinsic gas (base 21000,
   * 32000 more for creation from Homestead, calldata 4/68 or 4/16 (EIP-2028) per zero/non-zero
   * byte, access list 2400 per address and 1900 per key, EIP-3860 init-code words, 25000 per
   * EIP-7702 authorization) and the EIP-7623 floor; blob and set-code transactions have a
   * recipient and a non-empty list, blob hashes have version 0x01.
   *
   * @throws EvmTxException with the failing rule as its reason
   */
  public void validate(Fork fork) {
    if (!fork.supports(type)) {
      throw new EvmTxException(
          EvmTxException.Reason.TYPE_NOT_SUPPORTED, "type", type + " is not active in " + fork);
    }
    BigInteger price = gasPrice != null ? gasPrice : maxFeePerGas;
    if (maxFeePerGas != null && maxPriorityFeePerGas.compareTo(maxFeePerGas) > 0) {
      throw new EvmTxException(
          EvmTxException.Reason.PRIORITY_FEE_ABOVE_MAX_FEE, "maxPriorityFeePerGas",
          "is greater than maxFeePerGas");
    }
    if (nonce == -1L) {
      throw new EvmTxException(
          EvmTxException.Reason.NONCE_TOO_BIG, "nonce", "2^64-1 is not a valid nonce (EIP-2681)");
    }
    if (price.multiply(unsigned(gasLimit)).bitLength() > 256) {
      throw new EvmTxException(
          EvmTxException.Reason.GAS_PRICE_PRODUCT_OVERFLOW, "gasLimit",
          "gasLimit * " + (gasPrice != null ? "gasPrice" : "maxFeePerGas") + " exceeds 2^256-1");
    }
    if (to == null && fork.isAtLeast(Fork.SHANGHAI) && data.length > MAX_INITCODE_SIZE) {
      throw new EvmTxException(
          EvmTxException.Reason.INITCODE_TOO_LARGE, "data",
          "init code of " + data.length + " bytes exceeds " + MAX_INITCODE_SIZE + " (EIP-3860)");
    }
    if ((type == TxType.BLOB || type == TxType.SET_CODE) && to == null) {
      throw invalid("to", type + " transactions need a recipient");
    }
    if (type == TxType.BLOB) {
      if (blobVersionedHashes.length == 0) {
        throw invalid("blobVersionedHashes", "is empty");
      }
      for (int i = 0; i < blobVersionedHashes.length; i++) {
        if (blobVersionedHashes[i][0] != 0x01) {
          throw invalid("blobVersionedHashes[" + i + "]", "version byte is not 0x01");
        }
      }
    }
    if (type == TxType.SET_CODE && authorizationList.isEmpty()) {
      throw invalid("authorizationList", "is empty");
    }
    long intrinsic = intrinsicGas(fork);
    if (Long.compareUnsigned(gasLimit, intrinsic) < 0) {
      throw new EvmTxException(
          EvmTxException.Reason.INTRINSIC_GAS_TOO_LOW, "gasLimit",
          gasLimit + " is below the intrinsic gas " + intrinsic + " (" + fork + ")");
    }
    long floor = calldataFloorGas(fork);
    if (Long.compareUnsigned(gasLimit, floor) < 0) {
      throw new EvmTxException(
          EvmTxException.Reason.INTRINSIC_GAS_TOO_LOW, "gasLimit",
          gasLimit + " is below the EIP-7623 calldata floor " + floor);
    }
  }

  // ---------------------------------------------------------------- object

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof Transaction)) {
      return false;
    }
    Transaction t = (Transaction) o;
    return type == t.type
        && chainId == t.chainId
        && nonce == t.nonce
        && gasLimit == t.gasLimit
        && Objects.equals(gasPrice, t.gasPrice)
        && Objects.equals(maxPriorityFeePerGas, t.maxPriorityFeePerGas)
        && Objects.equals(maxFeePerGas, t.maxFeePerGas)
        && Objects.equals(to, t.to)
        && value.equals(t.value)
        && Arrays.equals(data, t.data)
        && accessList.equals(t.accessList)
        && Objects.equals(maxFeePerBlobGas, t.maxFeePerBlobGas)
        && Arrays.deepEquals(blobVersionedHashes, t.blobVersionedHashes)
        && authorizationList.equals(t.authorizationList);
  }

  @Override
  public int hashCode() {
    return Objects.hash(type, chainId, nonce, gasLimit, to, value, Arrays.hashCode(data));
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("Transaction{").append(type);
    sb.append(", chainId=").append(chainId).append(", nonce=").append(Long.toUnsignedString(nonce));
    if (gasPrice != null) {
      sb.append(", gasPrice=").append(gasPrice);
    }
    if (maxFeePerGas != null) {
      sb.append(", maxPriorityFeePerGas=").append(maxPriorityFeePerGas)
          .append(", maxFeePerGas=").append(maxFeePerGas);
    }
    sb.append(", gasLimit=").append(Long.toUnsignedString(gasLimit))
        .append(", to=").append(to == null ? "(create)" : to.toString())
        .append(", value=").append(value)
        .append(", data=").append(data.length <= 64 ? Hex.encodePrefixed(data) : data.length + " bytes");
    if (!accessList.isEmpty()) {
      sb.append(", accessList=").append(accessList);
    }
    if (maxFeePerBlobGas != null) {
      sb.append(", maxFeePerBlobGas=").append(maxFeePerBlobGas)
          .append(", blobs=").append(blobVersionedHashes.length);
    }
    if (!authorizationList.isEmpty()) {
      sb.append(", authorizationList=").append(authorizationList);
    }
    return sb.append('}').toString();
  }
}

package dev.cairn.evm.tx;

import dev.cairn.abi.Address;
import dev.cairn.core.crypto.CryptoException;
import dev.cairn.core.crypto.Secp256k1;
import dev.cairn.core.crypto.Secp256k1PrivateKey;
import dev.cairn.core.hash.Keccak256;
import dev.cairn.core.signer.SignRequest;
import dev.cairn.core.signer.Signer;
import dev.cairn.evm.sign.EvmSignature;
import dev.cairn.evm.sign.EvmSigning;
import java.math.BigInteger;
import java.util.Objects;

/**
 * A signed EIP-7702 authorization tuple {@code [chain_id, address, nonce, y_parity, r, s]}: the
 * authority (the signer) delegates its code to {@code address}.
 *
 * <p>The signed digest is {@code keccak256(0x05 || rlp([chain_id, address, nonce]))}. A chain id
 * of 0 makes the authorization valid on every chain.
 *
 * <p>Values are kept as given within the bounds EIP-7702 sets for decoding (chain id and r, s
 * below 2^256, y parity below 2^8, nonce below 2^64: an unsigned 64-bit value in a {@code long});
 * an authorization whose signature is invalid is still a valid list element (the chain skips it),
 * so such values only fail in {@link #authority()}.
 */
public final class Authorization {
  private static final BigInteger TWO_256 = BigInteger.ONE.shiftLeft(256);
  /** The EIP-7702 signing magic byte. */
  public static final int MAGIC = 0x05;

  private final BigInteger chainId;
  private final Address address;
  private final long nonce;
  private final int yParity;
  private final BigInteger r;
  private final BigInteger s;
  private volatile Address authority;

  private Authorization(
      BigInteger chainId, Address address, long nonce, int yParity, BigInteger r, BigInteger s) {
    this.chainId = chainId;
    this.address = address;
    this.nonce = nonce;
    this.yParity = yParity;
    this.r = r;
    this.s = s;
  }

  /**
   * A signed authorization from its fields.
   *
   * @throws EvmTxException (INVALID_FIELD) if a value is null or out of the bounds above
   */
  public static Authorization of(
      BigInteger chainId, Address address, long nonce, int yParity, BigInteger r, BigInteger s) {
    checkU256("authorization.chainId", chainId);
    checkAddress(address);
    if (yParity < 0 || yParity > 255) {
      throw invalid("authorization.yParity", "must be in [0, 255], got " + yParity);
    }
    checkU256("authorization.r", r);
    checkU256("authorization.s", s);
    return new Authorization(chainId, address, nonce, yParity, r, s);
  }

  /** A signed authorization from its fields and an {@link EvmSignature}. */
  public static Authorization of(
      BigInteger chainId, Address address, long nonce, EvmSignature signature) {
    if (signature == null) {
      throw invalid("authorization.signature", "is null");
    }
    return of(chainId, address, nonce, signature.yParity(), signature.r(), signature.s());
  }

  /**
   * What an authority signs before hashing: {@code 0x05 || rlp([chainId, address, nonce])} (the
   * payload of an {@link SignRequest.Kind#EVM_AUTHORIZATION} request).
   *
   * @throws EvmTxException (INVALID_FIELD) if a value is out of range
   */
  public static byte[] signingPayload(BigInteger chainId, Address address, long nonce) {
    checkU256("authorization.chainId", chainId);
    checkAddress(address);
    return RlpOut.list(
        0x05,
        new byte[][] {
          RlpOut.integer(chainId), RlpOut.string(address.bytes()), RlpOut.integer(nonce)
        },
        null);
  }

  /**
   * The digest an authority signs: {@code keccak256(0x05 || rlp([chainId, address, nonce]))}.
   *
   * @throws EvmTxException (INVALID_FIELD) if a value is out of range
   */
  public static byte[] signingHash(BigInteger chainId, Address address, long nonce) {
    return Keccak256.hash(signingPayload(chainId, address, nonce));
  }

  /**
   * Signs an authorization through a signer: request kind {@link SignRequest.Kind#EVM_AUTHORIZATION}
   * with the preimage as payload (a device can show it) and its keccak256 as digest (a software
   * signer signs that).
   */
  public static Authorization sign(BigInteger chainId, Address address, long nonce, Signer signer) {
    byte[] payload = signingPayload(chainId, address, nonce);
    long chain = chainId.bitLength() < 63 ? chainId.longValue() : 0;
    EvmSignature sig = EvmSigning.sign(
        SignRequest.of(SignRequest.Kind.EVM_AUTHORIZATION, EvmSigning.accountOf(signer, chain), payload), signer);
    return new Authorization(chainId, address, nonce, sig.yParity(), sig.r(), sig.s());
  }

  /** Signs an authorization with an in-memory key (RFC 6979, low s). */
  public static Authorization sign(
      BigInteger chainId, Address address, long nonce, Secp256k1PrivateKey key) {
    byte[] digest = signingHash(chainId, address, nonce);
    EvmSignature sig = EvmSigning.signDigest(digest, key);
    Authorization a = new Authorization(chainId, address, nonce, sig.yParity(), sig.r(), sig.s());
    a.authority = Address.fromPublicKey(key.publicKey());
    return a;
  }

  static Authorization trusted(
      BigInteger chainId, Address address, long nonce, int yParity, BigInteger r, BigInteger s) {
    return new Authorization(chainId, address, nonce, yParity, r, s);
  }

  private static void checkU256(String field, BigInteger v) {
    if (v == null) {
      throw invalid(field, "is null");
    }
    if (v.signum() < 0 || v.compareTo(TWO_256) >= 0) {
      throw invalid(field, "must be in [0, 2^256-1]");
    }
  }

  private static void checkAddress(Address a) {
    if (a == null) {
      throw invalid("authorization.address", "is null");
    }
  }

  private static EvmTxException invalid(String field, String problem) {
    return new EvmTxException(EvmTxException.Reason.INVALID_FIELD, field, problem);
  }

  /** The chain id (0: any chain). */
  public BigInteger chainId() {
    return chainId;
  }

  /** The contract whose code the authority delegates to. */
  public Address address() {
    return address;
  }

  /** The authority's account nonce this authorization is valid for (unsigned 64 bits). */
  public long nonce() {
    return nonce;
  }

  /** The y parity as given (valid signatures have 0 or 1). */
  public int yParity() {
    return yParity;
  }

  /** r as given. */
  public BigInteger r() {
    return r;
  }

  /** s as given. */
  public BigInteger s() {
    return s;
  }

  /** The digest the authority signed; see {@link #signingHash(BigInteger, Address, long)}. */
  public byte[] signingHash() {
    return signingHash(chainId, address, nonce);
  }

  /**
   * The signature as an {@link EvmSignature}.
   *
   * @throws CryptoException if y parity is not 0/1 or r, s are not in [1, n-1]
   */
  public EvmSignature signature() {
    if (yParity > 1) {
      throw new CryptoException("authorization.yParity: must be 0 or 1, got " + yParity);
    }
    return EvmSignature.of(yParity, r, s);
  }

  /**
   * The account that signed this authorization, recovered from the signature (cached). EIP-7702
   * requires low s; a high s is refused.
   *
   * @throws CryptoException if the signature is invalid or high-s, or no key can be recovered
   */
  public Address authority() {
    Address a = authority;
    if (a == null) {
      EvmSignature sig = signature();
      if (s.compareTo(Secp256k1.HALF_ORDER) > 0) {
        throw new CryptoException("authorization.s: greater than n/2 (EIP-7702 requires low s)");
      }
      a = EvmSigning.recoverAddress(signingHash(), sig);
      authority = a;
    }
    return a;
  }

  /** The RLP encoding {@code [chain_id, address, nonce, y_parity, r, s]}. */
  byte[] encode() {
    return RlpOut.list(
        RlpOut.integer(chainId),
        RlpOut.string(address.bytes()),
        RlpOut.integer(nonce),
        RlpOut.integer(yParity),
        RlpOut.integer(r),
        RlpOut.integer(s));
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof Authorization)) {
      return false;
    }
    Authorization a = (Authorization) o;
    return nonce == a.nonce
        && yParity == a.yParity
        && chainId.equals(a.chainId)
        && address.equals(a.address)
        && r.equals(a.r)
        && s.equals(a.s);
  }

  @Override
  public int hashCode() {
    return Objects.hash(chainId, address, nonce, yParity, r, s);
  }

  @Override
  public String toString() {
    return "Authorization{chainId=" + chainId + ", address=" + address
        + ", nonce=" + Long.toUnsignedString(nonce)
        + ", yParity=" + yParity + ", r=0x" + r.toString(16) + ", s=0x" + s.toString(16) + "}";
  }
}

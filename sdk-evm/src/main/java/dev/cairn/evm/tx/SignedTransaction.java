package dev.cairn.evm.tx;

import dev.cairn.abi.Address;
import dev.cairn.core.crypto.CryptoException;
import dev.cairn.core.crypto.Secp256k1;
import dev.cairn.core.encoding.DecodingException;
import dev.cairn.core.encoding.Hex;
import dev.cairn.core.hash.Keccak256;
import dev.cairn.evm.sign.EvmSignature;
import dev.cairn.evm.sign.EvmSigning;
import java.math.BigInteger;

/**
 * A signed transaction: a {@link Transaction} with its signature, its wire encoding ({@link
 * #encoded()}: the legacy RLP list or the EIP-2718 envelope {@code type || rlp(...)}), its hash,
 * and its sender. Immutable; obtained from {@link Transaction#sign} or {@link #decode(byte[])}.
 *
 * <p>The signature is kept as it is on the wire. {@link #decode(byte[])} accepts any r and s of at
 * most 32 bytes (history contains pre-Homestead high-s transactions); the signature rules of a
 * fork are checked by {@link #validate(Fork, long)}, and {@link #from()} fails with a {@link
 * CryptoException} when no sender can be recovered.
 */
public final class SignedTransaction {
  private final Transaction tx;
  private final int yParity;
  private final BigInteger r;
  private final BigInteger s;
  private volatile byte[] encoded;
  private volatile byte[] hash;
  private volatile Address from;

  SignedTransaction(Transaction tx, int yParity, BigInteger r, BigInteger s, Address from) {
    this.tx = tx;
    this.yParity = yParity;
    this.r = r;
    this.s = s;
    this.from = from;
  }

  /** Decoder entry: the wire bytes are known (and owned). */
  static SignedTransaction decoded(
      Transaction tx, int yParity, BigInteger r, BigInteger s, byte[] encoded) {
    SignedTransaction st = new SignedTransaction(tx, yParity, r, s, null);
    st.encoded = encoded;
    return st;
  }

  /**
   * Decodes a raw transaction (strict).
   *
   * <p>Rejected with a {@link DecodingException} naming the field: non-canonical RLP, trailing
   * bytes, a wrong number of fields, unknown types, integers with leading zeros or too large for
   * their field (nonce, gas limit, chain id: 2^63-1 in this SDK; fees, value, r, s: 2^256-1), a
   * recipient that is neither empty nor 20 bytes (typed 3 and 4: exactly 20), access-list
   * addresses/keys of the wrong length, a y parity other than 0/1, a legacy v that is neither
   * 27/28 nor {@code 35 + 2 * chainId (+1)} with a chain id of at least 1.
   *
   * @param raw the wire bytes
   * @return the transaction; its hash is keccak256 of {@code raw}
   */
  public static SignedTransaction decode(byte[] raw) {
    if (raw == null) {
      throw new DecodingException("transaction", -1, "null");
    }
    return TxDecoder.decode(raw.clone());
  }

  /** Decodes {@code 0x}-prefixed (or bare) hex; see {@link #decode(byte[])}. */
  public static SignedTransaction decode(String hex) {
    return TxDecoder.decode(Hex.decode("transaction", hex));
  }

  /** The transaction that was signed. */
  public Transaction transaction() {
    return tx;
  }

  /** The type. */
  public TxType type() {
    return tx.type;
  }

  /** The y parity (0 or 1) of the signature. */
  public int yParity() {
    return yParity;
  }

  /**
   * The v value as on the wire: the y parity for typed transactions, {@code 27 + yParity} for
   * pre-EIP-155 legacy, {@code 35 + 2 * chainId + yParity} for EIP-155.
   */
  public BigInteger v() {
    if (tx.type != TxType.LEGACY) {
      return BigInteger.valueOf(yParity);
    }
    if (tx.chainId == 0) {
      return BigInteger.valueOf(27 + yParity);
    }
    return BigInteger.valueOf(tx.chainId).shiftLeft(1).add(BigInteger.valueOf(35 + yParity));
  }

  /** r as on the wire. */
  public BigInteger r() {
    return r;
  }

  /** s as on the wire. */
  public BigInteger s() {
    return s;
  }

  /**
   * The signature.
   *
   * @throws CryptoException if r or s is not in [1, n-1]
   */
  public EvmSignature signature() {
    return EvmSignature.of(yParity, r, s);
  }

  /** The wire encoding (a copy): what {@code eth_sendRawTransaction} takes. */
  public byte[] encoded() {
    return encodedUnsafe().clone();
  }

  /** The wire encoding as lowercase {@code 0x} hex. */
  public String toHex() {
    return Hex.encodePrefixed(encodedUnsafe());
  }

  byte[] encodedUnsafe() {
    byte[] e = encoded;
    if (e == null) {
      byte[][] sig = {
        tx.type == TxType.LEGACY ? RlpOut.integer(v()) : RlpOut.integer(yParity),
        RlpOut.integer(r),
        RlpOut.integer(s)
      };
      e = RlpOut.list(tx.type == TxType.LEGACY ? -1 : tx.type.id(), tx.fields(), sig);
      encoded = e;
    }
    return e;
  }

  /** The transaction hash: keccak256 of {@link #encoded()} (a copy). */
  public byte[] hash() {
    byte[] h = hash;
    if (h == null) {
      h = Keccak256.hash(encodedUnsafe());
      hash = h;
    }
    return h.clone();
  }

  /** The transaction hash as lowercase {@code 0x} hex, as explorers show it. */
  public String hashHex() {
    return Hex.encodePrefixed(hash());
  }

  /**
   * The sender, recovered from the signature (cached; known without recovery after signing with a
   * key).
   *
   * @throws CryptoException if r or s is out of range or no public key can be recovered
   */
  public Address from() {
    Address a = from;
    if (a == null) {
      a = EvmSigning.recoverAddress(tx.signingHashUnsafe(), signature());
      from = a;
    }
    return a;
  }

  /**
   * Checks this transaction against the state-free rules of {@code fork} on chain {@code
   * chainId}: {@link Transaction#validate(Fork)}, the chain id (a pre-EIP-155 legacy transaction
   * is valid on every chain; EIP-155 needs Spurious Dragon), r and s in [1, n-1], s at most n/2
   * from Homestead on, and a recoverable sender.
   *
   * @throws EvmTxException for a rule violation
   * @throws CryptoException if the signature is invalid or no sender can be recovered
   */
  public void validate(Fork fork, long chainId) {
    tx.validate(fork);
    if (tx.type != TxType.LEGACY || tx.chainId != 0) {
      if (tx.type == TxType.LEGACY && !fork.isAtLeast(Fork.SPURIOUS_DRAGON)) {
        throw new EvmTxException(
            EvmTxException.Reason.INVALID_SIGNATURE, "v", "EIP-155 v before Spurious Dragon");
      }
      if (tx.chainId != chainId) {
        throw new EvmTxException(
            EvmTxException.Reason.CHAIN_ID_MISMATCH, "chainId",
            "transaction is for chain " + tx.chainId + ", expected " + chainId);
      }
    }
    EvmSignature sig = signature();
    if (fork.isAtLeast(Fork.HOMESTEAD) && !sig.isLowS()) {
      throw new EvmTxException(
          EvmTxException.Reason.INVALID_SIGNATURE, "s", "greater than n/2 (EIP-2, Homestead)");
    }
    from();
  }

  /** Whether s is at most n/2. */
  public boolean isLowS() {
    return s.compareTo(Secp256k1.HALF_ORDER) <= 0;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SignedTransaction
        && java.util.Arrays.equals(encodedUnsafe(), ((SignedTransaction) o).encodedUnsafe());
  }

  @Override
  public int hashCode() {
    return java.util.Arrays.hashCode(encodedUnsafe());
  }

  @Override
  public String toString() {
    return "SignedTransaction{hash=" + hashHex() + ", " + tx + ", yParity=" + yParity + "}";
  }
}

package dev.cairn.evm.trie;

import dev.cairn.core.CairnException;
import dev.cairn.core.encoding.Hex;
import dev.cairn.core.encoding.Rlp;
import dev.cairn.core.encoding.RlpItem;
import dev.cairn.evm.trie.TrieProofException.Reason;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * An account as the state trie stores it: {@code rlp([nonce, balance, storageRoot, codeHash])}.
 * Immutable.
 */
public final class AccountState {
  /** keccak256 of empty code, the codeHash of every account without code. */
  public static final byte[] EMPTY_CODE_HASH =
      Hex.decode("c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470");

  private final long nonce;
  private final BigInteger balance;
  private final byte[] storageRoot;
  private final byte[] codeHash;

  private AccountState(long nonce, BigInteger balance, byte[] storageRoot, byte[] codeHash) {
    this.nonce = nonce;
    this.balance = balance;
    this.storageRoot = storageRoot;
    this.codeHash = codeHash;
  }

  /**
   * Creates an account state.
   *
   * @throws TrieProofException (INVALID_INPUT) naming the field when a value is out of range
   */
  public static AccountState of(long nonce, BigInteger balance, byte[] storageRoot, byte[] codeHash) {
    if (nonce < 0) {
      throw new TrieProofException(Reason.INVALID_INPUT, -1, "account.nonce: " + nonce + " is negative");
    }
    if (balance == null || balance.signum() < 0 || balance.bitLength() > 256) {
      throw new TrieProofException(Reason.INVALID_INPUT, -1, "account.balance: null or outside uint256");
    }
    if (storageRoot == null || storageRoot.length != 32) {
      throw new TrieProofException(Reason.INVALID_INPUT, -1, "account.storageRoot: expected 32 bytes");
    }
    if (codeHash == null || codeHash.length != 32) {
      throw new TrieProofException(Reason.INVALID_INPUT, -1, "account.codeHash: expected 32 bytes");
    }
    return new AccountState(nonce, balance, storageRoot.clone(), codeHash.clone());
  }

  /**
   * Decodes the state trie's value for an account.
   *
   * @throws TrieProofException (MALFORMED_NODE) when it is not a 4-item RLP list of the right shapes
   */
  public static AccountState decode(byte[] rlp) {
    try {
      RlpItem item = Rlp.decode(rlp);
      if (!item.isList() || item.items().size() != 4) {
        throw new TrieProofException(Reason.MALFORMED_NODE, -1, "account: expected an RLP list of 4 items");
      }
      List<RlpItem> f = item.items();
      return of(f.get(0).asLong(), f.get(1).asBigInteger(), f.get(2).bytes(), f.get(3).bytes());
    } catch (TrieProofException e) {
      throw e;
    } catch (CairnException e) {
      throw new TrieProofException(Reason.MALFORMED_NODE, -1, "account: " + e.getMessage());
    }
  }

  /** The RLP encoding stored in the state trie. */
  public byte[] encode() {
    return Rlp.encodeList(Rlp.encodeLong(nonce), Rlp.encodeBigInteger(balance), Rlp.encodeBytes(storageRoot),
        Rlp.encodeBytes(codeHash));
  }

  /** The account's nonce. */
  public long nonce() {
    return nonce;
  }

  /** The balance in wei. */
  public BigInteger balance() {
    return balance;
  }

  /** Root of the account's storage trie (copy). */
  public byte[] storageRoot() {
    return storageRoot.clone();
  }

  /** keccak256 of the account's code (copy). */
  public byte[] codeHash() {
    return codeHash.clone();
  }

  /** Whether the account has code (its code hash differs from the empty code's). */
  public boolean hasCode() {
    return !Arrays.equals(codeHash, EMPTY_CODE_HASH);
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof AccountState)) {
      return false;
    }
    AccountState a = (AccountState) o;
    return nonce == a.nonce && balance.equals(a.balance) && Arrays.equals(storageRoot, a.storageRoot)
        && Arrays.equals(codeHash, a.codeHash);
  }

  @Override
  public int hashCode() {
    return Objects.hash(nonce, balance, Arrays.hashCode(storageRoot), Arrays.hashCode(codeHash));
  }

  @Override
  public String toString() {
    return "AccountState{nonce=" + nonce + ", balance=" + balance + ", storageRoot=0x" + Hex.encode(storageRoot)
        + ", codeHash=0x" + Hex.encode(codeHash) + "}";
  }
}

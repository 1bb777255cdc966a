package dev.cairn.evm.trie;

import dev.cairn.core.CairnException;
import dev.cairn.core.encoding.Hex;
import dev.cairn.core.encoding.Rlp;
import dev.cairn.core.encoding.RlpItem;
import dev.cairn.core.hash.Keccak256;
import dev.cairn.evm.trie.TrieProofException.Reason;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;

/**
 * EIP-1186 ({@code eth_getProof}) account and storage proofs, checked against a block's stateRoot
 * and an account's storageRoot. The state trie maps keccak256(address) to the RLP account; a storage
 * trie maps keccak256(slot) to the RLP of the slot's value without leading zeros.
 *
 * <p>The {@code verify...} methods return what the proof proves; the {@code check...} methods also
 * compare it with what a node claimed and throw {@link TrieProofException} ({@code VALUE_MISMATCH})
 * on any difference.
 */
public final class StateProofs {
  private StateProofs() {}

  /**
   * Verifies an account proof.
   *
   * @param stateRoot the block's stateRoot (32 bytes)
   * @param address the account's 20-byte address
   * @param accountProof the proof's nodes
   * @return the account, or empty when the proof shows it does not exist
   * @throws TrieProofException if the proof is invalid
   */
  public static Optional<AccountState> verifyAccount(byte[] stateRoot, byte[] address, List<byte[]> accountProof) {
    if (address == null || address.length != 20) {
      throw new TrieProofException(Reason.INVALID_INPUT, -1,
          "address: " + (address == null ? "is null" : address.length + " bytes, expected 20"));
    }
    return TrieProof.verify(stateRoot, Keccak256.hash(address), accountProof).map(AccountState::decode);
  }

  /**
   * Verifies an account proof and that it proves exactly {@code claimed}. A non-existent account
   * matches a claim of nonce 0, balance 0, the empty storage root and the empty code hash (what
   * nodes report for it).
   *
   * @return the proven account (empty if it does not exist)
   * @throws TrieProofException if the proof is invalid or proves something else
   */
  public static Optional<AccountState> checkAccount(byte[] stateRoot, byte[] address, AccountState claimed,
      List<byte[]> accountProof) {
    if (claimed == null) {
      throw new TrieProofException(Reason.INVALID_INPUT, -1, "claimed: is null");
    }
    Optional<AccountState> proven = verifyAccount(stateRoot, address, accountProof);
    AccountState effective = proven.orElse(AccountState.of(0, BigInteger.ZERO, TrieProof.EMPTY_ROOT,
        AccountState.EMPTY_CODE_HASH));
    if (!effective.equals(claimed)) {
      throw new TrieProofException(Reason.VALUE_MISMATCH, -1, "account 0x" + Hex.encode(address)
          + ": the proof shows " + (proven.isPresent() ? effective : "no account") + ", the claim is " + claimed);
    }
    return proven;
  }

  /**
   * Verifies a storage proof.
   *
   * @param storageRoot the account's storageRoot (proven by its account proof)
   * @param slot the 32-byte storage slot (left-padded)
   * @param storageProof the proof's nodes
   * @return the slot's value (zero when absent)
   * @throws TrieProofException if the proof is invalid
   */
  public static BigInteger verifyStorage(byte[] storageRoot, byte[] slot, List<byte[]> storageProof) {
    if (slot == null || slot.length != 32) {
      throw new TrieProofException(Reason.INVALID_INPUT, -1,
          "slot: " + (slot == null ? "is null" : slot.length + " bytes, expected 32"));
    }
    Optional<byte[]> v = TrieProof.verify(storageRoot, Keccak256.hash(slot), storageProof);
    if (v.isEmpty()) {
      return BigInteger.ZERO;
    }
    try {
      RlpItem item = Rlp.decode(v.get());
      if (item.isList()) {
        throw new TrieProofException(Reason.MALFORMED_NODE, -1, "storage value: is an RLP list");
      }
      byte[] b = item.bytes();
      if (b.length > 32 || (b.length > 0 && b[0] == 0) || b.length == 0) {
        throw new TrieProofException(Reason.MALFORMED_NODE, -1,
            "storage value: " + b.length + " bytes, not a minimal non-zero uint256");
      }
      return new BigInteger(1, b);
    } catch (TrieProofException e) {
      throw e;
    } catch (CairnException e) {
      throw new TrieProofException(Reason.MALFORMED_NODE, -1, "storage value: " + e.getMessage());
    }
  }

  /**
   * Verifies a storage proof and that it proves {@code claimed}.
   *
   * @throws TrieProofException if the proof is invalid or proves another value
   */
  public static void checkStorage(byte[] storageRoot, byte[] slot, BigInteger claimed, List<byte[]> storageProof) {
    if (claimed == null) {
      throw new TrieProofException(Reason.INVALID_INPUT, -1, "claimed: is null");
    }
    BigInteger proven = verifyStorage(storageRoot, slot, storageProof);
    if (!proven.equals(claimed)) {
      throw new TrieProofException(Reason.VALUE_MISMATCH, -1, "storage slot 0x" + Hex.encode(slot)
          + ": the proof shows " + proven + ", the claim is " + claimed);
    }
  }
}

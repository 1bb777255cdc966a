package dev.cairn.evm.tx;

import dev.cairn.abi.Address;
import dev.cairn.core.hash.Keccak256;
import java.util.Arrays;

/** The addresses of contracts created by CREATE (a transaction without recipient) and CREATE2. */
public final class ContractAddress {
  private ContractAddress() {}

  /**
   * The address a CREATE from {@code sender} with {@code nonce} gets: the last 20 bytes of {@code
   * keccak256(rlp([sender, nonce]))}. For a contract-creation transaction, the nonce is the
   * transaction's; it is unsigned 64 bits.
   *
   * @throws EvmTxException (INVALID_FIELD) if the sender is null
   */
  public static Address create(Address sender, long nonce) {
    if (sender == null) {
      throw Transaction.invalid("sender", "is null");
    }
    byte[] rlp = RlpOut.list(RlpOut.string(sender.bytes()), RlpOut.integer(nonce));
    return last20(Keccak256.hash(rlp));
  }

  /** The address of the contract a signed contract-creation transaction deploys. */
  public static Address create(SignedTransaction tx) {
    if (!tx.transaction().isContractCreation()) {
      throw Transaction.invalid("to", "the transaction has a recipient; it creates no contract");
    }
    return create(tx.from(), tx.transaction().nonce());
  }

  /**
   * The address CREATE2 gives: the last 20 bytes of {@code keccak256(0xff || deployer || salt ||
   * keccak256(initCode))}.
   *
   * @param deployer the creating contract
   * @param salt 32 bytes
   * @param initCode the init code
   */
  public static Address create2(Address deployer, byte[] salt, byte[] initCode) {
    if (initCode == null) {
      throw Transaction.invalid("initCode", "is null");
    }
    return create2WithHash(deployer, salt, Keccak256.hash(initCode));
  }

  /** CREATE2 with the init code's keccak-256 hash already computed (32 bytes). */
  public static Address create2WithHash(Address deployer, byte[] salt, byte[] initCodeHash) {
    if (deployer == null) {
      throw Transaction.invalid("deployer", "is null");
    }
    if (salt == null || salt.length != 32) {
      throw Transaction.invalid("salt", "must be 32 bytes");
    }
    if (initCodeHash == null || initCodeHash.length != 32) {
      throw Transaction.invalid("initCodeHash", "must be 32 bytes");
    }
    byte[] in = new byte[85];
    in[0] = (byte) 0xff;
    System.arraycopy(deployer.bytes(), 0, in, 1, 20);
    System.arraycopy(salt, 0, in, 21, 32);
    System.arraycopy(initCodeHash, 0, in, 53, 32);
    return last20(Keccak256.hash(in));
  }

  private static Address last20(byte[] h) {
    return Address.of(Arrays.copyOfRange(h, 12, 32));
  }
}

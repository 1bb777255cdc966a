package dev.cairn.svm.programs;

import static dev.cairn.svm.programs.Programs.key;

import dev.cairn.svm.ProgramAddress;
import dev.cairn.svm.Pubkey;
import dev.cairn.svm.SvmException;
import dev.cairn.svm.internal.ByteWriter;
import dev.cairn.svm.tx.AccountMeta;
import dev.cairn.svm.tx.Instruction;
import java.util.ArrayList;
import java.util.List;

/**
 * Instructions of the Address Lookup Table program. A table's address is the program address of
 * {@code [authority, recentSlot as u64 LE]}; {@link #address} gives it. Data: a little-endian u32
 * instruction index and the fields.
 *
 * <pre>{@code
 * ProgramAddress table = AddressLookupTableProgram.address(authority, slot);
 * Instruction create = AddressLookupTableProgram.create(authority, payer, slot);
 * Instruction extend = AddressLookupTableProgram.extend(table.address(), authority, payer, List.of(a, b));
 * }</pre>
 */
public final class AddressLookupTableProgram {
  /** The Address Lookup Table program's id. */
  public static final Pubkey PROGRAM_ID = Pubkey.fromBase58("AddressLookupTab1e1111111111111111111111111");

  private static final int CREATE = 0;
  private static final int FREEZE = 1;
  private static final int EXTEND = 2;
  private static final int DEACTIVATE = 3;
  private static final int CLOSE = 4;

  private AddressLookupTableProgram() {}

  /** The address (and bump) of the table {@code authority} creates at {@code recentSlot}. */
  public static ProgramAddress address(Pubkey authority, long recentSlot) {
    byte[] slot = new ByteWriter(8).u64(recentSlot).toByteArray();
    return Pubkey.findProgramAddress(List.of(key("authority", authority).bytes(), slot), PROGRAM_ID);
  }

  /**
   * Creates the table at {@link #address}{@code (authority, recentSlot)}; {@code recentSlot} must
   * be a recent slot. The authority is marked as a signer, as @solana/web3.js does.
   */
  public static Instruction create(Pubkey authority, Pubkey payer, long recentSlot) {
    ProgramAddress table = address(authority, recentSlot);
    return Instruction.of(
        PROGRAM_ID,
        List.of(
            AccountMeta.writable(table.address()),
            AccountMeta.readonlySigner(authority),
            AccountMeta.writableSigner(key("payer", payer)),
            AccountMeta.readonly(SystemProgram.PROGRAM_ID)),
        new ByteWriter(13).u32(CREATE).u64(recentSlot).u8(table.bump()).toByteArray());
  }

  /** Makes the table immutable. */
  public static Instruction freeze(Pubkey table, Pubkey authority) {
    return Instruction.of(PROGRAM_ID, tableAndAuthority(table, authority), new ByteWriter(4).u32(FREEZE).toByteArray());
  }

  /**
   * Appends addresses to the table.
   *
   * @param payer pays for the added space; may be null when the table is already funded
   */
  public static Instruction extend(Pubkey table, Pubkey authority, Pubkey payer, List<Pubkey> addresses) {
    if (addresses == null || addresses.isEmpty()) {
      throw new SvmException(SvmException.Reason.INVALID_INPUT, "addresses: at least one is required");
    }
    List<AccountMeta> accounts = new ArrayList<>(tableAndAuthority(table, authority));
    if (payer != null) {
      accounts.add(AccountMeta.writableSigner(payer));
      accounts.add(AccountMeta.readonly(SystemProgram.PROGRAM_ID));
    }
    ByteWriter w = new ByteWriter(12 + 32 * addresses.size()).u32(EXTEND).u64(addresses.size());
    for (int i = 0; i < addresses.size(); i++) {
      w.bytes(key("addresses[" + i + "]", addresses.get(i)).bytes());
    }
    return Instruction.of(PROGRAM_ID, accounts, w.toByteArray());
  }

  /** Deactivates the table (it can be closed once the deactivation slot is no longer recent). */
  public static Instruction deactivate(Pubkey table, Pubkey authority) {
    return Instruction.of(PROGRAM_ID, tableAndAuthority(table, authority), new ByteWriter(4).u32(DEACTIVATE).toByteArray());
  }

  /** Closes a deactivated table, sending its lamports to {@code recipient}. */
  public static Instruction close(Pubkey table, Pubkey authority, Pubkey recipient) {
    return Instruction.of(
        PROGRAM_ID,
        List.of(AccountMeta.writable(key("table", table)), AccountMeta.readonlySigner(key("authority", authority)), AccountMeta.writable(key("recipient", recipient))),
        new ByteWriter(4).u32(CLOSE).toByteArray());
  }

  private static List<AccountMeta> tableAndAuthority(Pubkey table, Pubkey authority) {
    return List.of(AccountMeta.writable(key("table", table)), AccountMeta.readonlySigner(key("authority", authority)));
  }
}

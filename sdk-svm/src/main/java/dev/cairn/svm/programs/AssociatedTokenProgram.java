package dev.cairn.svm.programs;

import static dev.cairn.svm.programs.Programs.key;

import dev.cairn.svm.ProgramAddress;
import dev.cairn.svm.Pubkey;
import dev.cairn.svm.tx.AccountMeta;
import dev.cairn.svm.tx.Instruction;
import java.util.List;

/**
 * Associated token accounts: the address of an owner's token account for a mint (a program address
 * of {@code [owner, tokenProgram, mint]}), and the instructions that create it.
 *
 * <pre>{@code
 * Pubkey ata = AssociatedTokenProgram.address(owner, mint, TokenProgram.TOKEN_PROGRAM_ID);
 * Instruction create = AssociatedTokenProgram.createIdempotent(payer, ata, owner, mint, TokenProgram.TOKEN_PROGRAM_ID);
 * }</pre>
 */
public final class AssociatedTokenProgram {
  /** The Associated Token Account program's id. */
  public static final Pubkey PROGRAM_ID = Pubkey.fromBase58("ATokenGPvbdGVxr1b2hvZbsiqW5xWH25efTNsLJA8knL");

  private AssociatedTokenProgram() {}

  /** The associated token account and its bump. */
  public static ProgramAddress find(Pubkey owner, Pubkey mint, Pubkey tokenProgramId) {
    return Pubkey.findProgramAddress(
        List.of(key("owner", owner).bytes(), key("tokenProgramId", tokenProgramId).bytes(), key("mint", mint).bytes()),
        PROGRAM_ID);
  }

  /** The associated token account of {@code owner} for {@code mint} under {@code tokenProgramId}. */
  public static Pubkey address(Pubkey owner, Pubkey mint, Pubkey tokenProgramId) {
    return find(owner, mint, tokenProgramId).address();
  }

  /** Creates the associated token account (fails if it exists). */
  public static Instruction create(Pubkey payer, Pubkey associatedAccount, Pubkey owner, Pubkey mint, Pubkey tokenProgramId) {
    return Instruction.of(PROGRAM_ID, accounts(payer, associatedAccount, owner, mint, tokenProgramId), new byte[0]);
  }

  /** Creates the associated token account unless it already exists. */
  public static Instruction createIdempotent(Pubkey payer, Pubkey associatedAccount, Pubkey owner, Pubkey mint, Pubkey tokenProgramId) {
    return Instruction.of(PROGRAM_ID, accounts(payer, associatedAccount, owner, mint, tokenProgramId), new byte[] {1});
  }

  /**
   * Recovers tokens from an associated token account owned by another associated token account of
   * the same owner: moves them to the owner's associated account for {@code nestedMint} and closes
   * the nested account. {@code owner} signs.
   */
  public static Instruction recoverNested(Pubkey nestedAccount, Pubkey nestedMint, Pubkey destinationAccount,
      Pubkey ownerAccount, Pubkey ownerMint, Pubkey owner, Pubkey tokenProgramId) {
    return Instruction.of(PROGRAM_ID, List.of(
        AccountMeta.writable(key("nestedAccount", nestedAccount)),
        AccountMeta.readonly(key("nestedMint", nestedMint)),
        AccountMeta.writable(key("destinationAccount", destinationAccount)),
        AccountMeta.writable(key("ownerAccount", ownerAccount)),
        AccountMeta.readonly(key("ownerMint", ownerMint)),
        AccountMeta.writableSigner(key("owner", owner)),
        AccountMeta.readonly(key("tokenProgramId", tokenProgramId))), new byte[] {2});
  }

  private static List<AccountMeta> accounts(Pubkey payer, Pubkey ata, Pubkey owner, Pubkey mint, Pubkey tokenProgramId) {
    return List.of(
        AccountMeta.writableSigner(key("payer", payer)),
        AccountMeta.writable(key("associatedAccount", ata)),
        AccountMeta.readonly(key("owner", owner)),
        AccountMeta.readonly(key("mint", mint)),
        AccountMeta.readonly(SystemProgram.PROGRAM_ID),
        AccountMeta.readonly(key("tokenProgramId", tokenProgramId)));
  }
}

package dev.cairn.svm.programs;

import static dev.cairn.svm.programs.Programs.key;
import static dev.cairn.svm.programs.Programs.u8;

import dev.cairn.svm.Pubkey;
import dev.cairn.svm.internal.ByteWriter;
import dev.cairn.svm.tx.AccountMeta;
import dev.cairn.svm.tx.Instruction;
import java.util.List;

/**
 * Instructions of the SPL Token program and of Token-2022, which shares their layouts: pick the
 * program with {@link #TOKEN} or {@link #TOKEN_2022}. Data: a u8 instruction index and the fields
 * (amounts as little-endian u64, read as unsigned). Owners and authorities sign; multisig
 * authorities are not covered here.
 *
 * <pre>{@code
 * Instruction ix = TokenProgram.TOKEN.transferChecked(sourceAta, mint, destinationAta, owner, 1_000_000L, 6);
 * }</pre>
 */
public final class TokenProgram {
  /** The SPL Token program's id. */
  public static final Pubkey TOKEN_PROGRAM_ID = Pubkey.fromBase58("TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5DA");
  /** The Token-2022 program's id. */
  public static final Pubkey TOKEN_2022_PROGRAM_ID = Pubkey.fromBase58("TokenzQdBNbLqP5VEhdkAS6EPFLC1PHnBqCXEpPxuEb");
  /** The native mint (wrapped SOL). */
  public static final Pubkey NATIVE_MINT = Pubkey.fromBase58("So11111111111111111111111111111111111111112");

  /** Builders for the SPL Token program. */
  public static final TokenProgram TOKEN = new TokenProgram(TOKEN_PROGRAM_ID);
  /** Builders for the Token-2022 program. */
  public static final TokenProgram TOKEN_2022 = new TokenProgram(TOKEN_2022_PROGRAM_ID);

  private static final int TRANSFER = 3;
  private static final int APPROVE = 4;
  private static final int REVOKE = 5;
  private static final int MINT_TO = 7;
  private static final int BURN = 8;
  private static final int CLOSE_ACCOUNT = 9;
  private static final int TRANSFER_CHECKED = 12;
  private static final int MINT_TO_CHECKED = 14;
  private static final int SYNC_NATIVE = 17;
  private static final int INITIALIZE_ACCOUNT_3 = 18;
  private static final int INITIALIZE_MINT_2 = 20;

  private final Pubkey programId;

  private TokenProgram(Pubkey programId) {
    this.programId = programId;
  }

  /** Builders for another deployment of the token program (same layouts). */
  public static TokenProgram at(Pubkey programId) {
    return new TokenProgram(key("programId", programId));
  }

  /** The program these builders target. */
  public Pubkey programId() {
    return programId;
  }

  private Instruction ix(List<AccountMeta> accounts, ByteWriter data) {
    return Instruction.of(programId, accounts, data.toByteArray());
  }

  /**
   * Initializes a mint (no rent sysvar). The freeze authority is a {@code COption}: a 0 byte when
   * absent, 1 and the key when present (35 or 67 bytes of data, as the program and
   * @solana/spl-token write it).
   *
   * @param freezeAuthority may be null
   */
  public Instruction initializeMint2(Pubkey mint, int decimals, Pubkey mintAuthority, Pubkey freezeAuthority) {
    ByteWriter w = new ByteWriter(67).u8(INITIALIZE_MINT_2).u8(u8("decimals", decimals)).bytes(key("mintAuthority", mintAuthority).bytes());
    if (freezeAuthority == null) {
      w.u8(0);
    } else {
      w.u8(1).bytes(freezeAuthority.bytes());
    }
    return ix(List.of(AccountMeta.writable(key("mint", mint))), w);
  }

  /** Initializes a token account for {@code mint} owned by {@code owner} (no rent sysvar). */
  public Instruction initializeAccount3(Pubkey account, Pubkey mint, Pubkey owner) {
    return ix(
        List.of(AccountMeta.writable(key("account", account)), AccountMeta.readonly(key("mint", mint))),
        new ByteWriter(33).u8(INITIALIZE_ACCOUNT_3).bytes(key("owner", owner).bytes()));
  }

  /** Mints {@code amount} base units to {@code destination}; the mint authority signs. */
  public Instruction mintTo(Pubkey mint, Pubkey destination, Pubkey authority, long amount) {
    return ix(
        List.of(AccountMeta.writable(key("mint", mint)), AccountMeta.writable(key("destination", destination)), AccountMeta.readonlySigner(key("authority", authority))),
        new ByteWriter(9).u8(MINT_TO).u64(amount));
  }

  /** {@link #mintTo} that also checks the mint's decimals. */
  public Instruction mintToChecked(Pubkey mint, Pubkey destination, Pubkey authority, long amount, int decimals) {
    return ix(
        List.of(AccountMeta.writable(key("mint", mint)), AccountMeta.writable(key("destination", destination)), AccountMeta.readonlySigner(key("authority", authority))),
        new ByteWriter(10).u8(MINT_TO_CHECKED).u64(amount).u8(u8("decimals", decimals)));
  }

  /** Transfers {@code amount} base units (not allowed by Token-2022 mints with some extensions). */
  public Instruction transfer(Pubkey source, Pubkey destination, Pubkey owner, long amount) {
    return ix(
        List.of(AccountMeta.writable(key("source", source)), AccountMeta.writable(key("destination", destination)), AccountMeta.readonlySigner(key("owner", owner))),
        new ByteWriter(9).u8(TRANSFER).u64(amount));
  }

  /** Transfers {@code amount} base units, checking the mint and its decimals. */
  public Instruction transferChecked(Pubkey source, Pubkey mint, Pubkey destination, Pubkey owner, long amount, int decimals) {
    return ix(
        List.of(
            AccountMeta.writable(key("source", source)),
            AccountMeta.readonly(key("mint", mint)),
            AccountMeta.writable(key("destination", destination)),
            AccountMeta.readonlySigner(key("owner", owner))),
        new ByteWriter(10).u8(TRANSFER_CHECKED).u64(amount).u8(u8("decimals", decimals)));
  }

  /** Lets {@code delegate} move up to {@code amount} from {@code account}. */
  public Instruction approve(Pubkey account, Pubkey delegate, Pubkey owner, long amount) {
    return ix(
        List.of(AccountMeta.writable(key("account", account)), AccountMeta.readonly(key("delegate", delegate)), AccountMeta.readonlySigner(key("owner", owner))),
        new ByteWriter(9).u8(APPROVE).u64(amount));
  }

  /** Removes the delegate of {@code account}. */
  public Instruction revoke(Pubkey account, Pubkey owner) {
    return ix(
        List.of(AccountMeta.writable(key("account", account)), AccountMeta.readonlySigner(key("owner", owner))),
        new ByteWriter(1).u8(REVOKE));
  }

  /** Burns {@code amount} base units from {@code account}. */
  public Instruction burn(Pubkey account, Pubkey mint, Pubkey owner, long amount) {
    return ix(
        List.of(AccountMeta.writable(key("account", account)), AccountMeta.writable(key("mint", mint)), AccountMeta.readonlySigner(key("owner", owner))),
        new ByteWriter(9).u8(BURN).u64(amount));
  }

  /** Closes {@code account}, sending its lamports to {@code destination}. */
  public Instruction closeAccount(Pubkey account, Pubkey destination, Pubkey owner) {
    return ix(
        List.of(AccountMeta.writable(key("account", account)), AccountMeta.writable(key("destination", destination)), AccountMeta.readonlySigner(key("owner", owner))),
        new ByteWriter(1).u8(CLOSE_ACCOUNT));
  }

  /** Brings a wrapped-SOL account's token amount in line with its lamports. */
  public Instruction syncNative(Pubkey account) {
    return ix(List.of(AccountMeta.writable(key("account", account))), new ByteWriter(1).u8(SYNC_NATIVE));
  }

  @Override
  public String toString() {
    return "TokenProgram{" + programId + "}";
  }
}

package dev.cairn.svm.programs;

import static dev.cairn.svm.programs.Programs.key;
import static dev.cairn.svm.programs.Programs.u8;

import dev.cairn.svm.Pubkey;
import dev.cairn.svm.SvmException;
import dev.cairn.svm.internal.ByteWriter;
import dev.cairn.svm.tx.AccountMeta;
import dev.cairn.svm.tx.Instruction;
import java.util.ArrayList;
import java.util.List;

/**
 * Instructions of the SPL Token program and of Token-2022, which shares their layouts: pick the
 * program with {@link #TOKEN} or {@link #TOKEN_2022}. Data: a u8 instruction index and the fields
 * (amounts as little-endian u64, read as unsigned). Owners and authorities sign; for a multisig
 * authority, the overloads taking {@code multiSigners} pass the multisig account as a read-only
 * non-signer followed by the signing members (as @solana/spl-token's {@code multiSigners} does).
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

  /** The size of a multisig account. */
  public static final int MULTISIG_LENGTH = 355;
  /** The most signers a multisig can have. */
  public static final int MAX_SIGNERS = 11;

  /** Which authority {@link #setAuthority} changes. */
  public enum AuthorityType {
    /** A mint's authority to mint. */
    MINT_TOKENS(0),
    /** A mint's authority to freeze token accounts. */
    FREEZE_ACCOUNT(1),
    /** A token account's owner. */
    ACCOUNT_OWNER(2),
    /** A token account's authority to close it. */
    CLOSE_ACCOUNT(3),
    /** Token-2022: the transfer fee config authority. */
    TRANSFER_FEE_CONFIG(4),
    /** Token-2022: the withheld-fees withdraw authority. */
    WITHHELD_WITHDRAW(5),
    /** Token-2022: the mint close authority. */
    CLOSE_MINT(6),
    /** Token-2022: the interest rate authority. */
    INTEREST_RATE(7),
    /** Token-2022: the permanent delegate. */
    PERMANENT_DELEGATE(8),
    /** Token-2022: the confidential transfer mint authority. */
    CONFIDENTIAL_TRANSFER_MINT(9),
    /** Token-2022: the transfer hook program id authority. */
    TRANSFER_HOOK_PROGRAM_ID(10),
    /** Token-2022: the confidential transfer fee config authority. */
    CONFIDENTIAL_TRANSFER_FEE_CONFIG(11),
    /** Token-2022: the metadata pointer authority. */
    METADATA_POINTER(12),
    /** Token-2022: the group pointer authority. */
    GROUP_POINTER(13),
    /** Token-2022: the group member pointer authority. */
    GROUP_MEMBER_POINTER(14);

    private final int code;

    AuthorityType(int code) {
      this.code = code;
    }

    /** The byte the instruction carries. */
    public int code() {
      return code;
    }
  }

  private static final int INITIALIZE_MULTISIG = 2;
  private static final int SET_AUTHORITY = 6;
  private static final int FREEZE_ACCOUNT = 10;
  private static final int THAW_ACCOUNT = 11;
  private static final int APPROVE_CHECKED = 13;
  private static final int BURN_CHECKED = 15;
  private static final int INITIALIZE_MULTISIG_2 = 19;
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

  /** {@code first} followed by the authority: a signer, or the multisig and its signing members. */
  private static List<AccountMeta> withAuthority(String field, Pubkey authority, List<Pubkey> multiSigners, AccountMeta... first) {
    key(field, authority);
    if (multiSigners == null) {
      throw new SvmException(SvmException.Reason.INVALID_INPUT, "multiSigners: is null");
    }
    if (multiSigners.size() > MAX_SIGNERS) {
      throw new SvmException(SvmException.Reason.INVALID_INPUT, "multiSigners: at most " + MAX_SIGNERS + ", got " + multiSigners.size());
    }
    List<AccountMeta> out = new ArrayList<>(first.length + 1 + multiSigners.size());
    for (AccountMeta m : first) {
      out.add(m);
    }
    if (multiSigners.isEmpty()) {
      out.add(AccountMeta.readonlySigner(authority));
    } else {
      out.add(AccountMeta.readonly(authority));
      for (int i = 0; i < multiSigners.size(); i++) {
        out.add(AccountMeta.readonlySigner(key("multiSigners[" + i + "]", multiSigners.get(i))));
      }
    }
    return out;
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
    return mintTo(mint, destination, authority, amount, List.of());
  }

  /** {@link #mintTo} by a multisig {@code authority} with its signing members. */
  public Instruction mintTo(Pubkey mint, Pubkey destination, Pubkey authority, long amount, List<Pubkey> multiSigners) {
    return ix(
        withAuthority("authority", authority, multiSigners, AccountMeta.writable(key("mint", mint)), AccountMeta.writable(key("destination", destination))),
        new ByteWriter(9).u8(MINT_TO).u64(amount));
  }

  /** {@link #mintTo} that also checks the mint's decimals. */
  public Instruction mintToChecked(Pubkey mint, Pubkey destination, Pubkey authority, long amount, int decimals) {
    return mintToChecked(mint, destination, authority, amount, decimals, List.of());
  }

  /** {@link #mintToChecked} by a multisig {@code authority} with its signing members. */
  public Instruction mintToChecked(Pubkey mint, Pubkey destination, Pubkey authority, long amount, int decimals, List<Pubkey> multiSigners) {
    return ix(
        withAuthority("authority", authority, multiSigners, AccountMeta.writable(key("mint", mint)), AccountMeta.writable(key("destination", destination))),
        new ByteWriter(10).u8(MINT_TO_CHECKED).u64(amount).u8(u8("decimals", decimals)));
  }

  /** Transfers {@code amount} base units (not allowed by Token-2022 mints with some extensions). */
  public Instruction transfer(Pubkey source, Pubkey destination, Pubkey owner, long amount) {
    return transfer(source, destination, owner, amount, List.of());
  }

  /** {@link #transfer} from an account owned by a multisig, with its signing members. */
  public Instruction transfer(Pubkey source, Pubkey destination, Pubkey owner, long amount, List<Pubkey> multiSigners) {
    return ix(
        withAuthority("owner", owner, multiSigners, AccountMeta.writable(key("source", source)), AccountMeta.writable(key("destination", destination))),
        new ByteWriter(9).u8(TRANSFER).u64(amount));
  }

  /** Transfers {@code amount} base units, checking the mint and its decimals. */
  public Instruction transferChecked(Pubkey source, Pubkey mint, Pubkey destination, Pubkey owner, long amount, int decimals) {
    return transferChecked(source, mint, destination, owner, amount, decimals, List.of());
  }

  /** {@link #transferChecked} from an account owned by a multisig, with its signing members. */
  public Instruction transferChecked(Pubkey source, Pubkey mint, Pubkey destination, Pubkey owner, long amount, int decimals,
      List<Pubkey> multiSigners) {
    return ix(
        withAuthority("owner", owner, multiSigners,
            AccountMeta.writable(key("source", source)),
            AccountMeta.readonly(key("mint", mint)),
            AccountMeta.writable(key("destination", destination))),
        new ByteWriter(10).u8(TRANSFER_CHECKED).u64(amount).u8(u8("decimals", decimals)));
  }

  /** Lets {@code delegate} move up to {@code amount} from {@code account}. */
  public Instruction approve(Pubkey account, Pubkey delegate, Pubkey owner, long amount) {
    return approve(account, delegate, owner, amount, List.of());
  }

  /** {@link #approve} for an account owned by a multisig, with its signing members. */
  public Instruction approve(Pubkey account, Pubkey delegate, Pubkey owner, long amount, List<Pubkey> multiSigners) {
    return ix(
        withAuthority("owner", owner, multiSigners, AccountMeta.writable(key("account", account)), AccountMeta.readonly(key("delegate", delegate))),
        new ByteWriter(9).u8(APPROVE).u64(amount));
  }

  /** {@link #approve} that also checks the mint and its decimals. */
  public Instruction approveChecked(Pubkey account, Pubkey mint, Pubkey delegate, Pubkey owner, long amount, int decimals,
      List<Pubkey> multiSigners) {
    return ix(
        withAuthority("owner", owner, multiSigners, AccountMeta.writable(key("account", account)),
            AccountMeta.readonly(key("mint", mint)), AccountMeta.readonly(key("delegate", delegate))),
        new ByteWriter(10).u8(APPROVE_CHECKED).u64(amount).u8(u8("decimals", decimals)));
  }

  /** Removes the delegate of {@code account}. */
  public Instruction revoke(Pubkey account, Pubkey owner) {
    return revoke(account, owner, List.of());
  }

  /** {@link #revoke} for an account owned by a multisig, with its signing members. */
  public Instruction revoke(Pubkey account, Pubkey owner, List<Pubkey> multiSigners) {
    return ix(withAuthority("owner", owner, multiSigners, AccountMeta.writable(key("account", account))), new ByteWriter(1).u8(REVOKE));
  }

  /** Burns {@code amount} base units from {@code account}. */
  public Instruction burn(Pubkey account, Pubkey mint, Pubkey owner, long amount) {
    return burn(account, mint, owner, amount, List.of());
  }

  /** {@link #burn} from an account owned by a multisig, with its signing members. */
  public Instruction burn(Pubkey account, Pubkey mint, Pubkey owner, long amount, List<Pubkey> multiSigners) {
    return ix(
        withAuthority("owner", owner, multiSigners, AccountMeta.writable(key("account", account)), AccountMeta.writable(key("mint", mint))),
        new ByteWriter(9).u8(BURN).u64(amount));
  }

  /** {@link #burn} that also checks the mint's decimals. */
  public Instruction burnChecked(Pubkey account, Pubkey mint, Pubkey owner, long amount, int decimals, List<Pubkey> multiSigners) {
    return ix(
        withAuthority("owner", owner, multiSigners, AccountMeta.writable(key("account", account)), AccountMeta.writable(key("mint", mint))),
        new ByteWriter(10).u8(BURN_CHECKED).u64(amount).u8(u8("decimals", decimals)));
  }

  /** Closes {@code account}, sending its lamports to {@code destination}. */
  public Instruction closeAccount(Pubkey account, Pubkey destination, Pubkey owner) {
    return closeAccount(account, destination, owner, List.of());
  }

  /** {@link #closeAccount} for an account whose close authority is a multisig, with its signing members. */
  public Instruction closeAccount(Pubkey account, Pubkey destination, Pubkey owner, List<Pubkey> multiSigners) {
    return ix(
        withAuthority("owner", owner, multiSigners, AccountMeta.writable(key("account", account)), AccountMeta.writable(key("destination", destination))),
        new ByteWriter(1).u8(CLOSE_ACCOUNT));
  }

  /** Freezes {@code account} of {@code mint}; the mint's freeze authority (or its multisig members) signs. */
  public Instruction freezeAccount(Pubkey account, Pubkey mint, Pubkey freezeAuthority, List<Pubkey> multiSigners) {
    return ix(
        withAuthority("freezeAuthority", freezeAuthority, multiSigners, AccountMeta.writable(key("account", account)), AccountMeta.readonly(key("mint", mint))),
        new ByteWriter(1).u8(FREEZE_ACCOUNT));
  }

  /** Thaws a frozen {@code account} of {@code mint}. */
  public Instruction thawAccount(Pubkey account, Pubkey mint, Pubkey freezeAuthority, List<Pubkey> multiSigners) {
    return ix(
        withAuthority("freezeAuthority", freezeAuthority, multiSigners, AccountMeta.writable(key("account", account)), AccountMeta.readonly(key("mint", mint))),
        new ByteWriter(1).u8(THAW_ACCOUNT));
  }

  /**
   * Sets (or, with {@code newAuthority} null, removes) an authority of a mint or token account.
   * Data: the index, the authority type, and a {@code COption<Pubkey>} (a 0 byte, or 1 and the key).
   */
  public Instruction setAuthority(Pubkey accountOrMint, Pubkey currentAuthority, AuthorityType type, Pubkey newAuthority,
      List<Pubkey> multiSigners) {
    if (type == null) {
      throw new SvmException(SvmException.Reason.INVALID_INPUT, "type: is null");
    }
    ByteWriter w = new ByteWriter(35).u8(SET_AUTHORITY).u8(type.code());
    if (newAuthority == null) {
      w.u8(0);
    } else {
      w.u8(1).bytes(newAuthority.bytes());
    }
    return ix(withAuthority("currentAuthority", currentAuthority, multiSigners, AccountMeta.writable(key("accountOrMint", accountOrMint))), w);
  }

  /**
   * Initializes a multisig account (created beforehand with {@link #MULTISIG_LENGTH} bytes) needing
   * {@code m} of {@code signers} (1 to 11); no rent sysvar.
   */
  public Instruction initializeMultisig2(Pubkey multisig, List<Pubkey> signers, int m) {
    return ix(multisigAccounts(multisig, signers, m, false), new ByteWriter(2).u8(INITIALIZE_MULTISIG_2).u8(m));
  }

  /** As {@link #initializeMultisig2}, the original instruction that also reads the rent sysvar. */
  public Instruction initializeMultisig(Pubkey multisig, List<Pubkey> signers, int m) {
    return ix(multisigAccounts(multisig, signers, m, true), new ByteWriter(2).u8(INITIALIZE_MULTISIG).u8(m));
  }

  private static List<AccountMeta> multisigAccounts(Pubkey multisig, List<Pubkey> signers, int m, boolean rent) {
    if (signers == null || signers.isEmpty() || signers.size() > MAX_SIGNERS) {
      throw new SvmException(SvmException.Reason.INVALID_INPUT, "signers: 1 to " + MAX_SIGNERS + " keys expected, got "
          + (signers == null ? "null" : signers.size()));
    }
    if (m < 1 || m > signers.size()) {
      throw new SvmException(SvmException.Reason.INVALID_INPUT, "m: " + m + " outside 1.." + signers.size());
    }
    List<AccountMeta> out = new ArrayList<>(signers.size() + 2);
    out.add(AccountMeta.writable(key("multisig", multisig)));
    if (rent) {
      out.add(AccountMeta.readonly(SystemProgram.SYSVAR_RENT));
    }
    for (int i = 0; i < signers.size(); i++) {
      out.add(AccountMeta.readonly(key("signers[" + i + "]", signers.get(i))));
    }
    return out;
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

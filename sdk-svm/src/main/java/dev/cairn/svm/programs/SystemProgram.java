package dev.cairn.svm.programs;

import static dev.cairn.svm.programs.Programs.key;

import dev.cairn.svm.Pubkey;
import dev.cairn.svm.SvmException;
import dev.cairn.svm.internal.ByteWriter;
import dev.cairn.svm.tx.AccountMeta;
import dev.cairn.svm.tx.Instruction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Instructions of the System program: transfers, account creation, assignment and allocation, and
 * durable nonce accounts. Data: a little-endian u32 instruction index followed by the fields
 * (amounts as u64 — Java {@code long}s are read as unsigned).
 */
public final class SystemProgram {
  /** The System program's id. */
  public static final Pubkey PROGRAM_ID = Pubkey.fromBase58("11111111111111111111111111111111");
  /** The RecentBlockhashes sysvar (nonce instructions read it). */
  public static final Pubkey SYSVAR_RECENT_BLOCKHASHES = Pubkey.fromBase58("SysvarRecentB1ockHashes11111111111111111111");
  /** The Rent sysvar. */
  public static final Pubkey SYSVAR_RENT = Pubkey.fromBase58("SysvarRent111111111111111111111111111111111");
  /** The size of a nonce account. */
  public static final int NONCE_ACCOUNT_LENGTH = 80;

  private static final int CREATE_ACCOUNT = 0;
  private static final int ASSIGN = 1;
  private static final int TRANSFER = 2;
  private static final int CREATE_ACCOUNT_WITH_SEED = 3;
  private static final int ADVANCE_NONCE = 4;
  private static final int WITHDRAW_NONCE = 5;
  private static final int INITIALIZE_NONCE = 6;
  private static final int AUTHORIZE_NONCE = 7;
  private static final int ALLOCATE = 8;
  private static final int ALLOCATE_WITH_SEED = 9;
  private static final int ASSIGN_WITH_SEED = 10;
  private static final int TRANSFER_WITH_SEED = 11;

  private SystemProgram() {}

  private static Instruction ix(List<AccountMeta> accounts, ByteWriter data) {
    return Instruction.of(PROGRAM_ID, accounts, data.toByteArray());
  }

  /** Moves {@code lamports} (unsigned u64) from {@code from} (signs) to {@code to}. */
  public static Instruction transfer(Pubkey from, Pubkey to, long lamports) {
    return ix(
        List.of(AccountMeta.writableSigner(key("from", from)), AccountMeta.writable(key("to", to))),
        new ByteWriter(12).u32(TRANSFER).u64(lamports));
  }

  /** Creates {@code newAccount} (both sign) with {@code space} bytes owned by {@code owner}. */
  public static Instruction createAccount(Pubkey from, Pubkey newAccount, long lamports, long space, Pubkey owner) {
    return ix(
        List.of(AccountMeta.writableSigner(key("from", from)), AccountMeta.writableSigner(key("newAccount", newAccount))),
        new ByteWriter(52).u32(CREATE_ACCOUNT).u64(lamports).u64(space).bytes(key("owner", owner).bytes()));
  }

  /**
   * Creates the account at {@link Pubkey#createWithSeed}{@code (base, seed, owner)}; {@code base}
   * signs (listed separately only when it is not {@code from}).
   */
  public static Instruction createAccountWithSeed(
      Pubkey from, Pubkey newAccount, Pubkey base, String seed, long lamports, long space, Pubkey owner) {
    if (seed == null) {
      throw new SvmException(SvmException.Reason.INVALID_INPUT, "seed: is null");
    }
    byte[] s = seed.getBytes(StandardCharsets.UTF_8);
    if (s.length > Pubkey.MAX_SEED_LENGTH) {
      throw new SvmException(SvmException.Reason.INVALID_INPUT, "seed: at most 32 bytes of UTF-8, got " + s.length);
    }
    List<AccountMeta> accounts = new ArrayList<>(3);
    accounts.add(AccountMeta.writableSigner(key("from", from)));
    accounts.add(AccountMeta.writable(key("newAccount", newAccount)));
    if (!key("base", base).equals(from)) {
      accounts.add(AccountMeta.readonlySigner(base));
    }
    return ix(
        accounts,
        new ByteWriter(96 + s.length)
            .u32(CREATE_ACCOUNT_WITH_SEED)
            .bytes(base.bytes())
            .u64(s.length)
            .bytes(s)
            .u64(lamports)
            .u64(space)
            .bytes(key("owner", owner).bytes()));
  }

  private static byte[] seedBytes(String seed) {
    if (seed == null) {
      throw new SvmException(SvmException.Reason.INVALID_INPUT, "seed: is null");
    }
    byte[] s = seed.getBytes(StandardCharsets.UTF_8);
    if (s.length > Pubkey.MAX_SEED_LENGTH) {
      throw new SvmException(SvmException.Reason.INVALID_INPUT, "seed: at most 32 bytes of UTF-8, got " + s.length);
    }
    return s;
  }

  /**
   * Moves {@code lamports} from {@code from}, the account at {@link Pubkey#createWithSeed}{@code
   * (base, seed, fromOwner)}; {@code base} signs.
   */
  public static Instruction transferWithSeed(Pubkey from, Pubkey base, String seed, Pubkey fromOwner, Pubkey to, long lamports) {
    byte[] s = seedBytes(seed);
    return ix(
        List.of(AccountMeta.writable(key("from", from)), AccountMeta.readonlySigner(key("base", base)), AccountMeta.writable(key("to", to))),
        new ByteWriter(52 + s.length).u32(TRANSFER_WITH_SEED).u64(lamports).u64(s.length).bytes(s).bytes(key("fromOwner", fromOwner).bytes()));
  }

  /** Assigns the account at {@code createWithSeed(base, seed, owner)} to {@code owner}; {@code base} signs. */
  public static Instruction assignWithSeed(Pubkey account, Pubkey base, String seed, Pubkey owner) {
    byte[] s = seedBytes(seed);
    return ix(
        List.of(AccountMeta.writable(key("account", account)), AccountMeta.readonlySigner(key("base", base))),
        new ByteWriter(76 + s.length).u32(ASSIGN_WITH_SEED).bytes(base.bytes()).u64(s.length).bytes(s).bytes(key("owner", owner).bytes()));
  }

  /** Allocates {@code space} bytes to the account at {@code createWithSeed(base, seed, owner)} and assigns it to {@code owner}. */
  public static Instruction allocateWithSeed(Pubkey account, Pubkey base, String seed, long space, Pubkey owner) {
    byte[] s = seedBytes(seed);
    return ix(
        List.of(AccountMeta.writable(key("account", account)), AccountMeta.readonlySigner(key("base", base))),
        new ByteWriter(84 + s.length).u32(ALLOCATE_WITH_SEED).bytes(base.bytes()).u64(s.length).bytes(s).u64(space)
            .bytes(key("owner", owner).bytes()));
  }

  /** Assigns {@code account} (signs) to {@code owner}. */
  public static Instruction assign(Pubkey account, Pubkey owner) {
    return ix(
        List.of(AccountMeta.writableSigner(key("account", account))),
        new ByteWriter(36).u32(ASSIGN).bytes(key("owner", owner).bytes()));
  }

  /** Allocates {@code space} bytes of data to {@code account} (signs). */
  public static Instruction allocate(Pubkey account, long space) {
    return ix(
        List.of(AccountMeta.writableSigner(key("account", account))),
        new ByteWriter(12).u32(ALLOCATE).u64(space));
  }

  /** Initializes a nonce account (created beforehand with {@link #NONCE_ACCOUNT_LENGTH} bytes). */
  public static Instruction nonceInitialize(Pubkey nonceAccount, Pubkey authority) {
    return ix(
        List.of(
            AccountMeta.writable(key("nonceAccount", nonceAccount)),
            AccountMeta.readonly(SYSVAR_RECENT_BLOCKHASHES),
            AccountMeta.readonly(SYSVAR_RENT)),
        new ByteWriter(36).u32(INITIALIZE_NONCE).bytes(key("authority", authority).bytes()));
  }

  /** Advances a nonce (the first instruction of a durable-nonce transaction). */
  public static Instruction advanceNonceAccount(Pubkey nonceAccount, Pubkey authority) {
    return ix(
        List.of(
            AccountMeta.writable(key("nonceAccount", nonceAccount)),
            AccountMeta.readonly(SYSVAR_RECENT_BLOCKHASHES),
            AccountMeta.readonlySigner(key("authority", authority))),
        new ByteWriter(4).u32(ADVANCE_NONCE));
  }

  /** Withdraws {@code lamports} from a nonce account to {@code to}. */
  public static Instruction nonceWithdraw(Pubkey nonceAccount, Pubkey authority, Pubkey to, long lamports) {
    return ix(
        List.of(
            AccountMeta.writable(key("nonceAccount", nonceAccount)),
            AccountMeta.writable(key("to", to)),
            AccountMeta.readonly(SYSVAR_RECENT_BLOCKHASHES),
            AccountMeta.readonly(SYSVAR_RENT),
            AccountMeta.readonlySigner(key("authority", authority))),
        new ByteWriter(12).u32(WITHDRAW_NONCE).u64(lamports));
  }

  /** Gives a nonce account a new authority. */
  public static Instruction nonceAuthorize(Pubkey nonceAccount, Pubkey authority, Pubkey newAuthority) {
    return ix(
        List.of(AccountMeta.writable(key("nonceAccount", nonceAccount)), AccountMeta.readonlySigner(key("authority", authority))),
        new ByteWriter(36).u32(AUTHORIZE_NONCE).bytes(key("newAuthority", newAuthority).bytes()));
  }
}

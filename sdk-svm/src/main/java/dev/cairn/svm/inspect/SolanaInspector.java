package dev.cairn.svm.inspect;

import dev.cairn.core.CairnException;
import dev.cairn.core.chain.AccountId;
import dev.cairn.core.chain.Amount;
import dev.cairn.core.chain.ChainError;
import dev.cairn.core.chain.ChainException;
import dev.cairn.core.chain.ChainFamily;
import dev.cairn.core.chain.ChainId;
import dev.cairn.core.chain.Denomination;
import dev.cairn.core.chain.ErrorKind;
import dev.cairn.core.chain.TransactionSummary;
import dev.cairn.core.chain.TransactionSummary.Action;
import dev.cairn.core.chain.spi.TransactionInspector;
import dev.cairn.core.encoding.Hex;
import dev.cairn.core.signer.SignRequest;
import dev.cairn.svm.Pubkey;
import dev.cairn.svm.SvmException;
import dev.cairn.svm.idl.Idl;
import dev.cairn.svm.programs.AddressLookupTableProgram;
import dev.cairn.svm.programs.AssociatedTokenProgram;
import dev.cairn.svm.programs.ComputeBudgetProgram;
import dev.cairn.svm.programs.MemoProgram;
import dev.cairn.svm.programs.SystemProgram;
import dev.cairn.svm.programs.TokenProgram;
import dev.cairn.svm.tx.AddressLookupTable;
import dev.cairn.svm.tx.CompiledInstruction;
import dev.cairn.svm.tx.Message;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * The Solana {@link TransactionInspector}, registered for {@link dev.cairn.core.chain.Inspectors}:
 * reads SOLANA_MESSAGE payloads (legacy and v0 messages) from the request alone. {@link
 * #inspect(Message, List)} gives the Solana-specific {@link MessageSummary}, with lookup tables
 * when the caller has them.
 *
 * <p>In the chain-neutral summary: System transfers, transfers with seed, account creation funding
 * and nonce withdrawals are native transfers in SOL (lamports); Token and Token-2022 {@code
 * transferChecked} and {@code approveChecked} are token transfers and approvals of their mint, from
 * the owner (authority) to the destination token account or delegate. A plain {@code transfer} or
 * {@code approve} names no mint, so it is a call of the token program with method {@code transfer}
 * / {@code approve} (a policy cannot tell the token). Every other instruction except Compute Budget
 * ones is a call of its program with the instruction's name, or for an unknown program the hex of
 * its first data bytes. The fee limit is 5,000 lamports per signature plus the compute-unit limit ×
 * price. In a v0 message, accounts loaded through lookup tables are unknown (a signer's payload does
 * not carry the tables): an instruction whose parties come from a table is reported as a call.
 * Malformed payloads throw {@link ChainException} INVALID_INPUT naming the field and offset; a
 * known program's instruction with data it would reject is an unknown instruction, not a failure.
 */
public final class SolanaInspector implements TransactionInspector {
  private static final Pubkey MEMO_V1 = Pubkey.fromBase58("Memo1UhkJRfHyvLMcVucJwxXeuD728EqVDDwQDxFMNo");
  private static final long DEFAULT_UNITS_PER_INSTRUCTION = 200_000;
  private static final long MAX_UNITS = 1_400_000;
  private static final String[] SYSTEM = {"createAccount", "assign", "transfer", "createAccountWithSeed", "advanceNonceAccount",
      "withdrawNonceAccount", "initializeNonceAccount", "authorizeNonceAccount", "allocate", "allocateWithSeed", "assignWithSeed",
      "transferWithSeed", "upgradeNonceAccount"};
  private static final String[] TOKEN = {"initializeMint", "initializeAccount", "initializeMultisig", "transfer", "approve", "revoke",
      "setAuthority", "mintTo", "burn", "closeAccount", "freezeAccount", "thawAccount", "transferChecked", "approveChecked",
      "mintToChecked", "burnChecked", "initializeAccount2", "syncNative", "initializeAccount3", "initializeMultisig2",
      "initializeMint2", "getAccountDataSize", "initializeImmutableOwner", "amountToUiAmount", "uiAmountToAmount"};
  private static final String[] COMPUTE = {"requestUnits", "requestHeapFrame", "setComputeUnitLimit", "setComputeUnitPrice",
      "setLoadedAccountsDataSizeLimit"};
  private static final String[] ALT = {"createLookupTable", "freezeLookupTable", "extendLookupTable", "deactivateLookupTable",
      "closeLookupTable"};

  /** For {@link java.util.ServiceLoader}. */
  public SolanaInspector() {}

  @Override
  public String name() {
    return "svm";
  }

  @Override
  public boolean supports(SignRequest.Kind kind) {
    return kind == SignRequest.Kind.SOLANA_MESSAGE;
  }

  @Override
  public TransactionSummary inspect(SignRequest request) {
    if (request == null) {
      throw new ChainException(ChainError.of(ErrorKind.INVALID_INPUT, null, "request: is null"));
    }
    AccountId account = request.account().orElseThrow(
        () -> new ChainException(ChainError.of(ErrorKind.INVALID_INPUT, null, "request.account: is missing")));
    ChainId chain = account.chainId();
    if (request.kind() != SignRequest.Kind.SOLANA_MESSAGE) {
      throw new ChainException(ChainError.of(ErrorKind.UNSUPPORTED, chain, "request.kind: the Solana inspector does not read " + request.kind()));
    }
    if (!chain.family().map(f -> f == ChainFamily.SVM).orElse(false)) {
      throw invalid(chain, "request.account: " + chain + " is not a Solana chain");
    }
    Message m;
    try {
      m = Message.deserialize(request.payload());
    } catch (CairnException e) {
      throw invalid(chain, "payload: " + e.getMessage());
    }
    Pubkey signer;
    try {
      signer = Pubkey.fromBase58("request.account", account.address());
    } catch (CairnException e) {
      throw invalid(chain, e.getMessage());
    }
    if (!m.signers().contains(signer)) {
      throw invalid(chain, "request.account: " + signer + " is not a required signer of the message");
    }
    MessageSummary s = inspect(m, Collections.emptyList());
    return toSummary(s, chain, account);
  }

  private static ChainException invalid(ChainId chain, String message) {
    return new ChainException(ChainError.of(ErrorKind.INVALID_INPUT, chain, message));
  }

  /** The chain-neutral summary of {@code s} for {@code signer} on {@code chain}. */
  static TransactionSummary toSummary(MessageSummary s, ChainId chain, AccountId signer) {
    TransactionSummary.Builder b = TransactionSummary.builder(SignRequest.Kind.SOLANA_MESSAGE, chain)
        .signer(signer)
        .feePayer(AccountId.of(chain, s.feePayer().toBase58()))
        .feeLimit(Amount.of(s.maxFeeLamports(), Denomination.SOL));
    for (InspectedInstruction ix : s.instructions()) {
      AccountId program = AccountId.of(chain, ix.programId().toBase58());
      switch (ix.kind()) {
        case COMPUTE_BUDGET:
          continue;
        case SOL_TRANSFER:
          if (ix.from().isPresent() && ix.to().isPresent()) {
            b.action(Action.nativeTransfer(id(chain, ix.from().get()), id(chain, ix.to().get()), Amount.of(ix.amount().get(), Denomination.SOL)));
            continue;
          }
          break;
        case TOKEN_TRANSFER:
          if (ix.mint().isPresent() && ix.authority().isPresent() && ix.to().isPresent()) {
            b.action(Action.tokenTransfer(id(chain, ix.mint().get()), id(chain, ix.authority().get()), id(chain, ix.to().get()), ix.amount().get()));
            continue;
          }
          break;
        case TOKEN_APPROVAL:
          if (ix.mint().isPresent() && ix.authority().isPresent() && ix.to().isPresent()) {
            b.action(Action.tokenApproval(id(chain, ix.mint().get()), id(chain, ix.authority().get()), id(chain, ix.to().get()), ix.amount().get()));
            continue;
          }
          break;
        default:
          break;
      }
      Pubkey caller = ix.authority().orElse(s.feePayer());
      b.action(Action.call(id(chain, caller), program, ix.name(), Collections.emptyList()));
    }
    return b.build();
  }

  private static AccountId id(ChainId chain, Pubkey k) {
    return AccountId.of(chain, k.toBase58());
  }

  /**
   * The Solana-specific summary of {@code message}. With {@code tables} (those the message's
   * lookups refer to), accounts loaded through them are resolved; without (an empty list), they are
   * unknown and {@link MessageSummary#hasUnresolvedLookups()} says so.
   *
   * @throws SvmException INVALID_INPUT when a supplied table is too short for an index
   */
  public static MessageSummary inspect(Message message, List<AddressLookupTable> tables) {
    return inspect(message, tables, Collections.emptyList());
  }

  /**
   * As {@link #inspect(Message, List)}, naming the instructions of programs with an IDL (by their
   * address): such an instruction is a {@link InspectedInstruction.Kind#CALL} with the IDL's
   * instruction name (program name: the IDL's), instead of an unknown one.
   */
  public static MessageSummary inspect(Message message, List<AddressLookupTable> tables, java.util.Collection<Idl> idls) {
    if (message == null) {
      throw new SvmException(SvmException.Reason.INVALID_INPUT, "message: is null");
    }
    List<Pubkey> keys;
    boolean unresolved = false;
    if (message.addressTableLookups().isEmpty()) {
      keys = message.staticAccountKeys();
    } else if (tables != null && !tables.isEmpty() && allGiven(message, tables)) {
      keys = message.accountKeys(tables);
    } else {
      keys = message.staticAccountKeys();
      unresolved = true;
    }
    List<InspectedInstruction> out = new ArrayList<>();
    LinkedHashSet<Pubkey> programs = new LinkedHashSet<>();
    Long limit = null;
    Long price = null;
    int nonBudget = 0;
    Pubkey nonceAccount = null;
    Pubkey nonceAuthority = null;
    List<CompiledInstruction> ixs = message.instructions();
    for (int i = 0; i < ixs.size(); i++) {
      CompiledInstruction c = ixs.get(i);
      Pubkey program = keys.get(c.programIdIndex()); // program ids are always static
      programs.add(program);
      Pubkey[] accts = new Pubkey[c.accountCount()];
      for (int k = 0; k < accts.length; k++) {
        int a = c.accountIndex(k);
        accts[k] = a < keys.size() ? keys.get(a) : null;
      }
      byte[] data = c.data();
      InspectedInstruction ix = instruction(i, program, accts, data);
      if (ix.kind() == InspectedInstruction.Kind.UNKNOWN && idls != null) {
        for (Idl idl : idls) {
          if (idl != null && idl.address().isPresent() && idl.address().get().equals(program)) {
            java.util.Optional<String> name = idl.instructionName(data);
            if (name.isPresent()) {
              ix = call(i, program, idl.name(), name.get(), null);
            }
          }
        }
      }
      if (ix.kind() == InspectedInstruction.Kind.COMPUTE_BUDGET) {
        if (ix.name().equals("setComputeUnitLimit")) {
          limit = limit == null ? ix.amount().get().longValue() : Math.max(limit, ix.amount().get().longValue());
        } else if (ix.name().equals("setComputeUnitPrice")) {
          long p = ix.amount().get().longValue();
          price = price == null || Long.compareUnsigned(p, price) > 0 ? p : price;
        }
      } else {
        nonBudget++;
      }
      if (i == 0 && ix.kind() == InspectedInstruction.Kind.NONCE_ADVANCE) {
        nonceAccount = accts.length > 0 ? accts[0] : null;
        nonceAuthority = accts.length > 2 ? accts[2] : null;
      }
      out.add(ix);
    }
    long effective = limit != null ? Math.min(limit, MAX_UNITS) : Math.min(MAX_UNITS, DEFAULT_UNITS_PER_INSTRUCTION * nonBudget);
    return new MessageSummary(message.version(), message.feePayer(), message.signers(), Collections.unmodifiableList(out),
        Collections.unmodifiableList(new ArrayList<>(programs)), limit, effective, price, nonceAccount, nonceAuthority, unresolved);
  }

  private static boolean allGiven(Message m, List<AddressLookupTable> tables) {
    for (dev.cairn.svm.tx.AddressTableLookup l : m.addressTableLookups()) {
      boolean found = false;
      for (AddressLookupTable t : tables) {
        found |= t != null && t.key().equals(l.tableKey());
      }
      if (!found) {
        return false;
      }
    }
    return true;
  }

  // ------------------------------------------------------------------ instruction parsing

  private static final class Data {
    final byte[] b;
    int pos;

    Data(byte[] b, int pos) {
      this.b = b;
      this.pos = pos;
    }

    boolean has(int n) {
      return b.length - pos >= n;
    }

    long le(int n) {
      long v = 0;
      for (int i = 0; i < n; i++) {
        v |= (long) (b[pos + i] & 0xff) << (8 * i);
      }
      pos += n;
      return v;
    }
  }

  private static BigInteger u64(long v) {
    return v >= 0 ? BigInteger.valueOf(v) : new BigInteger(Long.toUnsignedString(v));
  }

  private static Pubkey acct(Pubkey[] a, int i) {
    return i < a.length ? a[i] : null;
  }

  private static String unknownName(byte[] data) {
    return data.length == 0 ? "(no data)" : Hex.encode(data, 0, Math.min(8, data.length));
  }

  static InspectedInstruction instruction(int index, Pubkey program, Pubkey[] a, byte[] data) {
    if (program.equals(SystemProgram.PROGRAM_ID)) {
      return system(index, program, a, data);
    }
    if (program.equals(TokenProgram.TOKEN_PROGRAM_ID) || program.equals(TokenProgram.TOKEN_2022_PROGRAM_ID)) {
      return token(index, program, program.equals(TokenProgram.TOKEN_PROGRAM_ID) ? "spl-token" : "spl-token-2022", a, data);
    }
    if (program.equals(ComputeBudgetProgram.PROGRAM_ID)) {
      return computeBudget(index, program, data);
    }
    if (program.equals(MemoProgram.PROGRAM_ID) || program.equals(MEMO_V1)) {
      return call(index, program, "spl-memo", "memo", null);
    }
    if (program.equals(AssociatedTokenProgram.PROGRAM_ID)) {
      int k = data.length == 0 ? 0 : data.length == 1 ? data[0] : -1;
      String[] names = {"create", "createIdempotent", "recoverNested"};
      return k >= 0 && k < 3 ? call(index, program, "spl-associated-token-account", names[k], acct(a, k == 2 ? 5 : 0))
          : unknown(index, program, "spl-associated-token-account", data);
    }
    if (program.equals(AddressLookupTableProgram.PROGRAM_ID)) {
      Data d = new Data(data, 0);
      if (d.has(4)) {
        long k = d.le(4);
        if (k < ALT.length) {
          return call(index, program, "address-lookup-table", ALT[(int) k], acct(a, 1));
        }
      }
      return unknown(index, program, "address-lookup-table", data);
    }
    return unknown(index, program, "unknown", data);
  }

  private static InspectedInstruction call(int index, Pubkey program, String programName, String name, Pubkey authority) {
    return new InspectedInstruction(index, program, programName, name, InspectedInstruction.Kind.CALL, null, null, authority, null, null, -1);
  }

  private static InspectedInstruction unknown(int index, Pubkey program, String programName, byte[] data) {
    return new InspectedInstruction(index, program, programName, unknownName(data), InspectedInstruction.Kind.UNKNOWN, null, null,
        null, null, null, -1);
  }

  private static InspectedInstruction system(int index, Pubkey p, Pubkey[] a, byte[] data) {
    Data d = new Data(data, 0);
    if (!d.has(4)) {
      return unknown(index, p, "system", data);
    }
    long k = d.le(4);
    if (k >= SYSTEM.length) {
      return unknown(index, p, "system", data);
    }
    String name = SYSTEM[(int) k];
    InspectedInstruction.Kind sol = InspectedInstruction.Kind.SOL_TRANSFER;
    switch ((int) k) {
      case 0: // createAccount: lamports, space, owner
        if (d.has(48) && a.length >= 2) {
          return new InspectedInstruction(index, p, "system", name, sol, a[0], a[1], a[0], null, u64(d.le(8)), -1);
        }
        break;
      case 2: // transfer
        if (data.length == 12 && a.length >= 2) {
          return new InspectedInstruction(index, p, "system", name, sol, a[0], a[1], a[0], null, u64(d.le(8)), -1);
        }
        break;
      case 3: { // createAccountWithSeed: base, seed (u64 len), lamports, space, owner
        if (d.has(40) && a.length >= 2) {
          d.pos += 32;
          long len = d.le(8);
          if (len >= 0 && len <= 32 && d.has((int) len + 48)) {
            d.pos += (int) len;
            return new InspectedInstruction(index, p, "system", name, sol, a[0], a[1], a[0], null, u64(d.le(8)), -1);
          }
        }
        break;
      }
      case 4: // advanceNonceAccount
        if (data.length == 4) {
          return new InspectedInstruction(index, p, "system", name, InspectedInstruction.Kind.NONCE_ADVANCE, acct(a, 0), null,
              acct(a, 2), null, null, -1);
        }
        break;
      case 5: // withdrawNonceAccount
        if (data.length == 12 && a.length >= 5) {
          return new InspectedInstruction(index, p, "system", name, sol, a[0], a[1], a[4], null, u64(d.le(8)), -1);
        }
        break;
      case 11: // transferWithSeed: lamports, seed, owner
        if (d.has(8) && a.length >= 3) {
          return new InspectedInstruction(index, p, "system", name, sol, a[0], a[2], a[1], null, u64(d.le(8)), -1);
        }
        break;
      default:
        return call(index, p, "system", name, null);
    }
    return unknown(index, p, "system", data);
  }

  private static InspectedInstruction token(int index, Pubkey p, String prog, Pubkey[] a, byte[] data) {
    if (data.length == 0) {
      return unknown(index, p, prog, data);
    }
    int k = data[0] & 0xff;
    if (k >= TOKEN.length) {
      return unknown(index, p, prog, data);
    }
    String name = TOKEN[k];
    Data d = new Data(data, 1);
    switch (k) {
      case 3: // transfer: source, destination, owner
        if (data.length == 9 && a.length >= 3) {
          return new InspectedInstruction(index, p, prog, name, InspectedInstruction.Kind.TOKEN_TRANSFER, a[0], a[1], a[2], null, u64(d.le(8)), -1);
        }
        break;
      case 12: // transferChecked: source, mint, destination, owner
        if (data.length == 10 && a.length >= 4) {
          BigInteger amt = u64(d.le(8));
          return new InspectedInstruction(index, p, prog, name, InspectedInstruction.Kind.TOKEN_TRANSFER, a[0], a[2], a[3], a[1], amt,
              data[9] & 0xff);
        }
        break;
      case 4: // approve: source, delegate, owner
        if (data.length == 9 && a.length >= 3) {
          return new InspectedInstruction(index, p, prog, name, InspectedInstruction.Kind.TOKEN_APPROVAL, a[0], a[1], a[2], null, u64(d.le(8)), -1);
        }
        break;
      case 13: // approveChecked: source, mint, delegate, owner
        if (data.length == 10 && a.length >= 4) {
          BigInteger amt = u64(d.le(8));
          return new InspectedInstruction(index, p, prog, name, InspectedInstruction.Kind.TOKEN_APPROVAL, a[0], a[2], a[3], a[1], amt,
              data[9] & 0xff);
        }
        break;
      case 7: // mintTo: mint, destination, authority
      case 14:
        if (data.length >= 9 && a.length >= 3) {
          BigInteger amt = u64(d.le(8));
          return new InspectedInstruction(index, p, prog, name, InspectedInstruction.Kind.CALL, null, a[1], a[2], a[0], amt,
              k == 14 && data.length == 10 ? data[9] & 0xff : -1);
        }
        break;
      case 8: // burn: account, mint, owner
      case 15:
        if (data.length >= 9 && a.length >= 3) {
          BigInteger amt = u64(d.le(8));
          return new InspectedInstruction(index, p, prog, name, InspectedInstruction.Kind.CALL, a[0], null, a[2], a[1], amt,
              k == 15 && data.length == 10 ? data[9] & 0xff : -1);
        }
        break;
      case 5: // revoke: account, owner
        return call(index, p, prog, name, acct(a, 1));
      case 9: // closeAccount: account, destination, owner
        return call(index, p, prog, name, acct(a, 2));
      case 6: // setAuthority: account, current authority
        return call(index, p, prog, name, acct(a, 1));
      default:
        return call(index, p, prog, name, null);
    }
    return unknown(index, p, prog, data);
  }

  private static InspectedInstruction computeBudget(int index, Pubkey p, byte[] data) {
    if (data.length == 0) {
      return unknown(index, p, "compute-budget", data);
    }
    int k = data[0] & 0xff;
    Data d = new Data(data, 1);
    InspectedInstruction.Kind cb = InspectedInstruction.Kind.COMPUTE_BUDGET;
    if ((k == 1 || k == 2 || k == 4) && data.length == 5) {
      return new InspectedInstruction(index, p, "compute-budget", COMPUTE[k], cb, null, null, null, null, BigInteger.valueOf(d.le(4)), -1);
    }
    if (k == 3 && data.length == 9) {
      return new InspectedInstruction(index, p, "compute-budget", COMPUTE[k], cb, null, null, null, null, u64(d.le(8)), -1);
    }
    return unknown(index, p, "compute-budget", data);
  }
}

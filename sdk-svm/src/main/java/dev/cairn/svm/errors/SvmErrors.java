package dev.cairn.svm.errors;

import dev.cairn.core.chain.ChainError;
import dev.cairn.core.chain.ChainErrors;
import dev.cairn.core.chain.ChainId;
import dev.cairn.core.chain.ErrorKind;
import dev.cairn.svm.Pubkey;
import dev.cairn.svm.programs.AssociatedTokenProgram;
import dev.cairn.svm.programs.SystemProgram;
import dev.cairn.svm.programs.TokenProgram;
import dev.cairn.svm.tx.CompiledInstruction;
import dev.cairn.svm.tx.Message;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Maps Solana transaction errors into the sdk-core taxonomy ({@link ChainError}, {@link ErrorKind}),
 * keeping the native detail: {@code BlockhashNotFound} is {@link ErrorKind#EXPIRED}, {@code
 * InsufficientFundsForFee}/{@code InsufficientFundsForRent} {@link ErrorKind#INSUFFICIENT_FUNDS},
 * {@code AlreadyProcessed} {@link ErrorKind#REJECTED_BY_NODE}, an instruction's {@code
 * ComputationalBudgetExceeded} (or {@code ProgramFailedToComplete} with "exceeded CUs meter" in the
 * logs) {@link ErrorKind#OUT_OF_GAS}, a program's {@code Custom(n)} {@link ErrorKind#REVERTED}
 * unless a {@link ProgramErrorDecoder} knows better (the System program's 1 and the Token programs'
 * 1 are {@link ErrorKind#INSUFFICIENT_FUNDS}). The classification itself is sdk-core's ({@link
 * ChainErrors}); this class supplies the program tables and finds the failing program.
 *
 * <p>The native detail kept: {@link ChainError#nativeCode()} is e.g. {@code
 * InstructionError:0:Custom:1} or {@code InsufficientFundsForRent:account_index=1}, {@link
 * ChainError#nativeMessage()} the program logs, {@link ChainError#revertReason()} the decoded
 * error's name (e.g. {@code InsufficientFunds}) or the instruction error's variant.
 *
 * <p>Immutable and thread-safe; {@link #with} returns a new instance, e.g. with a program's Anchor
 * IDL errors.
 *
 * <pre>{@code
 * SvmErrors errors = SvmErrors.standard().with(myIdlDecoder);
 * ChainError ce = errors.toChainError(cluster, TransactionError.parse(errJson), message, logs, signature);
 * if (ce.kind() == ErrorKind.INSUFFICIENT_FUNDS) { ... }
 * }</pre>
 */
public final class SvmErrors {
  private static final SvmErrors STANDARD = new SvmErrors(List.of(StandardPrograms.DECODER));
  private static final SvmErrors NONE = new SvmErrors(List.of());
  private static final String CUSTOM_MARK = " failed: custom program error: 0x";

  private final List<ProgramErrorDecoder> decoders;

  private SvmErrors(List<ProgramErrorDecoder> decoders) {
    this.decoders = decoders;
  }

  /** The built-in tables: System, Token, Token-2022 and Associated Token programs. */
  public static SvmErrors standard() {
    return STANDARD;
  }

  /** No program tables: every custom code is {@link ErrorKind#REVERTED} without a name. */
  public static SvmErrors none() {
    return NONE;
  }

  /** These mappings with {@code decoder} consulted first (e.g. a program's IDL errors). */
  public SvmErrors with(ProgramErrorDecoder decoder) {
    Objects.requireNonNull(decoder, "decoder");
    List<ProgramErrorDecoder> d = new ArrayList<>(decoders.size() + 1);
    d.add(decoder);
    d.addAll(decoders);
    return new SvmErrors(Collections.unmodifiableList(d));
  }

  /** What {@code code} of {@code programId} means, from the first decoder that knows it. */
  public Optional<ProgramError> decode(Pubkey programId, long code) {
    Objects.requireNonNull(programId, "programId");
    for (ProgramErrorDecoder d : decoders) {
      Optional<ProgramError> e;
      try {
        e = d.decode(programId, code);
      } catch (RuntimeException ex) {
        continue; // a broken decoder must not hide the error being reported
      }
      if (e != null && e.isPresent()) {
        return e;
      }
    }
    return Optional.empty();
  }

  /** The kind mapping sdk-core's {@link ChainErrors} takes (program id in base58). */
  public ChainErrors.ProgramErrorMapping asProgramErrorMapping() {
    return (programId, code) -> {
      if (programId == null) {
        return null;
      }
      Pubkey p;
      try {
        p = Pubkey.fromBase58(programId);
      } catch (RuntimeException e) {
        return null;
      }
      return decode(p, code).flatMap(ProgramError::kind).orElse(null);
    };
  }

  /**
   * The error as a {@link ChainError}.
   *
   * @param chainId the cluster, or {@code null}
   * @param error the transaction error
   * @param message the transaction's message, to find the failing instruction's program, or {@code null}
   * @param logs the program logs, or {@code null}
   * @param signature the transaction signature (base58), or {@code null}
   */
  public ChainError toChainError(ChainId chainId, TransactionError error, Message message, List<String> logs,
      String signature) {
    Objects.requireNonNull(error, "error");
    String joined = logs == null || logs.isEmpty() ? null : String.join("\n", logs);
    if (error.isInstructionError()) {
      int index = error.instructionIndex().orElse(0);
      String inner = error.instructionError().orElse("");
      if (error.customCode().isPresent()) {
        long code = error.customCode().getAsLong();
        Pubkey program = failingProgram(logs, code);
        if (program == null) {
          program = instructionProgram(message, index);
        }
        String programId = program == null ? null : program.toBase58();
        ChainError base = ChainErrors.svmCustomProgramError(chainId, index, programId, code, joined, signature,
            asProgramErrorMapping());
        Optional<ProgramError> decoded = program == null ? Optional.empty() : decode(program, code);
        if (decoded.isEmpty()) {
          return base;
        }
        ProgramError pe = decoded.get();
        return ChainError.builder(base.kind(), chainId, "instruction " + index + " failed: " + pe.name() + ": "
                + pe.message() + " (custom program error 0x" + Long.toHexString(code) + ", program " + programId + ")")
            .nativeCode(base.nativeCode().orElse(null))
            .nativeMessage(joined)
            .revertReason(pe.name())
            .transactionId(signature)
            .build();
      }
      ChainError base = ChainErrors.svmInstructionError(chainId, index, inner, joined, signature);
      if (error.detail().isEmpty()) {
        return base;
      }
      return ChainError.builder(base.kind(), chainId, base.message() + ": " + error.detail().get())
          .nativeCode(base.nativeCode().orElse(null)).nativeMessage(joined).revertReason(inner)
          .transactionId(signature).build();
    }
    ChainError base = ChainErrors.svmTransactionError(chainId, error.variant(), joined, signature);
    if (error.accountIndex().isPresent()) {
      int account = error.accountIndex().getAsInt();
      String key = accountKey(message, account);
      return ChainError.builder(base.kind(), chainId, base.message() + " (account " + account
              + (key == null ? "" : " " + key) + ")")
          .nativeCode(error.variant() + ":account_index=" + account)
          .nativeMessage(joined).transactionId(signature).build();
    }
    if (error.instructionIndex().isPresent()) {
      return ChainError.builder(base.kind(), chainId, base.message() + " (instruction " + error.instructionIndex().getAsInt() + ")")
          .nativeCode(error.variant() + ":" + error.instructionIndex().getAsInt())
          .nativeMessage(joined).transactionId(signature).build();
    }
    return base;
  }

  /** As {@link #toChainError(ChainId, TransactionError, Message, List, String)} with the standard tables. */
  public static ChainError classify(ChainId chainId, TransactionError error, Message message, List<String> logs,
      String signature) {
    return STANDARD.toChainError(chainId, error, message, logs, signature);
  }

  // the program that raised the code: the first "Program <id> failed: custom program error: 0x<code>" line
  private static Pubkey failingProgram(List<String> logs, long code) {
    if (logs == null) {
      return null;
    }
    String tail = CUSTOM_MARK + Long.toHexString(code);
    for (String line : logs) {
      if (line != null && line.startsWith("Program ") && line.endsWith(tail)) {
        String id = line.substring("Program ".length(), line.length() - tail.length());
        if (id.length() >= 32 && id.length() <= 44) {
          try {
            return Pubkey.fromBase58(id);
          } catch (RuntimeException e) {
            return null;
          }
        }
      }
    }
    return null;
  }

  private static Pubkey instructionProgram(Message message, int index) {
    if (message == null || index < 0 || index >= message.instructions().size()) {
      return null;
    }
    CompiledInstruction ix = message.instructions().get(index);
    List<Pubkey> keys = message.staticAccountKeys();
    return ix.programIdIndex() < keys.size() ? keys.get(ix.programIdIndex()) : null;
  }

  private static String accountKey(Message message, int index) {
    if (message == null || index < 0 || index >= message.staticAccountKeys().size()) {
      return null;
    }
    return message.staticAccountKeys().get(index).toBase58();
  }

  @Override
  public String toString() {
    return "SvmErrors[" + decoders.size() + " decoders]";
  }

  /** The built-in program error tables. */
  static final class StandardPrograms {
    private StandardPrograms() {}

    // solana_program::system_instruction::SystemError
    private static final String[][] SYSTEM = {
        {"AccountAlreadyInUse", "an account with the same address already exists"},
        {"ResultWithNegativeLamports", "account does not have enough SOL to perform the operation"},
        {"InvalidProgramId", "cannot assign account to this program id"},
        {"InvalidAccountDataLength", "cannot allocate account data of this length"},
        {"MaxSeedLengthExceeded", "length of requested seed is too long"},
        {"AddressWithSeedMismatch", "provided address does not match addressed derived from seed"},
        {"NonceNoRecentBlockhashes", "advancing stored nonce requires a populated RecentBlockhashes sysvar"},
        {"NonceBlockhashNotExpired", "stored nonce is still in recent_blockhashes"},
        {"NonceUnexpectedBlockhashValue", "specified nonce does not match stored nonce"},
    };
    // spl_token::error::TokenError (Token-2022 shares 0..19 and adds more)
    private static final String[][] TOKEN = {
        {"NotRentExempt", "lamport balance below rent-exempt threshold"},
        {"InsufficientFunds", "insufficient funds"},
        {"InvalidMint", "invalid mint"},
        {"MintMismatch", "account not associated with this mint"},
        {"OwnerMismatch", "owner does not match"},
        {"FixedSupply", "fixed supply"},
        {"AlreadyInUse", "already in use"},
        {"InvalidNumberOfProvidedSigners", "invalid number of provided signers"},
        {"InvalidNumberOfRequiredSigners", "invalid number of required signers"},
        {"UninitializedState", "state is uninitialized"},
        {"NativeNotSupported", "instruction does not support native tokens"},
        {"NonNativeHasBalance", "non-native account can only be closed if its balance is zero"},
        {"InvalidInstruction", "invalid instruction"},
        {"InvalidState", "state is invalid for requested operation"},
        {"Overflow", "operation overflowed"},
        {"AuthorityTypeNotSupported", "account does not support specified authority type"},
        {"MintCannotFreeze", "this token mint cannot freeze accounts"},
        {"AccountFrozen", "account is frozen"},
        {"MintDecimalsMismatch", "the provided decimals value different from the mint decimals"},
        {"NonNativeNotSupported", "instruction does not support non-native tokens"},
    };
    private static final String[][] TOKEN_2022_EXTRA = {
        {"ExtensionTypeMismatch", "extension type does not match already existing extensions"},
        {"ExtensionBaseMismatch", "extension does not match the base type provided"},
        {"ExtensionAlreadyInitialized", "extension already initialized on this account"},
        {"ConfidentialTransferAccountHasBalance", "an account can only be closed if its confidential balance is zero"},
        {"ConfidentialTransferAccountNotApproved", "account not approved for confidential transfers"},
        {"ConfidentialTransferDepositsAndTransfersDisabled", "account not accepting deposits or transfers"},
        {"ConfidentialTransferElGamalPubkeyMismatch", "ElGamal public key mismatch"},
        {"ConfidentialTransferBalanceMismatch", "balance mismatch"},
        {"MintHasSupply", "mint has non-zero supply; the supply must be zero to initialize this extension"},
        {"NoAuthorityExists", "no authority exists to perform the desired operation"},
        {"TransferFeeExceedsMaximum", "transfer fee exceeds maximum of 10,000 basis points"},
        {"MintRequiredForTransfer", "mint required for this account to transfer tokens, use transferChecked"},
        {"FeeMismatch", "calculated fee does not match expected fee"},
        {"FeeParametersMismatch", "fee parameters associated with zero-knowledge proofs do not match fee parameters in mint"},
        {"ImmutableOwner", "the owner authority cannot be changed"},
        {"AccountHasWithheldTransferFees", "an account can only be closed if its withheld fee balance is zero"},
        {"NoMemo", "no memo in previous instruction; required for recipient to receive a transfer"},
        {"NonTransferable", "transfer is disabled for this mint"},
        {"NonTransferableNeedsImmutableOwnership", "non-transferable tokens can't be minted to an account without immutable ownership"},
    };
    private static final String[][] ATA = {
        {"InvalidOwner", "associated token account owner does not match address derivation"},
    };

    static final ProgramErrorDecoder DECODER = (program, code) -> {
      if (program.equals(SystemProgram.PROGRAM_ID)) {
        return table(SYSTEM, null, code, code == 1 ? ErrorKind.INSUFFICIENT_FUNDS : null);
      }
      if (program.equals(TokenProgram.TOKEN_PROGRAM_ID)) {
        return table(TOKEN, null, code, code == 1 ? ErrorKind.INSUFFICIENT_FUNDS : null);
      }
      if (program.equals(TokenProgram.TOKEN_2022_PROGRAM_ID)) {
        return table(TOKEN, TOKEN_2022_EXTRA, code, code == 1 ? ErrorKind.INSUFFICIENT_FUNDS : null);
      }
      if (program.equals(AssociatedTokenProgram.PROGRAM_ID)) {
        return table(ATA, null, code, null);
      }
      return Optional.empty();
    };

    private static Optional<ProgramError> table(String[][] base, String[][] extra, long code, ErrorKind kind) {
      if (code >= 0 && code < base.length) {
        return Optional.of(ProgramError.of(base[(int) code][0], base[(int) code][1], kind));
      }
      if (extra != null && code >= base.length && code < base.length + extra.length) {
        String[] e = extra[(int) code - base.length];
        return Optional.of(ProgramError.of(e[0], e[1], kind));
      }
      return Optional.empty();
    }
  }
}

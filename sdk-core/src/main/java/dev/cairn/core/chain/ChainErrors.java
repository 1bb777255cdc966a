package dev.cairn.core.chain;

import dev.cairn.core.CairnException;
import dev.cairn.core.signer.SignerException;
import java.io.IOException;
import java.util.Locale;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

/**
 * Maps each VM's native failures to {@link ChainError}s, keeping the native detail. Chain modules
 * call these so that the same failure is classified the same way everywhere; the table in {@code
 * docs/architecture.md} lists the mappings. Pure functions, thread-safe.
 */
public final class ChainErrors {
  /**
   * A chain module's mapping of program-specific error codes (Solana {@code Custom(n)} of a known
   * program, e.g. the System program's insufficient lamports) to a kind. sdk-core knows no program
   * ids; the Solana module supplies this.
   */
  @FunctionalInterface
  public interface ProgramErrorMapping {
    /**
     * The kind for {@code code} raised by {@code programId}, or {@code null} to keep the default
     * ({@link ErrorKind#REVERTED}).
     *
     * @param programId the failing program, or {@code null} if unknown
     */
    ErrorKind classify(String programId, long code);
  }

  private ChainErrors() {}

  // ---------------------------------------------------------------- EVM

  /**
   * Classifies an EVM JSON-RPC error ({@code eth_call}, {@code eth_estimateGas}, {@code
   * eth_sendRawTransaction}). Revert data in {@code data} is kept verbatim as native data; decoding
   * it into a reason is the EVM module's job (sdk-abi's {@code Reverts}).
   *
   * @param code the JSON-RPC error code
   * @param message the node's error message (may be {@code null})
   * @param data the error's {@code data} bytes (revert data), or {@code null}
   */
  public static ChainError evmRpcError(ChainId chainId, long code, String message, byte[] data) {
    String m = message == null ? "" : message.toLowerCase(Locale.ROOT);
    ErrorKind kind;
    if (code == 3 || m.contains("revert")) {
      kind = ErrorKind.REVERTED;
    } else if (m.contains("insufficient funds")) {
      kind = ErrorKind.INSUFFICIENT_FUNDS;
    } else if (m.contains("out of gas") || m.contains("gas required exceeds") || m.contains("intrinsic gas too low")) {
      kind = ErrorKind.OUT_OF_GAS;
    } else if (m.contains("nonce too low") || m.contains("nonce too high") || m.contains("invalid nonce")) {
      kind = ErrorKind.NONCE_MISMATCH;
    } else if (m.contains("already known") || m.contains("underpriced") || m.contains("fee cap")
        || m.contains("less than block base fee") || m.contains("exceeds block gas limit")
        || m.contains("txpool is full") || m.contains("invalid sender")) {
      kind = ErrorKind.REJECTED_BY_NODE;
    } else if (code == -32601) {
      kind = ErrorKind.UNSUPPORTED;
    } else if (code == -32602 || code == -32600) {
      kind = ErrorKind.INVALID_INPUT;
    } else if (code == -32005 || code == 429) {
      kind = ErrorKind.TRANSPORT;
    } else {
      kind = ErrorKind.UNKNOWN;
    }
    return ChainError.builder(kind, chainId, message == null || message.isEmpty() ? "JSON-RPC error " + code : message)
        .nativeCode(Long.toString(code))
        .nativeMessage(message)
        .nativeData(data)
        .build();
  }

  /**
   * An EVM transaction that was included with receipt status 0. The receipt does not say why;
   * pass the revert data if it was recovered by replaying the call, else {@code null}.
   */
  public static ChainError evmReceiptFailed(ChainId chainId, String txHash, byte[] revertData) {
    return ChainError.builder(ErrorKind.REVERTED, chainId, "transaction reverted")
        .nativeCode("receipt:status=0")
        .transactionId(txHash)
        .nativeData(revertData)
        .build();
  }

  // ---------------------------------------------------------------- SVM

  /**
   * Classifies a top-level Solana {@code TransactionError} (not {@code InstructionError}; see
   * {@link #svmInstructionError}).
   *
   * @param variant the variant name, e.g. {@code "BlockhashNotFound"}
   * @param logs program log lines joined with newlines, or {@code null}
   * @param signature the transaction signature (base58), or {@code null}
   */
  public static ChainError svmTransactionError(ChainId chainId, String variant, String logs, String signature) {
    String v = variant == null ? "" : variant;
    ErrorKind kind;
    switch (v) {
      case "BlockhashNotFound":
        kind = ErrorKind.EXPIRED;
        break;
      case "InsufficientFundsForFee":
      case "InsufficientFundsForRent":
      case "AccountNotFound":
        kind = ErrorKind.INSUFFICIENT_FUNDS;
        break;
      case "AlreadyProcessed":
      case "SignatureFailure":
      case "AccountInUse":
      case "TooManyAccountLocks":
      case "WouldExceedMaxBlockCostLimit":
      case "WouldExceedMaxAccountCostLimit":
      case "WouldExceedMaxVoteCostLimit":
      case "WouldExceedAccountDataBlockLimit":
      case "WouldExceedAccountDataTotalLimit":
        kind = ErrorKind.REJECTED_BY_NODE;
        break;
      case "SanitizeFailure":
      case "InvalidAccountForFee":
      case "InvalidAccountIndex":
      case "ProgramAccountNotFound":
      case "UnsupportedVersion":
        kind = ErrorKind.INVALID_INPUT;
        break;
      default:
        kind = ErrorKind.UNKNOWN;
    }
    return ChainError.builder(kind, chainId, "transaction error " + (v.isEmpty() ? "(unnamed)" : v))
        .nativeCode(v.isEmpty() ? null : v)
        .nativeMessage(logs)
        .transactionId(signature)
        .build();
  }

  /**
   * Classifies a Solana {@code InstructionError} other than {@code Custom} (see {@link
   * #svmCustomProgramError}): {@code ComputationalBudgetExceeded}, or a {@code
   * ProgramFailedToComplete} whose logs show the compute meter ran out, is {@link
   * ErrorKind#OUT_OF_GAS}; {@code InsufficientFunds} is {@link ErrorKind#INSUFFICIENT_FUNDS};
   * every other instruction error is a program failure, {@link ErrorKind#REVERTED}.
   */
  public static ChainError svmInstructionError(
      ChainId chainId, int instructionIndex, String variant, String logs, String signature) {
    String v = variant == null ? "" : variant;
    String l = logs == null ? "" : logs;
    ErrorKind kind;
    if (v.equals("ComputationalBudgetExceeded")
        || (v.equals("ProgramFailedToComplete") && l.contains("exceeded CUs meter"))) {
      kind = ErrorKind.OUT_OF_GAS;
    } else if (v.equals("InsufficientFunds")) {
      kind = ErrorKind.INSUFFICIENT_FUNDS;
    } else {
      kind = ErrorKind.REVERTED;
    }
    return ChainError.builder(kind, chainId, "instruction " + instructionIndex + " failed: " + v)
        .nativeCode("InstructionError:" + instructionIndex + ":" + v)
        .nativeMessage(logs)
        .revertReason(v.isEmpty() ? null : v)
        .transactionId(signature)
        .build();
  }

  /**
   * Classifies a Solana {@code InstructionError(index, Custom(code))}, a program-defined error, as
   * {@link ErrorKind#REVERTED}. Use {@link #svmCustomProgramError(ChainId, int, String, long,
   * String, String, ProgramErrorMapping)} to let the Solana module map known programs' codes.
   *
   * @param programId the failing program (base58), or {@code null} if unknown
   */
  public static ChainError svmCustomProgramError(
      ChainId chainId, int instructionIndex, String programId, long code, String logs, String signature) {
    return svmCustomProgramError(chainId, instructionIndex, programId, code, logs, signature, null);
  }

  /**
   * As {@link #svmCustomProgramError(ChainId, int, String, long, String, String)}, with the kind
   * taken from {@code mapping} when it knows the program's code.
   *
   * @param mapping program-specific classification supplied by the chain module, or {@code null}
   */
  public static ChainError svmCustomProgramError(ChainId chainId, int instructionIndex, String programId, long code,
      String logs, String signature, ProgramErrorMapping mapping) {
    ErrorKind mapped = mapping == null ? null : mapping.classify(programId, code);
    ErrorKind kind = mapped == null ? ErrorKind.REVERTED : mapped;
    String reason = "custom program error: 0x" + Long.toHexString(code);
    return ChainError.builder(kind, chainId, "instruction " + instructionIndex + " failed: " + reason
            + (programId == null ? "" : " (program " + programId + ")"))
        .nativeCode("InstructionError:" + instructionIndex + ":Custom:" + code)
        .nativeMessage(logs)
        .revertReason(reason)
        .transactionId(signature)
        .build();
  }

  // ---------------------------------------------------------------- Cosmos

  /**
   * Classifies a non-zero Cosmos ABCI result ({@code CheckTx} or {@code DeliverTx}/{@code
   * ExecTxResult}). Codespace {@code sdk}: 5 insufficient funds, 11 out of gas, 32 (and legacy 3)
   * sequence mismatch, 30 timeout height passed (EXPIRED), 4/13/19/20/21 node rejections, 7/10/12 invalid input; codespace {@code
   * wasm}: 2/4/5/9/11 contract failures (REVERTED, with the contract's message as the reason when
   * {@code rawLog} has the usual shape), 6 out of gas. Any other code is {@link ErrorKind#UNKNOWN},
   * with the code kept.
   *
   * @param codespace the ABCI codespace, e.g. {@code "sdk"} or {@code "wasm"}
   * @param code the ABCI code (non-zero)
   * @param rawLog the node's {@code raw_log}, or {@code null}
   * @param txHash the transaction hash, or {@code null}
   */
  public static ChainError cosmosAbci(ChainId chainId, String codespace, long code, String rawLog, String txHash) {
    String cs = codespace == null ? "" : codespace;
    ErrorKind kind = ErrorKind.UNKNOWN;
    String reason = null;
    if (cs.equals("sdk")) {
      switch ((int) Math.min(code, Integer.MAX_VALUE)) {
        case 5: kind = ErrorKind.INSUFFICIENT_FUNDS; break;
        case 11: kind = ErrorKind.OUT_OF_GAS; break;
        case 3:
        case 32: kind = ErrorKind.NONCE_MISMATCH; break;
        case 4:
        case 13:
        case 19:
        case 20:
        case 21: kind = ErrorKind.REJECTED_BY_NODE; break;
        case 30: kind = ErrorKind.EXPIRED; break;
        case 7:
        case 10:
        case 12: kind = ErrorKind.INVALID_INPUT; break;
        default: break;
      }
    } else if (cs.equals("wasm")) {
      if (code == 6) {
        kind = ErrorKind.OUT_OF_GAS;
      } else if (code == 2 || code == 4 || code == 5 || code == 9 || code == 11) {
        kind = ErrorKind.REVERTED;
        reason = wasmReason(rawLog);
      }
    }
    String message = rawLog == null || rawLog.isEmpty() ? "ABCI error " + cs + ":" + code : rawLog;
    return ChainError.builder(kind, chainId, message)
        .nativeCode(cs + ":" + code)
        .nativeMessage(rawLog)
        .revertReason(reason)
        .transactionId(txHash)
        .build();
  }

  /**
   * Extracts the contract's message from a wasmd log such as {@code "failed to execute message;
   * message index: 0: Unauthorized: execute wasm contract failed"}.
   */
  private static String wasmReason(String rawLog) {
    if (rawLog == null) {
      return null;
    }
    for (String s : new String[] {": execute wasm contract failed", ": instantiate wasm contract failed", ": query wasm contract failed",
        ": migrate wasm contract failed", ": create wasm contract failed"}) {
      if (rawLog.endsWith(s)) {
        int end = rawLog.length() - s.length();
        int start = 0;
        String marker = "message index: ";
        int m = rawLog.lastIndexOf(marker, end);
        if (m >= 0) {
          int colon = rawLog.indexOf(": ", m + marker.length());
          start = colon >= 0 && colon < end ? colon + 2 : m + marker.length();
        }
        String r = rawLog.substring(start, end).trim();
        return r.isEmpty() ? null : r;
      }
    }
    return null;
  }

  // ---------------------------------------------------------------- generic

  /**
   * The error kind for a signer's failure reason: REJECTED_BY_USER is {@link
   * ErrorKind#SIGNER_REJECTED}, DEVICE_UNAVAILABLE {@link ErrorKind#SIGNER_UNAVAILABLE},
   * POLICY_DENIED {@link ErrorKind#POLICY_DENIED}, UNSUPPORTED_REQUEST {@link ErrorKind#UNSUPPORTED},
   * INVALID_REQUEST {@link ErrorKind#INVALID_INPUT}, TIMEOUT {@link ErrorKind#TIMEOUT}; CANCELLED,
   * FAILED and {@code null} {@link ErrorKind#UNKNOWN}.
   */
  public static ErrorKind kindOf(SignerException.Reason reason) {
    if (reason == null) {
      return ErrorKind.UNKNOWN;
    }
    switch (reason) {
      case REJECTED_BY_USER: return ErrorKind.SIGNER_REJECTED;
      case DEVICE_UNAVAILABLE: return ErrorKind.SIGNER_UNAVAILABLE;
      case POLICY_DENIED: return ErrorKind.POLICY_DENIED;
      case UNSUPPORTED_REQUEST: return ErrorKind.UNSUPPORTED;
      case INVALID_REQUEST: return ErrorKind.INVALID_INPUT;
      case TIMEOUT: return ErrorKind.TIMEOUT;
      default: return ErrorKind.UNKNOWN;
    }
  }

  /**
   * The {@link ChainError} for any throwable a chain future may fail with: a {@link
   * ChainException}'s own error; a {@link TimeoutException} is {@link ErrorKind#TIMEOUT}; an
   * {@link IOException} {@link ErrorKind#TRANSPORT}; a {@link SignerException} by its reason;
   * anything else {@link ErrorKind#UNKNOWN}. Wrapping {@link CompletionException}s are removed.
   */
  public static ChainError fromThrowable(ChainId chainId, Throwable t) {
    while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
      t = t.getCause();
    }
    if (t instanceof ChainException) {
      return ((ChainException) t).error();
    }
    ErrorKind kind = ErrorKind.UNKNOWN;
    if (t instanceof TimeoutException) {
      kind = ErrorKind.TIMEOUT;
    } else if (t instanceof IOException) {
      kind = ErrorKind.TRANSPORT;
    } else if (t instanceof SignerException) {
      kind = kindOf(((SignerException) t).reason());
    }
    String text = t == null ? "unknown failure"
        : t instanceof CairnException ? t.getMessage()
        : t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
    return ChainError.builder(kind, chainId, text == null ? t.getClass().getSimpleName() : text)
        .nativeCode(t == null ? null : t.getClass().getName())
        .build();
  }
}

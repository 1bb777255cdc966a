package dev.cairn.core.chain;

import dev.cairn.core.CairnException;
import dev.cairn.core.signer.SignerException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

/**
 * Maps each VM's native failures to {@link ChainError}s, keeping the native detail. Chain modules
 * call these so that the same failure is classified the same way everywhere; the table in {@code
 * docs/architecture.md} lists the mappings. Pure functions, thread-safe.
 */
public final class ChainErrors {
  /** Selector of Solidity's {@code Error(string)}. */
  private static final int ERROR_STRING_SELECTOR = 0x08c379a0;
  /** Selector of Solidity's {@code Panic(uint256)}. */
  private static final int PANIC_SELECTOR = 0x4e487b71;

  /** The System program's id. */
  static final String SYSTEM_PROGRAM = "11111111111111111111111111111111";
  /** The SPL Token program's id. */
  static final String TOKEN_PROGRAM = "TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5DA";
  /** The SPL Token-2022 program's id. */
  static final String TOKEN_2022_PROGRAM = "TokenzQdBNbLqP5VEhdkAS6EPFLC1PHnBqCXEpPxuEb";

  private ChainErrors() {}

  // ---------------------------------------------------------------- EVM

  /**
   * Classifies an EVM JSON-RPC error ({@code eth_call}, {@code eth_estimateGas}, {@code
   * eth_sendRawTransaction}). Revert data in {@code data} is kept and, for {@code Error(string)}
   * and {@code Panic(uint256)}, decoded into the revert reason.
   *
   * @param code the JSON-RPC error code
   * @param message the node's error message (may be {@code null})
   * @param data the error's {@code data} bytes (revert data), or {@code null}
   */
  public static ChainError evmRpcError(ChainId chainId, long code, String message, byte[] data) {
    String m = message == null ? "" : message.toLowerCase(Locale.ROOT);
    boolean hasData = data != null && data.length > 0;
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
    String reason = hasData ? evmRevertReason(data).orElse(null) : null;
    return ChainError.builder(kind, chainId, message == null || message.isEmpty() ? "JSON-RPC error " + code : message)
        .nativeCode(Long.toString(code))
        .nativeMessage(message)
        .nativeData(data)
        .revertReason(reason)
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
        .revertReason(revertData == null ? null : evmRevertReason(revertData).orElse(null))
        .build();
  }

  /**
   * Decodes EVM revert data: {@code Error(string)} gives the string, {@code Panic(uint256)} a
   * description such as {@code "Panic(0x11): arithmetic overflow or underflow"}. Anything else
   * (custom errors, empty or malformed data) gives empty; decode custom errors with their ABI.
   * Never throws; bounds are checked, so hostile data cannot cause large allocations.
   */
  public static Optional<String> evmRevertReason(byte[] data) {
    if (data == null || data.length < 4) {
      return Optional.empty();
    }
    int selector = ((data[0] & 0xff) << 24) | ((data[1] & 0xff) << 16) | ((data[2] & 0xff) << 8) | (data[3] & 0xff);
    if (selector == ERROR_STRING_SELECTOR) {
      long offset = readWordAsLong(data, 4);
      if (offset < 0 || offset > data.length) {
        return Optional.empty();
      }
      long lenPos = 4 + offset;
      long length = readWordAsLong(data, lenPos);
      if (length < 0 || lenPos + 32 + length > data.length) {
        return Optional.empty();
      }
      return Optional.of(new String(data, (int) (lenPos + 32), (int) length, StandardCharsets.UTF_8));
    }
    if (selector == PANIC_SELECTOR) {
      if (data.length != 36) {
        return Optional.empty();
      }
      long code = readWordAsLong(data, 4);
      if (code < 0) {
        return Optional.of("Panic(out-of-range code)");
      }
      return Optional.of("Panic(0x" + Long.toHexString(code) + "): " + panicText(code));
    }
    return Optional.empty();
  }

  /** A 32-byte big-endian word at {@code pos} as a long, or -1 if it does not fit or is out of range. */
  private static long readWordAsLong(byte[] data, long pos) {
    if (pos < 0 || pos + 32 > data.length) {
      return -1;
    }
    int p = (int) pos;
    for (int i = 0; i < 24; i++) {
      if (data[p + i] != 0) {
        return -1;
      }
    }
    long v = 0;
    for (int i = 24; i < 32; i++) {
      v = (v << 8) | (data[p + i] & 0xff);
    }
    return v;
  }

  private static String panicText(long code) {
    switch ((int) code) {
      case 0x00: return "generic compiler panic";
      case 0x01: return "assertion failed";
      case 0x11: return "arithmetic overflow or underflow";
      case 0x12: return "division or modulo by zero";
      case 0x21: return "invalid enum conversion";
      case 0x22: return "invalid storage byte array encoding";
      case 0x31: return "pop on empty array";
      case 0x32: return "array index out of bounds";
      case 0x41: return "out of memory";
      case 0x51: return "call to zero-initialised function";
      default: return "unknown panic code";
    }
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
        kind = ErrorKind.BLOCKHASH_EXPIRED;
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
   * Classifies a Solana {@code InstructionError(index, Custom(code))}, a program-defined error.
   * It is {@link ErrorKind#REVERTED}, except the System program's {@code
   * ResultWithNegativeLamports} (1) and SPL Token's {@code InsufficientFunds} (1), which are
   * {@link ErrorKind#INSUFFICIENT_FUNDS}.
   *
   * @param programId the failing program (base58), or {@code null} if unknown
   */
  public static ChainError svmCustomProgramError(
      ChainId chainId, int instructionIndex, String programId, long code, String logs, String signature) {
    boolean lamports = SYSTEM_PROGRAM.equals(programId) && code == 1;
    boolean tokens = (TOKEN_PROGRAM.equals(programId) || TOKEN_2022_PROGRAM.equals(programId)) && code == 1;
    ErrorKind kind = lamports || tokens ? ErrorKind.INSUFFICIENT_FUNDS : ErrorKind.REVERTED;
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
   * sequence mismatch, 4/13/19/20/21/30 node rejections, 7/10/12 invalid input; codespace {@code
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
        case 21:
        case 30: kind = ErrorKind.REJECTED_BY_NODE; break;
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
      switch (((SignerException) t).reason()) {
        case UNSUPPORTED_REQUEST: kind = ErrorKind.UNSUPPORTED; break;
        case INVALID_REQUEST: kind = ErrorKind.INVALID_INPUT; break;
        case TIMEOUT: kind = ErrorKind.TIMEOUT; break;
        default: break;
      }
    }
    String text = t == null ? "unknown failure"
        : t instanceof CairnException ? t.getMessage()
        : t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
    return ChainError.builder(kind, chainId, text == null ? t.getClass().getSimpleName() : text)
        .nativeCode(t == null ? null : t.getClass().getName())
        .build();
  }
}

/**
 * Solana transaction errors: {@link dev.cairn.svm.errors.TransactionError} parses the JSON-RPC
 * forms ({@code "BlockhashNotFound"}, {@code {"InstructionError":[0,{"Custom":1}]}}, ...), {@link
 * dev.cairn.svm.errors.SvmErrors} maps them into the sdk-core taxonomy with the built-in program
 * error tables (System, Token, Token-2022, Associated Token) and any {@link
 * dev.cairn.svm.errors.ProgramErrorDecoder} plugged in (e.g. a program's Anchor IDL errors).
 * Offline: needs sdk-core only.
 *
 * <pre>{@code
 * ProgramErrorDecoder myProgram = ProgramErrorDecoder.forProgram(programId,
 *     (program, code) -> code == 6000
 *         ? Optional.of(ProgramError.of("Unauthorized", "signer is not the admin", null))
 *         : Optional.empty());
 * SvmErrors errors = SvmErrors.standard().with(myProgram);
 * ChainError e = errors.toChainError(cluster, TransactionError.parse("{\"InstructionError\":[1,{\"Custom\":1}]}"),
 *     message, logs, signature);
 * // e.kind() == INSUFFICIENT_FUNDS when instruction 1 is a Token transfer; e.revertReason() == "InsufficientFunds"
 * }</pre>
 */
package dev.cairn.svm.errors;

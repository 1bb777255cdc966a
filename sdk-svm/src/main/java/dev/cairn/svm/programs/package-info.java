/**
 * Instruction builders for the core programs: System (transfers, accounts, durable nonces), SPL
 * Token and Token-2022, Associated Token Account, Address Lookup Table, Compute Budget and Memo.
 * Byte layouts are checked against @solana/web3.js and @solana/spl-token.
 *
 * <pre>{@code
 * Pubkey from = AssociatedTokenProgram.address(owner, mint, TokenProgram.TOKEN_2022_PROGRAM_ID);
 * Pubkey to = AssociatedTokenProgram.address(recipient, mint, TokenProgram.TOKEN_2022_PROGRAM_ID);
 * List<Instruction> ixs = List.of(
 *     AssociatedTokenProgram.createIdempotent(owner, to, recipient, mint, TokenProgram.TOKEN_2022_PROGRAM_ID),
 *     TokenProgram.TOKEN_2022.transferChecked(from, mint, to, owner, 2_500_000L, 6),
 *     MemoProgram.memo("invoice 42", List.of(owner)));
 * }</pre>
 */
package dev.cairn.svm.programs;

/**
 * Solana keys and addresses: {@link dev.cairn.svm.Pubkey} (base58, the on-curve check, program
 * addresses, {@code createWithSeed}), {@link dev.cairn.svm.Keypair} (the 64-byte secret key and
 * the Solana CLI keypair file) and the module's exceptions ({@link dev.cairn.svm.SvmException},
 * {@link dev.cairn.svm.TransactionTooLargeException}; malformed input is sdk-core's {@code
 * DecodingException}).
 *
 * <pre>{@code
 * Keypair wallet = Keypair.fromJson(Files.readString(Path.of(System.getProperty("user.home"), ".config/solana/id.json")));
 * Pubkey program = Pubkey.fromBase58("Stake11111111111111111111111111111111111111");
 * ProgramAddress vault = Pubkey.findProgramAddress(
 *     List.of("vault".getBytes(StandardCharsets.UTF_8), wallet.publicKey().bytes()), program);
 * System.out.println(vault.address() + " bump " + vault.bump());
 * }</pre>
 */
package dev.cairn.svm;

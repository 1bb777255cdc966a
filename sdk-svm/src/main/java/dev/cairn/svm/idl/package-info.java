/**
 * Anchor IDLs (the 0.30+ format and the older one): instruction encoding with accounts resolved
 * from fixed addresses and PDA seeds, instruction, account and event decoding, and program errors
 * decoded through the IDL's error list and Anchor's framework codes — a program with an IDL is
 * called like a contract with an ABI. {@link dev.cairn.svm.idl.IdlErrorMapping} plugs the errors
 * into sdk-core's {@link dev.cairn.core.chain.ChainErrors.ProgramErrorMapping}.
 *
 * <pre>{@code
 * Idl idl = Idl.parse(Files.readString(Path.of("target/idl/vault.json")));
 * Instruction deposit = idl.encodeInstruction("deposit",
 *     Map.of("amount", BigInteger.valueOf(1_000_000)),
 *     Map.of("user", user));
 * Decoded call = idl.decodeInstruction(deposit.data());
 * String reason = idl.decodeError(6001).map(IdlError::toString).orElse("unknown error");
 * }</pre>
 */
package dev.cairn.svm.idl;

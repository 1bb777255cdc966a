/**
 * Borsh, the binary format of Solana programs: a type tree ({@link dev.cairn.svm.borsh.BorshType},
 * built by factories or parsed from a Rust-like type string once) whose nodes encode and decode
 * themselves, with values as plain Java types (u64 and wider as {@code BigInteger}, structs as
 * {@code Map}, enums as {@link dev.cairn.svm.borsh.BorshEnum}); and a strict reader and a writer
 * for hand-written codecs. Decoding is strict and bounded: every problem is a {@link
 * dev.cairn.core.encoding.DecodingException} naming the value path and offset.
 *
 * <pre>{@code
 * BorshType order = BorshType.parse("(u64, Vec<String>, Option<Pubkey>)");
 * byte[] bytes = order.encode(List.of(BigInteger.ONE, List.of("a", "b"), Optional.empty()));
 * List<?> back = (List<?>) order.decode(bytes);
 * }</pre>
 */
package dev.cairn.svm.borsh;

/**
 * Strict binary-to-text and wire encodings: hex, Base58(Check), Bech32/Bech32m and RLP. Decoders
 * accept canonical input only and throw {@link dev.cairn.core.encoding.DecodingException} naming
 * the offset.
 *
 * <pre>{@code
 * byte[] raw = Hex.decode("0xdeadbeef");                        // strict: DecodingException names the offset
 * String hex = Hex.encode(raw);                                 // "deadbeef"
 * byte[] decoded = Base58.decode(base58);
 * }</pre>
 */
package dev.cairn.core.encoding;

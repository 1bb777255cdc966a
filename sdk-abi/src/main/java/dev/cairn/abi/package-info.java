/**
 * The Solidity ABI: parsing of JSON and human-readable fragments, a strict fast codec (non-
 * canonical or hostile data throws {@link dev.cairn.core.encoding.DecodingException} with the
 * offset), {@code encodePacked}, events and topic filters, and revert decoding ({@code Error},
 * {@code Panic}, custom errors).
 *
 * <pre>{@code
 * Function transfer = Function.parse("function transfer(address to, uint256 amount) returns (bool)");
 * byte[] calldata = transfer.encodeCall(
 *     Address.parse("0x9858EfFD232B4033E47d90003D41EC34EcaEda94"), BigInteger.TEN.pow(18));
 * Tuple result = transfer.decodeReturn(returnData);             // strict: DecodingException with the offset
 * }</pre>
 */
package dev.cairn.abi;

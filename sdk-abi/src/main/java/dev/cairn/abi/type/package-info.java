/**
 * The ABI types ({@code uintN}, {@code address}, {@code bytes}, arrays, ...), as parsed by {@link
 * dev.cairn.abi.AbiTypes}; each encodes and decodes its Java value.
 *
 * <pre>{@code
 * IntType<?> uint256 = IntType.of(256, false);
 * dev.cairn.abi.AbiType<?> parsed = dev.cairn.abi.AbiTypes.parse("(address,uint256[])");
 * }</pre>
 */
package dev.cairn.abi.type;

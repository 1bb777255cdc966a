/**
 * EIP-712 typed structured data: parse {@code eth_signTypedData_v4} JSON and compute the digest a
 * signer signs.
 *
 * <pre>{@code
 * TypedData typed = TypedData.parseJson(typedDataJson);         // eth_signTypedData_v4 JSON
 * byte[] digest = typed.digest();                               // what the signer signs
 * }</pre>
 */
package dev.cairn.abi.eip712;

/**
 * A registry of contract ABIs by chain and address (with version history), to decode calls, logs
 * and reverts of known contracts.
 *
 * <pre>{@code
 * ContractRegistry registry = new ContractRegistry();
 * Address token = Address.parse("0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48");
 * registry.put(ChainId.parse("eip155:1"), token, tokenAbi);
 * var call = registry.decodeCall(ChainId.parse("eip155:1"), token, calldata); // Optional<DecodedCall>
 * }</pre>
 */
package dev.cairn.abi.registry;

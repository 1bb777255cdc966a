/**
 * Cosmos SDK and CosmWasm: the shared value types of sdk-cosmwasm. {@link dev.cairn.cosmos.CosmosAddress}
 * (Bech32 account, validator and contract addresses with a per-chain prefix; CosmWasm's
 * instantiate2 predictable address), {@link dev.cairn.cosmos.CosmosPublicKey} (secp256k1 and the
 * Ethermint/Injective eth_secp256k1 keys with their type URLs, address derivations and sign-document
 * hashes), {@link dev.cairn.cosmos.Coin} and the module's exception {@link
 * dev.cairn.cosmos.CosmosException}; malformed wire input is sdk-core's {@code DecodingException}.
 * Transactions are in {@code dev.cairn.cosmos.tx}, messages in {@code dev.cairn.cosmos.msg}.
 *
 * <pre>{@code
 * CosmosPublicKey key = CosmosPublicKey.of(CosmosPublicKey.Type.SECP256K1, signer.publicKey());
 * CosmosAddress me = key.address("osmo");                        // ripemd160(sha256(key))
 * CosmosAddress valoper = me.withPrefix("osmovaloper");
 * CosmosAddress parsed = CosmosAddress.parse(me.toString(), "osmo"); // WRONG_PREFIX otherwise
 * CosmosAddress contract = CosmosAddress.instantiate2(codeChecksum, me, new byte[] {1}, null, "osmo");
 * Coin fee = Coin.parse("uosmo", "5000");
 * System.out.println(fee); // 5000uosmo
 * }</pre>
 */
package dev.cairn.cosmos;

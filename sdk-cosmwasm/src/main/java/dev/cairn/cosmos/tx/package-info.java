/**
 * Cosmos SDK transactions, offline: {@link dev.cairn.cosmos.tx.CosmosTransaction} (an sdk-core
 * {@code UnsignedTransaction}: one sign request per signer, direct or amino JSON chosen per signer,
 * sha256 or keccak256 by key type) and its builder, the protobuf types {@link
 * dev.cairn.cosmos.tx.TxBody}, {@link dev.cairn.cosmos.tx.AuthInfo}, {@link
 * dev.cairn.cosmos.tx.SignerInfo}, {@link dev.cairn.cosmos.tx.ModeInfo}, {@link
 * dev.cairn.cosmos.tx.Fee} and {@link dev.cairn.cosmos.tx.TxRaw} (encode, decode with typed errors,
 * hash), and {@link dev.cairn.cosmos.tx.SignDocs} (the direct SignDoc and the amino StdSignDoc,
 * byte-identical with CosmJS).
 *
 * <pre>{@code
 * CosmosTransaction tx = CosmosTransaction.builder("osmosis-1")
 *     .message(MsgSend.of(from, to, List.of(Coin.of("uosmo", 1_000))))
 *     .fee(List.of(Coin.of("uosmo", 2_500)), 200_000)
 *     .memo("rent")
 *     .signer(TxSigner.of(key, "osmo", accountNumber, sequence, SignMode.DIRECT)) // or AMINO_JSON
 *     .build();
 * SignedCosmosTransaction signed = tx.sign(List.of(signer));
 * byte[] txRaw = signed.encoded();          // broadcast these bytes
 * String hash = signed.id();                // uppercase hex sha256 of the TxRaw
 * TxBody body = TxRaw.decode(txRaw).body(); // messages typed again
 * }</pre>
 */
package dev.cairn.cosmos.tx;

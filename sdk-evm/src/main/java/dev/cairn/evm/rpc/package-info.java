/**
 * Ethereum JSON-RPC: {@link dev.cairn.evm.rpc.EvmRpcClient} (the {@code eth_} methods and their
 * result types) over sdk-transport's chain-neutral {@link dev.cairn.transport.JsonRpcClient}.
 *
 * <p><b>Online use needs {@code dev.cairn:sdk-transport}.</b> sdk-evm depends on it optionally, so
 * that an application which only builds and signs offline (the {@code tx}, {@code sign}, {@code
 * trie} and contract-encoding packages) gets neither OkHttp nor Jackson; an application that talks
 * to a node adds {@code dev.cairn:sdk-transport} next to {@code dev.cairn:sdk-evm} (the BOM
 * manages both versions). Failures are {@link dev.cairn.transport.TransportException}s; {@link
 * dev.cairn.evm.rpc.RpcErrors} reads them the EVM way.
 *
 * <pre>{@code
 * try (EvmRpcClient rpc = EvmRpcClient.create("http://127.0.0.1:8545")) {
 *   long chainId = rpc.chainId().send();
 *   Hash32 hash = rpc.sendRawTransaction(signedTx).send();
 *   rpc.getTransactionReceipt(hash).sendAsync().thenAccept(r -> System.out.println(r));
 * }
 * }</pre>
 */
package dev.cairn.evm.rpc;

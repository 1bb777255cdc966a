/**
 * The chain adapter for Cosmos SDK chains ({@code cosmos:<chain-id>}): {@link
 * dev.cairn.cosmos.adapter.CosmosChainAdapter} implements sdk-core's {@code ChainAdapter} over the
 * REST client — transfers as {@code MsgSend}, contract calls as {@code MsgExecuteContract} with
 * funds, smart queries, account number and sequence from the chain, gas from simulation times a
 * multiplier, fees from a gas price, timeout heights (EXPIRED once passed), direct or amino JSON
 * signing per signer, and a sequenced {@code submit} for concurrent senders from one account.
 * Registered in a {@code ChainRegistry}, it is what {@code VmDispatcher} dispatches {@code cosmos:*}
 * calls to. Online: needs sdk-transport.
 *
 * <pre>{@code
 * try (CosmosChainAdapter cosmos = CosmosChainAdapter.builder("http://127.0.0.1:1317", "cosmoshub-4")
 *     .prefix("cosmos").denomination(Denomination.ATOM).gasPrice(GasPrice.parse("0.025uatom")).build()) {
 *   // a transfer: account number and sequence fetched, gas simulated x 1.3, timeout height latest + 100
 *   TransactionRequest send = TransactionRequest.transfer(cosmos.accountOf(signer), to,
 *       Amount.of(1_000, Denomination.ATOM)).withSigner(signer.descriptor());
 *   PendingTransaction sent = cosmos.build(send).thenCompose(tx -> cosmos.sign(tx, signer))
 *       .thenCompose(cosmos::send).get();
 *   TxReceipt receipt = cosmos.waitFor(sent, Finality.included(), Duration.ofSeconds(60)).get();
 *   // contracts through the VM dispatcher: invoke = MsgExecuteContract (with funds), query = smart query
 *   VmDispatcher vm = VmDispatcher.over(ChainRegistry.create().register(cosmos));
 *   CallResult<Void> done = vm.<Void>invoke(ContractCall.of(counter, CallPayload.cosmWasm("{\"increment\":{}}"),
 *       List.of(Amount.of(10, Denomination.ATOM))), signer, null).get();
 *   String count = vm.query(ContractCall.of(counter, CallPayload.cosmWasm("{\"get_count\":{}}"))).get().rawUtf8();
 *   // many threads, one account: sequences handed out in order, mismatches re-signed
 *   PendingTransaction next = cosmos.submit(send, signer).get();
 * }
 * }</pre>
 */
package dev.cairn.cosmos.adapter;

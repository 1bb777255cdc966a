/**
 * Local nodes for tests: a chain node (or node-like server) started as a child process on a free
 * loopback port, ready once it answers, stopped with its children on close and at JVM exit, its
 * output kept for failure messages.
 *
 * <ul>
 *   <li>{@link dev.cairn.testing.node.Anvil}: Foundry's anvil EVM node, with its funded dev
 *       accounts and a small node-control JSON-RPC client ({@code anvil_mine}, snapshots, ...).
 *   <li>{@link dev.cairn.testing.node.LiteSvm}: a Solana JSON-RPC node (HTTP and WebSocket) over
 *       LiteSVM, with real blockhash expiry and test control ({@code advanceSlots}, {@code
 *       dropTransactions}); {@link dev.cairn.testing.node.LiteSvmExtension} injects one per test class.
 *   <li>{@link dev.cairn.testing.node.NodeScriptServer}: a Node.js server script (e.g. a JSON-RPC
 *       server over an in-process chain simulator) that prints the port it listens on.
 *   <li>{@link dev.cairn.testing.node.NodeProcess}: any command, with a {@link
 *       dev.cairn.testing.node.PortDetector} and a {@link dev.cairn.testing.node.ReadinessProbe}.
 *   <li>{@link dev.cairn.testing.node.AnvilExtension} and its base {@link
 *       dev.cairn.testing.node.LocalNodeExtension}: a node per test class, injected as a parameter.
 * </ul>
 *
 * <p>A node that cannot run (binary missing, exits, never answers) fails the test with a {@link
 * dev.cairn.testing.node.NodeLaunchException} quoting the node's output; it never skips it.
 *
 * <pre>{@code
 * @ExtendWith(AnvilExtension.class)
 * class TransferIT {
 *   @Test
 *   void minesOnDemand(Anvil anvil) {
 *     long before = anvil.blockNumber();
 *     anvil.mine(3);
 *     assertEquals(before + 3, anvil.blockNumber());
 *     // point the client under test at anvil.url(); sign with Anvil.devKey(0)
 *   }
 * }
 *
 * // without JUnit, e.g. in a benchmark driver
 * try (Anvil anvil = Anvil.builder().args("--block-time", "1").start()) {
 *   System.out.println(anvil.url() + " " + anvil.chainId());
 * }
 * }</pre>
 */
package dev.cairn.testing.node;

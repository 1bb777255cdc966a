/**
 * Bridges to reference implementations for differential tests: a long-lived {@code node} child
 * process running a script that answers one JSON line per request line, in order (the protocol of
 * the project's {@code tools/oracle/*.mjs}, e.g. viem and ethers). Requests are pipelined and
 * matched to answers in order, each answer has a timeout, and a missing node, script or npm package
 * fails the test with the command that fixes it (never a skip).
 *
 * <p>The kit speaks plain strings (one JSON document per line); build and read them with the JSON
 * library of your tests.
 *
 * <pre>{@code
 * class ViemAgreesIT {
 *   static final LazyOracle VIEM = OracleScript.project("tx.mjs")   // tools/oracle/tx.mjs of the checkout
 *       .requirePackages("viem")
 *       .timeout(Duration.ofSeconds(30))
 *       .lazy();
 *
 *   @AfterAll
 *   static void stop() { VIEM.close(); }
 *
 *   @Test
 *   void personalSign() {
 *     List<String> answers = VIEM.get().callAll(List.of(
 *         "{\"op\":\"personal\",\"privateKey\":\"0x4c08...\",\"message\":\"0x68656c6c6f\"}"));
 *     // parse answers.get(0) and compare with the SDK's signature
 *   }
 * }
 *
 * // a script of your own
 * try (OracleProcess mine = OracleScript.of(Path.of("src/test/js/oracle.mjs")).requirePackages("ethers").start()) {
 *   String answer = mine.call("{\"op\":\"hash\",\"data\":\"0x\"}");
 * }
 * }</pre>
 */
package dev.cairn.testing.oracle;

/**
 * Conformance suites: abstract JUnit 5 test classes that every {@link dev.cairn.core.signer.Signer}
 * and every {@link dev.cairn.core.chain.ChainAdapter} implementation must pass. Extend one in your
 * test sources and supply what it asks for:
 *
 * <pre>{@code
 * class MySignerConformanceTest extends SignerConformance {
 *   protected Signer createSigner() { return Signers.software(Secp256k1PrivateKey.generate(new SecureRandom())); }
 * }
 *
 * class MyChainConformanceIT extends ChainAdapterConformance {
 *   protected ChainAdapter adapter() { return shared; }
 *   protected ChainAdapter newAdapter() { return EvmChainAdapter.connect(url); }
 *   protected Signer fundedSigner() { return devSigner; }
 *   protected AccountId recipient() { return bob; }
 *   protected Amount transferAmount() { return Amount.of(1000, Denomination.ETH); }
 *   protected String unknownTransactionId() { return "0x" + "11".repeat(32); }
 *   protected byte[] stateKey() { return new byte[32]; }
 * }
 * }</pre>
 *
 * {@link dev.cairn.testing.conformance.SampleRequests} gives well-formed sign requests of every kind.
 */
package dev.cairn.testing.conformance;

package dev.cairn.benchmarks.evm;

import dev.cairn.abi.Address;
import dev.cairn.benchmarks.Fixtures;
import dev.cairn.benchmarks.RotatingInputs;
import dev.cairn.core.crypto.Secp256k1;
import dev.cairn.core.crypto.Secp256k1PrivateKey;
import dev.cairn.evm.tx.Transaction;
import java.math.BigInteger;
import java.util.Arrays;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.TransactionEncoder;
import org.web3j.utils.Numeric;

/**
 * Build, sign and serialize an EIP-1559 ETH transfer: Cairn ({@code Transaction.eip1559()...
 * build().sign(key).encoded()}) against web3j 4.12.3 ({@code RawTransaction.createTransaction(...)}
 * then {@code TransactionEncoder.signMessage(raw, chainId, credentials)}). Each invocation takes
 * the next of {@link Fixtures#COUNT} keys and a different nonce, so no signature repeats.
 *
 * <p>{@code backend} selects Cairn's secp256k1 backend ({@code java} or {@code libsecp256k1}). JMH
 * forks a fresh JVM per parameter value and the setup sets {@code cairn.secp256k1.backend} before
 * anything touches {@link Secp256k1}, then fails if another backend got selected (run forked).
 * web3j does not depend on the parameter; it is measured in each fork so that every ratio compares
 * runs of the same JVM. The setup checks that both produce byte-identical raw transactions.
 */
public class TxSignBenchmark extends RotatingInputs {
  private static final long CHAIN_ID = 1;
  private static final String TO = "0x3535353535353535353535353535353535353535";
  private static final BigInteger VALUE = new BigInteger("1000000000000000000");
  private static final BigInteger MAX_FEE = BigInteger.valueOf(30_000_000_000L);
  private static final BigInteger TIP = BigInteger.valueOf(1_500_000_000L);
  private static final BigInteger GAS = BigInteger.valueOf(21_000);

  /** Cairn's secp256k1 backend for this fork. */
  @Param({"java", "libsecp256k1"})
  public String backend;

  private Secp256k1PrivateKey[] keys;
  private Credentials[] credentials;
  private Address to;
  private long nonce;
  private long web3jNonce;

  /** Selects the backend, builds the keys and checks Cairn against web3j on every fixture. */
  @Setup
  public void setUp() {
    System.setProperty(Secp256k1.BACKEND_PROPERTY, backend);
    String selected = Secp256k1.backendName();
    check(backend.equals(selected), "expected secp256k1 backend '" + backend
        + "' but the JVM selected '" + selected + "' (run forked; backends: "
        + Secp256k1.backends() + ")");
    Fixtures f = Fixtures.get();
    keys = new Secp256k1PrivateKey[Fixtures.COUNT];
    credentials = new Credentials[Fixtures.COUNT];
    to = Address.parse(TO);
    for (int i = 0; i < Fixtures.COUNT; i++) {
      keys[i] = Secp256k1PrivateKey.of(f.privateKey(i));
      credentials[i] = Credentials.create(f.keyPair(i));
    }
    for (int i = 0; i < Fixtures.COUNT; i++) {
      byte[] cairn = cairn(i, 1000 + i);
      byte[] web3j = web3j(i, 1000 + i);
      check(Arrays.equals(cairn, web3j), "fixture " + i + ": Cairn " + Numeric.toHexString(cairn)
          + " differs from web3j " + Numeric.toHexString(web3j));
    }
  }

  private static void check(boolean ok, String what) {
    if (!ok) {
      throw new IllegalStateException("benchmark sanity check failed: " + what);
    }
  }

  private byte[] cairn(int i, long n) {
    return Transaction.eip1559()
        .chainId(CHAIN_ID)
        .nonce(n)
        .gasLimit(21_000)
        .to(to)
        .value(VALUE)
        .maxFeePerGas(MAX_FEE)
        .maxPriorityFeePerGas(TIP)
        .build()
        .sign(keys[i])
        .encoded();
  }

  private byte[] web3j(int i, long n) {
    RawTransaction raw = RawTransaction.createTransaction(
        CHAIN_ID, BigInteger.valueOf(n), GAS, TO, VALUE, "", TIP, MAX_FEE);
    return TransactionEncoder.signMessage(raw, CHAIN_ID, credentials[i]);
  }

  /** Cairn: build, sign (RFC 6979, low s) and serialize. */
  @Benchmark
  public byte[] cairn() {
    return cairn(next(), nonce++);
  }

  /** web3j: RawTransaction + TransactionEncoder.signMessage. */
  @Benchmark
  public byte[] web3j() {
    return web3j(next(), web3jNonce++);
  }
}

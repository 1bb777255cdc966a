package dev.cairn.benchmarks;

import dev.cairn.core.hash.Keccak256;
import java.util.Arrays;
import org.bouncycastle.crypto.digests.KeccakDigest;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.web3j.crypto.Hash;

/**
 * Keccak-256 (the Ethereum variant, 0x01 padding) of a 32-byte and a 1 KiB input, one-shot, each
 * call returning a fresh 32-byte array.
 *
 * <ul>
 *   <li>{@code cairn}: {@code Keccak256.hash(in)}.
 *   <li>{@code bouncyCastleNewDigest}: a new {@code KeccakDigest(256)} per call (what most callers
 *       write).
 *   <li>{@code bouncyCastleReusedDigest}: one {@code KeccakDigest(256)} per thread, reset by {@code
 *       doFinal} (BouncyCastle's best case).
 *   <li>{@code web3j}: {@code Hash.sha3(in)} (a new BouncyCastle digest per call underneath).
 * </ul>
 */
public class Keccak256Benchmark extends RotatingInputs {

  /** Input length in bytes. */
  @Param({"32", "1024"})
  public int size;

  private byte[][] messages;
  private KeccakDigest reused;

  /** Builds the inputs and checks that all implementations agree. */
  @Setup
  public void setUp() {
    messages = Fixtures.messages(size);
    reused = new KeccakDigest(256);
    for (int i = 0; i < Fixtures.COUNT; i++) {
      byte[] expected = bouncyCastleNew(messages[i]);
      Check.that(Arrays.equals(Keccak256.hash(messages[i]), expected),
          "Keccak256.hash of message " + i + " (" + size + " bytes)");
      Check.that(Arrays.equals(Hash.sha3(messages[i]), expected),
          "web3j Hash.sha3 of message " + i);
    }
  }

  /** Cairn. */
  @Benchmark
  public byte[] cairn() {
    return Keccak256.hash(messages[next()]);
  }

  /** BouncyCastle, new digest object per call. */
  @Benchmark
  public byte[] bouncyCastleNewDigest() {
    return bouncyCastleNew(messages[next()]);
  }

  /** BouncyCastle, one digest object reused. */
  @Benchmark
  public byte[] bouncyCastleReusedDigest() {
    byte[] in = messages[next()];
    reused.update(in, 0, in.length);
    byte[] out = new byte[32];
    reused.doFinal(out, 0);
    return out;
  }

  /** web3j. */
  @Benchmark
  public byte[] web3j() {
    return Hash.sha3(messages[next()]);
  }

  private static byte[] bouncyCastleNew(byte[] in) {
    KeccakDigest digest = new KeccakDigest(256);
    digest.update(in, 0, in.length);
    byte[] out = new byte[32];
    digest.doFinal(out, 0);
    return out;
  }
}

package dev.cairn.benchmarks.svm;

import dev.cairn.benchmarks.Fixtures;
import dev.cairn.benchmarks.RotatingInputs;
import dev.cairn.core.encoding.Base58;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

/**
 * Base58 as Solana uses it: {@code size=32} is a public key or blockhash (44 characters), {@code
 * size=64} a signature (88 characters). sdk-core's {@code Base58} against sol4k 0.5.16's and
 * solanaj 1.27.3's. Inputs are {@link Fixtures#COUNT} random values per size, rotated per call; the
 * setup checks that all three libraries encode and decode every input to the same result.
 */
public class Base58Benchmark extends RotatingInputs {
  @Param({"32", "64"})
  public int size;

  private byte[][] bytes;
  private String[] text;

  @Setup
  public void setUp() {
    SplittableRandom random = new SplittableRandom(58);
    bytes = new byte[Fixtures.COUNT][];
    text = new String[Fixtures.COUNT];
    for (int i = 0; i < Fixtures.COUNT; i++) {
      byte[] b = new byte[size];
      random.nextBytes(b);
      bytes[i] = b;
      text[i] = Base58.encode(b);
      SvmFixtures.check(text[i].equals(org.sol4k.Base58.encode(b)), "sol4k encode, input " + i);
      SvmFixtures.check(text[i].equals(org.p2p.solanaj.utils.Base58.encode(b)), "solanaj encode, input " + i);
      SvmFixtures.check(Arrays.equals(b, org.sol4k.Base58.decode(text[i])), "sol4k decode, input " + i);
      SvmFixtures.check(Arrays.equals(b, org.p2p.solanaj.utils.Base58.decode(text[i])), "solanaj decode, input " + i);
      SvmFixtures.check(Arrays.equals(b, Base58.decode(text[i])), "cairn decode, input " + i);
    }
  }

  @Benchmark
  public String cairnEncode() {
    return Base58.encode(bytes[next()]);
  }

  @Benchmark
  public String sol4kEncode() {
    return org.sol4k.Base58.encode(bytes[next()]);
  }

  @Benchmark
  public String solanajEncode() {
    return org.p2p.solanaj.utils.Base58.encode(bytes[next()]);
  }

  @Benchmark
  public byte[] cairnDecode() {
    return Base58.decode(text[next()]);
  }

  @Benchmark
  public byte[] sol4kDecode() {
    return org.sol4k.Base58.decode(text[next()]);
  }

  @Benchmark
  public byte[] solanajDecode() {
    return org.p2p.solanaj.utils.Base58.decode(text[next()]);
  }
}

package dev.cairn.benchmarks.abi;

import dev.cairn.abi.Address;
import dev.cairn.abi.Function;
import dev.cairn.benchmarks.Fixtures;
import dev.cairn.benchmarks.RotatingInputs;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Setup;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.generated.Uint256;

/**
 * Calldata of {@code transfer(address,uint256)}: selector plus two words, from an address and an
 * amount already held as each library's value objects (parsed once, as an application holds
 * them).
 *
 * <ul>
 *   <li>{@code cairn}: {@code Function.encodeCall(address, amount)} on a parsed {@code Function},
 *       returning {@code byte[]}.
 *   <li>{@code headlong}: {@code Function.encodeCallWithArgs(address, amount)}, returning the
 *       backing array of the {@code ByteBuffer}.
 *   <li>{@code web3j}: {@code FunctionEncoder.encode(new Function("transfer", [Address,
 *       Uint256], []))}, returning web3j's hex {@code String} (its only output form).
 * </ul>
 */
public class AbiEncodeTransferBenchmark extends RotatingInputs {

  private static final String SIGNATURE = "transfer(address,uint256)";

  private Function cairnFunction;
  private com.esaulpaugh.headlong.abi.Function headlongFunction;
  private Address[] cairnTo;
  private BigInteger[] amounts;
  private com.esaulpaugh.headlong.abi.Address[] headlongTo;
  private org.web3j.abi.datatypes.Address[] web3jTo;
  private Uint256[] web3jAmounts;

  /** Builds the inputs and checks that the three libraries produce the same calldata. */
  @Setup
  public void setUp() {
    cairnFunction = Function.parse(SIGNATURE);
    headlongFunction = com.esaulpaugh.headlong.abi.Function.parse(SIGNATURE);
    int n = Fixtures.COUNT;
    cairnTo = new Address[n];
    amounts = new BigInteger[n];
    headlongTo = new com.esaulpaugh.headlong.abi.Address[n];
    web3jTo = new org.web3j.abi.datatypes.Address[n];
    web3jAmounts = new Uint256[n];
    for (int i = 0; i < n; i++) {
      byte[] to = AbiFixtures.address("transfer", i);
      String hex = "0x" + HexFormat.of().formatHex(to);
      cairnTo[i] = Address.of(to);
      amounts[i] = AbiFixtures.unsigned("transfer", i, 256);
      headlongTo[i] = com.esaulpaugh.headlong.abi.Address.wrap(
          com.esaulpaugh.headlong.abi.Address.toChecksumAddress(hex));
      web3jTo[i] = new org.web3j.abi.datatypes.Address(hex);
      web3jAmounts[i] = new Uint256(amounts[i]);
    }
    for (int i = 0; i < n; i++) {
      byte[] expected = headlong(i);
      Check.that(expected.length == 68, "headlong transfer calldata is 68 bytes");
      Check.that(Arrays.equals(cairn(i), expected), "Cairn transfer calldata " + i);
      Check.that(
          Arrays.equals(HexFormat.of().parseHex(web3j(i).substring(2)), expected),
          "web3j transfer calldata " + i);
    }
  }

  private byte[] cairn(int i) {
    return cairnFunction.encodeCall(cairnTo[i], amounts[i]);
  }

  private byte[] headlong(int i) {
    return headlongFunction.encodeCallWithArgs(headlongTo[i], amounts[i]).array();
  }

  private String web3j(int i) {
    @SuppressWarnings("rawtypes")
    List<Type> args = Arrays.asList(web3jTo[i], web3jAmounts[i]);
    return FunctionEncoder.encode(
        new org.web3j.abi.datatypes.Function("transfer", args, Collections.emptyList()));
  }

  /** Cairn. */
  @Benchmark
  public byte[] cairn() {
    return cairn(next());
  }

  /** headlong. */
  @Benchmark
  public byte[] headlong() {
    return headlong(next());
  }

  /** web3j. */
  @Benchmark
  public String web3j() {
    return web3j(next());
  }
}

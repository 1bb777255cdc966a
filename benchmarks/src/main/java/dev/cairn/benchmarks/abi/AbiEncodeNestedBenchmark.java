package dev.cairn.benchmarks.abi;

import dev.cairn.abi.Address;
import dev.cairn.abi.Function;
import dev.cairn.abi.Tuple;
import dev.cairn.benchmarks.Fixtures;
import dev.cairn.benchmarks.RotatingInputs;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Setup;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.DynamicArray;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.abi.datatypes.generated.Uint256;

/**
 * Calldata of {@code route((uint256,(address,bytes32)[])[])}: a dynamic array of 3 structs, each an
 * amount and a dynamic array of 2 {@code (address,bytes32)} structs (836 bytes of calldata), from
 * values held as each library's objects.
 *
 * <ul>
 *   <li>{@code cairn}: {@code Function.encodeCall(Tuple)}; structs are {@code Tuple}s, arrays
 *       {@code List}s.
 *   <li>{@code headlong}: {@code Function.encodeCall(Tuple)}; arrays are Java arrays.
 *   <li>{@code web3j}: {@code FunctionEncoder.encode} of a {@code DynamicArray} of generated-style
 *       {@code DynamicStruct}s (built per call, as a web3j caller does), returning hex.
 * </ul>
 */
public class AbiEncodeNestedBenchmark extends RotatingInputs {

  static final String SIGNATURE = "route((uint256,(address,bytes32)[])[])";
  static final int ROUTES = 3;
  static final int LEGS = 2;

  private Function cairnFunction;
  private com.esaulpaugh.headlong.abi.Function headlongFunction;
  private Tuple[] cairnArgs;
  private com.esaulpaugh.headlong.abi.Tuple[] headlongArgs;
  private BigInteger[][] amounts;
  private org.web3j.abi.datatypes.Address[][][] web3jTargets;
  private Bytes32[][][] web3jKeys;

  /** Builds the inputs and checks that the three libraries produce the same calldata. */
  @Setup
  public void setUp() {
    cairnFunction = Function.parse(SIGNATURE);
    headlongFunction = com.esaulpaugh.headlong.abi.Function.parse(SIGNATURE);
    int n = Fixtures.COUNT;
    cairnArgs = new Tuple[n];
    headlongArgs = new com.esaulpaugh.headlong.abi.Tuple[n];
    amounts = new BigInteger[n][ROUTES];
    web3jTargets = new org.web3j.abi.datatypes.Address[n][ROUTES][LEGS];
    web3jKeys = new Bytes32[n][ROUTES][LEGS];
    for (int i = 0; i < n; i++) {
      List<Tuple> cairnRoutes = new ArrayList<>();
      com.esaulpaugh.headlong.abi.Tuple[] headlongRoutes =
          new com.esaulpaugh.headlong.abi.Tuple[ROUTES];
      for (int r = 0; r < ROUTES; r++) {
        BigInteger amount = AbiFixtures.unsigned("route-" + r, i, 256);
        amounts[i][r] = amount;
        List<Tuple> cairnLegs = new ArrayList<>();
        com.esaulpaugh.headlong.abi.Tuple[] headlongLegs =
            new com.esaulpaugh.headlong.abi.Tuple[LEGS];
        for (int l = 0; l < LEGS; l++) {
          byte[] target = AbiFixtures.address("leg-" + r + "-" + l, i);
          byte[] key = AbiFixtures.bytes32("key-" + r + "-" + l, i);
          String hex = "0x" + HexFormat.of().formatHex(target);
          cairnLegs.add(Tuple.of(Address.of(target), key));
          headlongLegs[l] = com.esaulpaugh.headlong.abi.Tuple.of(
              com.esaulpaugh.headlong.abi.Address.wrap(
                  com.esaulpaugh.headlong.abi.Address.toChecksumAddress(hex)),
              key);
          web3jTargets[i][r][l] = new org.web3j.abi.datatypes.Address(hex);
          web3jKeys[i][r][l] = new Bytes32(key);
        }
        cairnRoutes.add(Tuple.of(amount, cairnLegs));
        headlongRoutes[r] = com.esaulpaugh.headlong.abi.Tuple.of(amount, headlongLegs);
      }
      cairnArgs[i] = Tuple.of(cairnRoutes);
      headlongArgs[i] = com.esaulpaugh.headlong.abi.Tuple.singleton(headlongRoutes);
    }
    for (int i = 0; i < n; i++) {
      byte[] expected = headlong(i);
      Check.that(expected.length == 4 + 32 * (2 + ROUTES * (4 + LEGS * 2)),
          "headlong route calldata length " + expected.length);
      Check.that(Arrays.equals(cairn(i), expected), "Cairn route calldata " + i);
      Check.that(
          Arrays.equals(HexFormat.of().parseHex(web3j(i).substring(2)), expected),
          "web3j route calldata " + i);
    }
  }

  private byte[] cairn(int i) {
    return cairnFunction.encodeCall(cairnArgs[i]);
  }

  private byte[] headlong(int i) {
    return headlongFunction.encodeCall(headlongArgs[i]).array();
  }

  private String web3j(int i) {
    List<Web3jStructs.Route> routes = new ArrayList<>(ROUTES);
    for (int r = 0; r < ROUTES; r++) {
      List<Web3jStructs.Leg> legs = new ArrayList<>(LEGS);
      for (int l = 0; l < LEGS; l++) {
        legs.add(new Web3jStructs.Leg(web3jTargets[i][r][l], web3jKeys[i][r][l]));
      }
      routes.add(new Web3jStructs.Route(
          new Uint256(amounts[i][r]), new DynamicArray<>(Web3jStructs.Leg.class, legs)));
    }
    @SuppressWarnings("rawtypes")
    List<Type> args =
        Collections.singletonList(new DynamicArray<>(Web3jStructs.Route.class, routes));
    return FunctionEncoder.encode(
        new org.web3j.abi.datatypes.Function("route", args, Collections.emptyList()));
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

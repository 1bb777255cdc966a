package dev.cairn.benchmarks.abi;

import dev.cairn.abi.AbiTypes;
import dev.cairn.abi.Tuple;
import dev.cairn.abi.TupleType;
import dev.cairn.benchmarks.Fixtures;
import dev.cairn.benchmarks.RotatingInputs;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Setup;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.DynamicArray;
import org.web3j.abi.datatypes.DynamicBytes;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.Utf8String;
import org.web3j.abi.datatypes.generated.Uint256;

/**
 * Decoding a function's return value of type {@code (uint256,address,bytes,string,(uint8,bool)[])}
 * (0 to 4 array elements, 0 to 100 bytes, 0 to 47 characters of mixed UTF-8; 64 different values).
 *
 * <ul>
 *   <li>{@code cairn}: {@code TupleType.decode(byte[])} of {@code AbiTypes.tuple(...)}.
 *   <li>{@code headlong}: {@code TupleType.decode(byte[])} of {@code TupleType.parse(...)}.
 *   <li>{@code web3j}: {@code FunctionReturnDecoder.decode(hex, outputs)} with {@code
 *       TypeReference}s and a generated-style struct class; web3j takes the hex string that a JSON-RPC
 *       response carries, so its input is hex.
 * </ul>
 */
public class AbiDecodeReturnBenchmark extends RotatingInputs {

  static final String[] TYPES = {"uint256", "address", "bytes", "string", "(uint8,bool)[]"};

  private TupleType cairnType;
  private com.esaulpaugh.headlong.abi.TupleType<com.esaulpaugh.headlong.abi.Tuple> headlongType;
  @SuppressWarnings("rawtypes")
  private List<TypeReference<Type>> web3jOutputs;
  private byte[][] encoded;
  private String[] encodedHex;

  /** Encodes the values with headlong and checks that all three decoders return them. */
  @Setup
  public void setUp() {
    cairnType = AbiTypes.tuple(TYPES);
    headlongType = com.esaulpaugh.headlong.abi.TupleType.parse(
        "(" + String.join(",", TYPES) + ")");
    web3jOutputs = web3jOutputs();
    int n = Fixtures.COUNT;
    encoded = new byte[n][];
    encodedHex = new String[n];
    for (int i = 0; i < n; i++) {
      com.esaulpaugh.headlong.abi.Tuple[] flags = new com.esaulpaugh.headlong.abi.Tuple[i % 5];
      for (int k = 0; k < flags.length; k++) {
        flags[k] = com.esaulpaugh.headlong.abi.Tuple.of((i * 7 + k) & 0xff, (i + k) % 2 == 0);
      }
      String hexAddress = "0x" + HexFormat.of().formatHex(AbiFixtures.address("ret", i));
      com.esaulpaugh.headlong.abi.Tuple values = com.esaulpaugh.headlong.abi.Tuple.from(
          AbiFixtures.unsigned("ret", i, 256),
          com.esaulpaugh.headlong.abi.Address.wrap(
              com.esaulpaugh.headlong.abi.Address.toChecksumAddress(hexAddress)),
          AbiFixtures.bytes("ret", i, (i * 13) % 101),
          AbiFixtures.text(i),
          flags);
      encoded[i] = headlongType.encode(values).array();
      encodedHex[i] = "0x" + HexFormat.of().formatHex(encoded[i]);
    }
    for (int i = 0; i < n; i++) {
      Object expected = Canonical.headlong(headlong(i));
      Check.that(expected.equals(Canonical.cairn(cairn(i))), "Cairn decode of value " + i);
      Check.that(expected.equals(Canonical.web3j(web3j(i))), "web3j decode of value " + i);
    }
  }

  @SuppressWarnings({"rawtypes", "unchecked"})
  private static List<TypeReference<Type>> web3jOutputs() {
    List<TypeReference<?>> refs = new ArrayList<>();
    refs.add(new TypeReference<Uint256>() {});
    refs.add(new TypeReference<org.web3j.abi.datatypes.Address>() {});
    refs.add(new TypeReference<DynamicBytes>() {});
    refs.add(new TypeReference<Utf8String>() {});
    refs.add(new TypeReference<DynamicArray<Web3jStructs.Flag>>() {});
    return (List) refs;
  }

  private Tuple cairn(int i) {
    return cairnType.decode(encoded[i]);
  }

  private com.esaulpaugh.headlong.abi.Tuple headlong(int i) {
    return headlongType.decode(encoded[i]);
  }

  @SuppressWarnings("rawtypes")
  private List<Type> web3j(int i) {
    return FunctionReturnDecoder.decode(encodedHex[i], web3jOutputs);
  }

  /** Cairn. */
  @Benchmark
  public Tuple cairn() {
    return cairn(next());
  }

  /** headlong. */
  @Benchmark
  public com.esaulpaugh.headlong.abi.Tuple headlong() {
    return headlong(next());
  }

  /** web3j. */
  @Benchmark
  @SuppressWarnings("rawtypes")
  public List<Type> web3j() {
    return web3j(next());
  }
}

package dev.cairn.benchmarks.abi;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.esaulpaugh.headlong.abi.ABIJSON;
import com.esaulpaugh.headlong.abi.ContractError;
import com.esaulpaugh.headlong.abi.Event;
import dev.cairn.abi.ContractAbi;
import dev.cairn.benchmarks.RotatingInputs;
import dev.cairn.core.encoding.Hex;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.TreeSet;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.infra.Blackhole;
import org.web3j.protocol.core.methods.response.AbiDefinition;

/**
 * Parsing a 100-entry JSON ABI (resource {@code abi/erc-mix-100.json}: constructor, receive,
 * fallback, 65 functions, 18 events, 14 errors; ERC-20/721/1155, a swap router with struct
 * parameters, Seaport-style orders with nested struct arrays, a governor, a vault, a bridge).
 *
 * <ul>
 *   <li>{@code cairn}: {@code ContractAbi.parseJson(json)}: types parsed, selectors and topics
 *       computed.
 *   <li>{@code headlong}: {@code ABIJSON.parseFunctions}, {@code parseEvents} and {@code
 *       parseErrors} of the same text (headlong has no public call that returns every kind at once,
 *       so each call reads the whole document); types parsed, selectors computed.
 *   <li>{@code web3j}: Jackson data binding into {@code AbiDefinition[]} with one shared {@code
 *       ObjectMapper}: web3j's JSON ABI model keeps type strings only (no type parsing, no
 *       selectors), so it does less work than the other two.
 * </ul>
 *
 * <p>The same text is parsed every time (there is one document); nothing is cached between calls
 * by any of the three (Cairn's type-string cache is the only shared state, as in production use).
 */
public class AbiParseJsonBenchmark extends RotatingInputs {

  private String json;
  private ObjectMapper mapper;

  /** Loads the document and checks that the three libraries see the same 100 entries. */
  @Setup
  public void setUp() {
    json = AbiFixtures.jsonAbi();
    mapper = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    AbiDefinition[] web3j = readWeb3j();
    Check.that(web3j.length == 100, "web3j reads 100 entries, got " + web3j.length);
    List<com.esaulpaugh.headlong.abi.Function> functions = ABIJSON.parseFunctions(json);
    List<Event<com.esaulpaugh.headlong.abi.Tuple>> events = ABIJSON.parseEvents(json);
    List<ContractError<com.esaulpaugh.headlong.abi.Tuple>> errors = ABIJSON.parseErrors(json);
    Check.that(functions.size() + events.size() + errors.size() == 100,
        "headlong reads 100 entries");
    TreeSet<String> headlongSignatures = new TreeSet<>();
    for (com.esaulpaugh.headlong.abi.Function f : functions) {
      if (f.getType() == com.esaulpaugh.headlong.abi.TypeEnum.FUNCTION) {
        headlongSignatures.add("function " + f.getCanonicalSignature() + " " + f.selectorHex());
      }
    }
    for (Event<?> e : events) {
      headlongSignatures.add("event " + e.getCanonicalSignature());
    }
    for (ContractError<?> e : errors) {
      headlongSignatures.add("error " + e.getCanonicalSignature());
    }
    ContractAbi cairn = ContractAbi.parseJson(json);
    TreeSet<String> cairnSignatures = new TreeSet<>();
    for (dev.cairn.abi.Function f : cairn.functions()) {
      cairnSignatures.add("function " + f.signature() + " " + Hex.encode(f.selector()));
    }
    for (dev.cairn.abi.Event e : cairn.events()) {
      cairnSignatures.add("event " + e.signature());
    }
    for (dev.cairn.abi.AbiError e : cairn.errors()) {
      cairnSignatures.add("error " + e.signature());
    }
    Check.that(headlongSignatures.equals(cairnSignatures),
        "Cairn and headlong read the same functions, events and errors: headlong "
            + headlongSignatures + ", Cairn " + cairnSignatures);
  }

  private AbiDefinition[] readWeb3j() {
    try {
      return mapper.readValue(json, AbiDefinition[].class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Cairn. */
  @Benchmark
  public ContractAbi cairn() {
    return ContractAbi.parseJson(json);
  }

  /** headlong. */
  @Benchmark
  public void headlong(Blackhole bh) {
    bh.consume(ABIJSON.parseFunctions(json));
    bh.consume(ABIJSON.parseEvents(json));
    bh.consume(ABIJSON.parseErrors(json));
  }

  /** web3j. */
  @Benchmark
  public AbiDefinition[] web3j() {
    return readWeb3j();
  }
}

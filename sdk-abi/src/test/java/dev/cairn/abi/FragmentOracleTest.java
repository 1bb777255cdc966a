package dev.cairn.abi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cairn.core.encoding.Hex;
import dev.cairn.testing.oracle.OracleProcess;
import dev.cairn.testing.oracle.OracleScript;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Differential test against ethers 6 (fragment parsing, signatures, selectors, topic hashes,
 * parameter names and indexed flags) and viem (event topics of indexed values), in one node launch.
 */
class FragmentOracleTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String[] TYPES = {
    "uint256", "uint", "uint8", "int", "int24", "address", "bool", "string", "bytes", "bytes4",
    "bytes32", "address payable"
  };
  private static final String[] SUFFIXES = {"", "", "", "[]", "[3]", "[][2]"};
  private static final String[] LOCATIONS = {"", "", " memory", " calldata"};

  private static String param(Random r, int depth, boolean indexed, int[] indexedBudget) {
    StringBuilder sb = new StringBuilder();
    if (depth > 0 && r.nextInt(4) == 0) {
      int n = 1 + r.nextInt(3);
      sb.append(r.nextBoolean() ? "(" : "tuple(");
      for (int i = 0; i < n; i++) {
        if (i > 0) {
          sb.append(", ");
        }
        sb.append(param(r, depth - 1, false, indexedBudget));
      }
      sb.append(')').append(SUFFIXES[r.nextInt(SUFFIXES.length)]);
    } else {
      String t = TYPES[r.nextInt(TYPES.length)];
      sb.append(t);
      if (!t.contains(" ")) {
        sb.append(SUFFIXES[r.nextInt(SUFFIXES.length)]);
      }
    }
    if (indexed && indexedBudget[0] > 0 && r.nextBoolean()) {
      indexedBudget[0]--;
      sb.append(" indexed");
    } else if (!indexed) {
      sb.append(LOCATIONS[r.nextInt(LOCATIONS.length)]);
    }
    if (r.nextInt(3) > 0) {
      sb.append(" p").append(r.nextInt(1000));
    }
    return sb.toString();
  }

  private static String params(Random r, int max, boolean indexed) {
    int n = r.nextInt(max + 1);
    int[] budget = {3};
    StringBuilder sb = new StringBuilder("(");
    for (int i = 0; i < n; i++) {
      if (i > 0) {
        sb.append(", ");
      }
      sb.append(param(r, 2, indexed, budget));
    }
    return sb.append(')').toString();
  }

  static List<String> fragments() {
    List<String> out =
        new ArrayList<>(
            List.of(
                "function balanceOf(address owner) view returns (uint256)",
                "function transfer(address to, uint256 amount) external returns (bool)",
                "event Transfer(address indexed from, address indexed to, uint256 value)",
                "error InsufficientBalance(uint256 available, uint256 required)",
                "constructor(address token, uint8 initial) payable",
                "fallback() external",
                "function f((uint256 a, (bool b, string c)[] d)[2] s) pure returns ((bool, bytes) r)",
                "function g(string calldata s, uint[] memory xs) public payable returns (bytes memory out)",
                "function h(tuple(address x, bytes32[2] y)[] t) external",
                "event URI(string value, uint256 indexed id)"));
    Random r = new Random(20261125);
    String[] mut = {"", " view", " pure", " payable"}; // ethers rejects the keyword nonpayable
    for (int i = 0; i < 400; i++) {
      switch (r.nextInt(4)) {
        case 0:
          out.add(
              "function f" + i + params(r, 4, false) + " external" + mut[r.nextInt(mut.length)]
                  + (r.nextBoolean() ? " returns " + params(r, 3, false) : ""));
          break;
        case 1:
          out.add("event E" + i + params(r, 5, true));
          break;
        case 2:
          out.add("error Err" + i + params(r, 4, false));
          break;
        default:
          out.add("constructor" + params(r, 3, false) + (r.nextBoolean() ? " payable" : ""));
          break;
      }
    }
    return out;
  }

  private static String norm(Param p) {
    String t = p.canonicalType();
    if (!p.components().isEmpty()) {
      StringBuilder sb = new StringBuilder("(");
      for (int i = 0; i < p.components().size(); i++) {
        if (i > 0) {
          sb.append(',');
        }
        sb.append(norm(p.components().get(i)));
      }
      t = sb.append(')').append(t.substring(t.lastIndexOf(')') + 1)).toString();
    }
    return t + (p.isIndexed() ? " indexed" : "") + (p.name().isEmpty() ? "" : " " + p.name());
  }

  private static List<String> norms(List<Param> ps) {
    List<String> out = new ArrayList<>();
    for (Param p : ps) {
      out.add(norm(p));
    }
    return out;
  }

  private static List<String> texts(JsonNode arr) {
    List<String> out = new ArrayList<>();
    arr.forEach(n -> out.add(n.asText()));
    return out;
  }

  @Test
  void fragmentsAgreeWithEthersAndTopicsWithViem() throws Exception {
    List<String> fragments = fragments();
    List<Object> requests = new ArrayList<>();
    for (String f : fragments) {
      requests.add(Map.of("op", "fragment", "text", f));
    }
    List<Object[]> topicCases = topicCases();
    for (Object[] c : topicCases) {
      Map<String, Object> req = new LinkedHashMap<>();
      req.put("op", "topics");
      req.put("event", c[0]);
      req.put("args", Arrays.asList((Object[]) c[1]));
      requests.add(req);
    }
    List<String> lines = new ArrayList<>(requests.size());
    for (Object r : requests) {
      lines.add(JSON.writeValueAsString(r));
    }
    List<JsonNode> answers = new ArrayList<>(lines.size());
    try (OracleProcess ethers = OracleScript.project("abi-fragments.mjs").requirePackages("ethers", "viem").start()) {
      for (String a : ethers.callAll(lines)) {
        answers.add(JSON.readTree(a));
      }
    }
    for (int i = 0; i < fragments.size(); i++) {
      String text = fragments.get(i);
      JsonNode a = answers.get(i);
      assertFalse(a.has("error"), text + ": ethers failed: " + a);
      ContractAbi abi = ContractAbi.parseHumanReadable(text);
      switch (a.get("kind").asText()) {
        case "function":
          {
            Function f = abi.functions().get(0);
            assertEquals(a.get("sighash").asText(), f.signature(), text);
            assertEquals(a.get("hash").asText(), "0x" + Hex.encode(f.selector()), text);
            assertEquals(texts(a.get("params")), norms(abi.inputsOf(f)), text);
            assertEquals(texts(a.get("outputs")), norms(abi.outputsOf(f)), text);
            assertEquals(a.get("mutability").asText(), f.stateMutability(), text);
            break;
          }
        case "event":
          {
            Event e = abi.events().get(0);
            assertEquals(a.get("sighash").asText(), e.signature(), text);
            assertEquals(a.get("hash").asText(), "0x" + Hex.encode(e.topic0()), text);
            assertEquals(texts(a.get("params")), norms(e.inputs()), text);
            break;
          }
        case "error":
          {
            AbiError e = abi.errors().get(0);
            assertEquals(a.get("sighash").asText(), e.signature(), text);
            assertEquals(a.get("hash").asText(), "0x" + Hex.encode(e.selector()), text);
            assertEquals(texts(a.get("params")), norms(e.inputs()), text);
            break;
          }
        case "constructor":
          {
            ConstructorFragment c = abi.constructor().orElseThrow();
            assertEquals(texts(a.get("params")), norms(c.inputs()), text);
            assertEquals(a.get("mutability").asText(), c.stateMutability(), text);
            break;
          }
        case "fallback":
          assertEquals(a.get("mutability").asText(), abi.fallback().orElseThrow().stateMutability());
          break;
        default:
          throw new AssertionError("unexpected kind " + a);
      }
    }
    for (int k = 0; k < topicCases.size(); k++) {
      Object[] c = topicCases.get(k);
      JsonNode a = answers.get(fragments.size() + k);
      assertFalse(a.has("error"), c[0] + ": viem failed: " + a);
      Event e = Event.parse((String) c[0]);
      Object[] javaArgs = (Object[]) c[2];
      TopicFilter f = e.topicFilter(javaArgs);
      JsonNode topics = a.get("topics");
      for (int pos = 0; pos < topics.size(); pos++) {
        JsonNode t = topics.get(pos);
        if (t.isNull()) {
          assertEquals(true, f.isWildcard(pos), c[0] + " position " + pos);
        } else {
          assertEquals(t.asText(), "0x" + Hex.encode(f.alternatives(pos).get(0)), c[0] + " position " + pos);
        }
      }
    }
  }

  /** {event, JSON args for viem, Java args}. */
  private static List<Object[]> topicCases() {
    List<Object[]> out = new ArrayList<>();
    String ev =
        "event E(string indexed s, address indexed a, int24 indexed n)";
    Address addr = Address.parse("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed");
    out.add(new Object[] {ev, new Object[] {"héllo wörld", addr.toChecksumString(), "-5"}, new Object[] {"héllo wörld", addr, -5}});
    out.add(new Object[] {ev, new Object[] {null, null, "8388607"}, new Object[] {null, null, 8388607}});
    out.add(new Object[] {ev, new Object[] {"", null, null}, new Object[] {"", null, null}});
    String ev2 = "event F(bytes indexed b, bool indexed ok, bytes32 indexed id)";
    byte[] id = new byte[32];
    id[0] = (byte) 0xab;
    out.add(
        new Object[] {
          ev2,
          new Object[] {"0xc0ffee", true, "0x" + Hex.encode(id)},
          new Object[] {Hex.decode("c0ffee"), true, id}
        });
    String ev3 = "event G(uint256 indexed big, uint8 indexed small, address indexed who)";
    BigInteger big = BigInteger.TWO.pow(256).subtract(BigInteger.ONE);
    out.add(
        new Object[] {
          ev3, new Object[] {big.toString(), "255", null}, new Object[] {big, 255, null}
        });
    return out;
  }
}

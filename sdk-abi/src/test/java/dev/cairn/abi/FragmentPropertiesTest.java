package dev.cairn.abi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cairn.abi.internal.FragmentFormatter;
import dev.cairn.abi.internal.FragmentParser;
import dev.cairn.abi.internal.FragmentSpec;
import dev.cairn.abi.internal.FragmentSpec.Kind;
import dev.cairn.abi.internal.ParamSpec;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Random fragments: formatted, parsed back, and through JSON. Random garbage: AbiException only. */
class FragmentPropertiesTest {

  private static final String[] ELEMENTARY = {
    "uint256", "uint8", "uint64", "int256", "int24", "int8", "address", "bool", "string", "bytes",
    "bytes1", "bytes4", "bytes32", "function"
  };
  private static final String[] SUFFIXES = {"", "", "", "[]", "[2]", "[][3]", "[1][]"};

  private static Arbitrary<String> names() {
    return Arbitraries.oneOf(
        Arbitraries.just(""),
        Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(6)
            .filter(FragmentPropertiesTest::notKeyword)
            .map(s -> s + "_"));
  }

  private static boolean notKeyword(String s) {
    return true; // names end with '_', so they never equal a keyword
  }

  private static Arbitrary<ParamSpec> param(int depth, boolean indexedAllowed) {
    Arbitrary<ParamSpec> leaf =
        Combinators.combine(
                names(),
                Arbitraries.of(ELEMENTARY),
                Arbitraries.of(SUFFIXES),
                indexedAllowed ? Arbitraries.of(true, false) : Arbitraries.just(false))
            .as((n, t, s, ix) -> new ParamSpec(n, t + s, null, null, ix));
    if (depth == 0) {
      return leaf;
    }
    Arbitrary<ParamSpec> tuple =
        Combinators.combine(
                names(),
                param(depth - 1, false).list().ofMinSize(1).ofMaxSize(3),
                Arbitraries.of(SUFFIXES),
                indexedAllowed ? Arbitraries.of(true, false) : Arbitraries.just(false))
            .as((n, cs, s, ix) -> new ParamSpec(n, "tuple" + s, cs, null, ix));
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(3, leaf), net.jqwik.api.Tuple.of(1, tuple));
  }

  @Provide
  Arbitrary<FragmentSpec> fragments() {
    Arbitrary<String> fname =
        Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(8).map(s -> "F" + s);
    Arbitrary<FragmentSpec> function =
        Combinators.combine(
                fname,
                param(2, false).list().ofMaxSize(4),
                param(2, false).list().ofMaxSize(3),
                Arbitraries.of("pure", "view", "nonpayable", "payable"))
            .as((n, in, out, sm) -> new FragmentSpec(Kind.FUNCTION, n, in, out, sm, false));
    Arbitrary<FragmentSpec> event =
        Combinators.combine(fname, param(2, true).list().ofMaxSize(5), Arbitraries.of(true, false))
            .as((n, in, anon) -> new FragmentSpec(Kind.EVENT, n, capIndexed(in, anon ? 4 : 3), List.of(), "nonpayable", anon));
    Arbitrary<FragmentSpec> error =
        Combinators.combine(fname, param(2, false).list().ofMaxSize(4))
            .as((n, in) -> new FragmentSpec(Kind.ERROR, n, in, List.of(), "nonpayable", false));
    Arbitrary<FragmentSpec> ctor =
        Combinators.combine(param(2, false).list().ofMaxSize(4), Arbitraries.of("payable", "nonpayable"))
            .as((in, sm) -> new FragmentSpec(Kind.CONSTRUCTOR, "", in, List.of(), sm, false));
    Arbitrary<FragmentSpec> fallback =
        Arbitraries.of("payable", "nonpayable")
            .map(sm -> new FragmentSpec(Kind.FALLBACK, "", List.of(), List.of(), sm, false));
    Arbitrary<FragmentSpec> receive =
        Arbitraries.just(new FragmentSpec(Kind.RECEIVE, "", List.of(), List.of(), "payable", false));
    return Arbitraries.oneOf(function, event, error, ctor, fallback, receive);
  }

  private static List<ParamSpec> capIndexed(List<ParamSpec> in, int max) {
    List<ParamSpec> out = new ArrayList<>(in.size());
    int n = 0;
    for (ParamSpec p : in) {
      if (p.indexed() && ++n > max) {
        out.add(p.withIndexed(false));
      } else {
        out.add(p);
      }
    }
    return out;
  }

  @Property(tries = 500)
  void formattedFragmentsParseBack(@ForAll("fragments") FragmentSpec spec) {
    String text = FragmentFormatter.format(spec);
    assertEquals(spec, FragmentParser.parse(text), text);
    ContractAbi abi = ContractAbi.parseHumanReadable(text);
    assertEquals(List.of(text), abi.toHumanReadable());
    ContractAbi viaJson = ContractAbi.parseJson(abi.toJson());
    assertEquals(abi, viaJson);
  }

  @Property(tries = 300)
  void canonicalSignaturesAgreeWithFunctionParse(@ForAll("fragments") FragmentSpec spec) {
    if (spec.kind() != Kind.FUNCTION) {
      return;
    }
    ContractAbi abi = ContractAbi.parseHumanReadable(FragmentFormatter.format(spec));
    Function f = abi.functions().get(0);
    assertEquals(spec.signature(), f.signature());
    assertEquals(f.signature(), Function.parse(f.signature()).signature());
  }

  @Property(tries = 1000)
  void garbageFragmentsThrowAbiExceptionOnly(@ForAll("fragmentGarbage") String text) {
    try {
      ContractAbi.parseHumanReadable(text);
    } catch (AbiException expected) {
      // the only allowed failure
    }
  }

  @Provide
  Arbitrary<String> fragmentGarbage() {
    Arbitrary<String> tokens =
        Arbitraries.of(
                "function", "event", "error", "constructor", "fallback", "receive", "(", ")", ",",
                "[", "]", "[2]", "uint256", "tuple", "indexed", "memory", "returns", "view",
                "payable", "anonymous", " ", "x", "0", "address", "payable", "bytes33", "uint7", "$",
                "\n", "9999999999")
            .list()
            .ofMaxSize(20)
            .map(l -> String.join("", l));
    return Arbitraries.oneOf(tokens, Arbitraries.strings().ofMaxLength(40));
  }

  @Property(tries = 1000)
  void garbageJsonThrowsAbiExceptionOnly(@ForAll("jsonGarbage") String json) {
    try {
      ContractAbi.parseJson(json);
    } catch (AbiException expected) {
      // the only allowed failure
    }
  }

  @Provide
  Arbitrary<String> jsonGarbage() {
    Arbitrary<String> tokens =
        Arbitraries.of(
                "[", "]", "{", "}", ",", ":", "\"type\"", "\"function\"", "\"event\"", "\"name\"",
                "\"f\"", "\"inputs\"", "\"outputs\"", "\"components\"", "\"tuple[]\"", "\"uint256\"",
                "\"indexed\"", "true", "null", "1e999", "\"stateMutability\"", "\"view\"", "\"abi\"",
                "\"anonymous\"", "\"internalType\"", "-0", "\"\\u0000\"", "\"constant\"")
            .list()
            .ofMaxSize(40)
            .map(l -> String.join("", l));
    String valid = AbiResources.read("erc20.json");
    Arbitrary<String> mutated =
        Combinators.combine(
                Arbitraries.integers().between(0, valid.length() - 1),
                Arbitraries.integers().between(0, 8),
                Arbitraries.strings().ofMaxLength(3))
            .as((at, del, ins) -> valid.substring(0, at) + ins + valid.substring(Math.min(valid.length(), at + del)));
    return Arbitraries.oneOf(tokens, mutated, Arbitraries.strings().ofMaxLength(30));
  }
}

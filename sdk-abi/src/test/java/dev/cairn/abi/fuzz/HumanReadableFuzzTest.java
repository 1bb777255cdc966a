package dev.cairn.abi.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.cairn.abi.AbiException;
import dev.cairn.abi.ContractAbi;
import dev.cairn.abi.Event;
import dev.cairn.abi.Function;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Human-readable fragments ({@code function f(uint a) view returns (bool)}, events, errors,
 * constructor, fallback, receive). Lenient (whitespace, {@code uint} aliases, optional keywords),
 * so the check is: the formatted form of a parsed ABI parses to the same formatted form, and its
 * JSON form parses to an equal ABI.
 */
class HumanReadableFuzzTest {

  /** One fragment per line. */
  @FuzzTest
  void parseFragments(byte[] input) {
    List<String> lines = Arrays.asList(new String(input, StandardCharsets.UTF_8).split("\n", -1));
    ContractAbi abi;
    try {
      abi = ContractAbi.parseHumanReadable(lines);
    } catch (AbiException expected) {
      return;
    }
    List<String> formatted = abi.toHumanReadable();
    ContractAbi again = ContractAbi.parseHumanReadable(formatted);
    assertEquals(formatted, again.toHumanReadable());
    assertEquals(again, ContractAbi.parseJson(again.toJson()));
  }

  /** Function and event signatures as Function.parse / Event.parse take them. */
  @FuzzTest
  void parseSignature(byte[] input) {
    String s = new String(input, StandardCharsets.UTF_8);
    try {
      Function f = Function.parse(s);
      assertEquals(f.signature(), Function.parse(f.signature()).signature());
      assertEquals(f.selectorAsInt(), Function.parse(f.signature()).selectorAsInt());
    } catch (AbiException expected) {
      // refused
    }
    try {
      Event e = Event.parse(s);
      assertEquals(e, Event.parse(e.toString()));
    } catch (AbiException expected) {
      // refused
    }
  }
}

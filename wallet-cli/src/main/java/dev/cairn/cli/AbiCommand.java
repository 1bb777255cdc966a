package dev.cairn.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.abi.AbiError;
import dev.cairn.abi.AbiTypes;
import dev.cairn.abi.Event;
import dev.cairn.abi.Function;
import dev.cairn.abi.Tuple;
import dev.cairn.abi.TupleType;
import dev.cairn.core.encoding.Hex;
import dev.cairn.core.hash.Keccak256;
import dev.cairn.cli.abi.AbiInputException;
import dev.cairn.cli.abi.AbiValues;
import dev.cairn.cli.abi.CastArgs;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code wallet abi ...}: Solidity ABI encoding and decoding, in the style of Foundry's cast. */
@Command(
    name = "abi",
    mixinStandardHelpOptions = true,
    description = {
      "Solidity ABI encoding and decoding (like Foundry's cast abi-encode, calldata, abi-decode,",
      "sig, sig-event, keccak).",
      "Values: integers in decimal or 0x-hex; addresses 0x... (mixed case must pass EIP-55);",
      "bytes 0x...; bool true/false; arrays [a,b]; tuples (a,b); quote strings holding , ( ) [ ]."
    },
    subcommands = {
      AbiCommand.Encode.class,
      AbiCommand.Calldata.class,
      AbiCommand.Decode.class,
      AbiCommand.Selector.class,
      AbiCommand.Topic.class,
      AbiCommand.Keccak.class
    })
final class AbiCommand extends WalletCommand implements Runnable {
  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(
        new picocli.CommandLine(this),
        "missing subcommand: encode, calldata, decode, selector, topic or keccak");
  }

  /**
   * Splits {@code name(in)(out)} or {@code (in)(out)} into the input and output parameter lists;
   * a signature without a second list has no outputs (null).
   */
  static String[] splitOutputs(String signature) {
    String s = signature.strip();
    int open = s.indexOf('(');
    if (open < 0 || s.contains(" ")) {
      return new String[] {s, null};
    }
    int depth = 0;
    for (int i = open; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '(') {
        depth++;
      } else if (c == ')' && --depth == 0) {
        String rest = s.substring(i + 1);
        return new String[] {s.substring(0, i + 1), rest.startsWith("(") ? rest : null};
      }
    }
    return new String[] {s, null};
  }

  /** The parameter list of a function signature, or of a bare {@code (types)} list. */
  static TupleType params(String signature) {
    String s = signature.strip();
    if (s.startsWith("(")) {
      return AbiTypes.parseTuple(s);
    }
    return Function.parse(s).inputs();
  }

  static Tuple values(TupleType types, List<String> args) {
    List<String> canonical = AbiValues.components(types.canonicalType());
    if (args.size() != canonical.size()) {
      throw new UserInputException("expected " + canonical.size() + " argument"
          + (canonical.size() == 1 ? "" : "s") + " for " + types.canonicalType() + ", got "
          + args.size());
    }
    Object[] out = new Object[canonical.size()];
    try {
      for (int i = 0; i < out.length; i++) {
        String what = "argument " + (i + 1);
        out[i] = AbiValues.lenient().toJava(canonical.get(i), CastArgs.parse(args.get(i), what),
            what);
      }
    } catch (AbiInputException e) {
      throw new UserInputException(e.getMessage());
    }
    return Tuple.of(out);
  }

  static byte[] hex(String what, String s) {
    if (!Hex.hasPrefix(s.strip())) {
      throw new UserInputException(what + " must be 0x-prefixed hex");
    }
    return Hex.decode(what, s.strip());
  }

  /** The positional arguments of {@code encode} and {@code calldata}: SIGNATURE ARG... */
  abstract static class SignatureAndArgs extends WalletCommand implements Runnable {
    @Parameters(index = "0", paramLabel = "SIGNATURE",
        description = "transfer(address,uint256), a human-readable function fragment, or (for"
            + " encode) a parameter list such as (uint256,bool).")
    String signature;

    @Parameters(index = "1..*", paramLabel = "ARG", description = "One value per parameter.")
    List<String> args = new ArrayList<>();
  }

  /** {@code wallet abi encode}. */
  @Command(
      name = "encode",
      mixinStandardHelpOptions = true,
      description = {
        "ABI-encode arguments (no selector), like cast abi-encode.",
        "  wallet abi encode 'f(address,uint256)' 0x5B38Da6a701c568545dCfcB03FcB875f56beddC4 1000",
        "  wallet abi encode '(uint256,(bool,string)[])' 7 '[(true,a),(false,\"b, c\")]'"
      })
  static final class Encode extends SignatureAndArgs {
    @Option(names = "--packed", description = "Non-standard packed encoding (abi.encodePacked).")
    boolean packed;

    @Override
    public void run() {
      TupleType types = params(splitOutputs(signature)[0]);
      Tuple values = values(types, args);
      out().println(Hex.encodePrefixed(packed ? types.encodePacked(values) : types.encode(values)));
    }
  }

  /** {@code wallet abi calldata}. */
  @Command(
      name = "calldata",
      mixinStandardHelpOptions = true,
      description = {
        "Calldata of a call: the 4-byte selector and the encoded arguments, like cast calldata.",
        "  wallet abi calldata 'transfer(address,uint256)' 0x5B38Da6a701c568545dCfcB03FcB875f56beddC4 1000",
        "  wallet abi calldata 'function approve(address spender, uint256 amount)' 0x... 0xffff"
      })
  static final class Calldata extends SignatureAndArgs {
    @Override
    public void run() {
      Function f = Function.parse(splitOutputs(signature)[0]);
      out().println(Hex.encodePrefixed(f.encodeCall(values(f.inputs(), args))));
    }
  }

  /** {@code wallet abi decode}. */
  @Command(
      name = "decode",
      mixinStandardHelpOptions = true,
      description = {
        "Decode ABI data (strict), like cast abi-decode / cast decode-calldata. One value per line;",
        "arrays and tuples as JSON arrays. Which parameters are decoded:",
        "  'f(address)(uint256,bool)' DATA    the outputs (return data)",
        "  '(uint256,bool)' DATA              that parameter list",
        "  --calldata 'f(address,uint256)' DATA  the inputs of calldata (selector checked)"
      })
  static final class Decode extends WalletCommand implements Runnable {
    @Parameters(index = "0", paramLabel = "SIGNATURE", description = "Signature or (types).")
    String signature;

    @Parameters(index = "1", paramLabel = "DATA", description = "0x-hex data.")
    String data;

    @Option(names = "--calldata", description = "DATA is calldata of SIGNATURE (with selector).")
    boolean calldata;

    @Option(names = "--json", description = "Print one JSON array (the batch value conventions).")
    boolean json;

    @Override
    public void run() {
      byte[] bytes = hex("DATA", data);
      String[] parts = splitOutputs(signature);
      TupleType types;
      Tuple values;
      if (calldata) {
        Function f = Function.parse(parts[0]);
        types = f.inputs();
        values = f.decodeCall(bytes);
      } else {
        types = parts[1] != null ? AbiTypes.parseTuple(parts[1]) : params(parts[0]);
        values = types.decode(bytes);
      }
      print(out(), types, values, json);
    }
  }

  /**
   * Prints decoded values one per line (arrays and tuples as JSON arrays, integers in decimal,
   * addresses EIP-55, bytes lowercase hex), or with {@code json} as one JSON array.
   */
  static void print(java.io.PrintStream out, TupleType types, Tuple values, boolean json) {
    JsonNode nodes = AbiValues.toJson(AbiValues.components(types.canonicalType()), values);
    if (json) {
      out.println(nodes.toString());
      return;
    }
    for (JsonNode v : nodes) {
      out.println(v.isTextual() ? v.textValue() : v.toString());
    }
  }

  /** {@code wallet abi selector}. */
  @Command(
      name = "selector",
      mixinStandardHelpOptions = true,
      description = {
        "The 4-byte selector of a function or custom error, like cast sig.",
        "  wallet abi selector 'transfer(address,uint256)'",
        "  wallet abi selector 'error InsufficientBalance(uint256 available, uint256 required)'"
      })
  static final class Selector extends WalletCommand implements Runnable {
    @Parameters(index = "0", paramLabel = "SIGNATURE")
    String signature;

    @Override
    public void run() {
      String s = signature.strip();
      byte[] sel = s.startsWith("error ")
          ? AbiError.parse(s).selector()
          : Function.parse(splitOutputs(s)[0]).selector();
      out().println(Hex.encodePrefixed(sel));
    }
  }

  /** {@code wallet abi topic}. */
  @Command(
      name = "topic",
      mixinStandardHelpOptions = true,
      description = {
        "The topic0 of an event (Keccak-256 of its canonical signature), like cast sig-event.",
        "  wallet abi topic 'Transfer(address,address,uint256)'",
        "  wallet abi topic 'event Transfer(address indexed from, address indexed to, uint256 v)'"
      })
  static final class Topic extends WalletCommand implements Runnable {
    @Parameters(index = "0", paramLabel = "SIGNATURE")
    String signature;

    @Override
    public void run() {
      out().println(Hex.encodePrefixed(Event.parse(signature).topic0()));
    }
  }

  /** {@code wallet abi keccak}. */
  @Command(
      name = "keccak",
      mixinStandardHelpOptions = true,
      description = {
        "Keccak-256 of 0x-hex bytes, or of the UTF-8 text of anything else, like cast keccak.",
        "  wallet abi keccak 'transfer(address,uint256)'",
        "  wallet abi keccak 0x1234"
      })
  static final class Keccak extends WalletCommand implements Runnable {
    @Parameters(index = "0", paramLabel = "INPUT")
    String input;

    @Override
    public void run() {
      byte[] bytes = Hex.hasPrefix(input) ? hex("INPUT", input)
          : input.getBytes(StandardCharsets.UTF_8);
      out().println(Hex.encodePrefixed(Keccak256.hash(bytes)));
    }
  }
}

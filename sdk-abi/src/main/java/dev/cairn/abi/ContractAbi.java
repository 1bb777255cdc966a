package dev.cairn.abi;

import dev.cairn.abi.internal.AbiJsonWriter;
import dev.cairn.abi.internal.FragmentFormatter;
import dev.cairn.abi.internal.FragmentParser;
import dev.cairn.abi.internal.FragmentSpec;
import dev.cairn.abi.internal.JsonAbiReader;
import dev.cairn.core.encoding.DecodingException;
import dev.cairn.core.encoding.Hex;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A contract's ABI: its functions, events, custom errors, constructor, fallback and receive, with
 * lookups by name, signature, selector and topic. Built from a solc/Foundry/Hardhat JSON ABI or
 * from human-readable fragments. Immutable and thread-safe.
 */
public final class ContractAbi {
  private final List<FragmentSpec> specs;
  private final List<Function> functions;
  private final Map<Function, List<Param>[]> functionParams;
  private final List<Event> events;
  private final List<AbiError> errors;
  private final ConstructorFragment constructor;
  private final FallbackFragment fallback;
  private final ReceiveFragment receive;
  private final Map<Integer, Function> bySelector;
  private final Map<Integer, AbiError> errorsBySelector;
  private final Map<Long, List<Event>> eventsByTopic;
  private final List<Event> anonymousEvents;

  @SuppressWarnings("unchecked")
  private ContractAbi(List<FragmentSpec> specs, String sourceName) {
    this.specs = specs;
    List<Function> fs = new ArrayList<>();
    Map<Function, List<Param>[]> params = new IdentityHashMap<>();
    List<Event> es = new ArrayList<>();
    List<AbiError> errs = new ArrayList<>();
    ConstructorFragment ctor = null;
    FallbackFragment fb = null;
    ReceiveFragment rcv = null;
    Map<Integer, Function> sel = new HashMap<>();
    Map<Integer, AbiError> errSel = new HashMap<>();
    Map<Long, List<Event>> topics = new HashMap<>();
    List<Event> anon = new ArrayList<>();
    for (int i = 0; i < specs.size(); i++) {
      FragmentSpec s = specs.get(i);
      try {
        switch (s.kind()) {
          case FUNCTION:
            {
              List<Param> in = Fragments.resolveAll(s.inputs());
              List<Param> out = Fragments.resolveAll(s.outputs(), "outputs");
              Function f =
                  Function.of(
                      s.name(), Fragments.tupleOf(in), Fragments.tupleOf(out), s.stateMutability());
              fs.add(f);
              params.put(f, new List[] {in, out});
              sel.putIfAbsent(f.selectorAsInt(), f);
              break;
            }
          case EVENT:
            {
              Event e = Event.fromSpec(s);
              es.add(e);
              if (e.isAnonymous()) {
                anon.add(e);
              } else {
                topics.computeIfAbsent(topicKey(e.topic0()), k -> new ArrayList<>(1)).add(e);
              }
              break;
            }
          case ERROR:
            {
              AbiError e = AbiError.fromSpec(s);
              errs.add(e);
              errSel.putIfAbsent(e.selectorInt(), e);
              break;
            }
          case CONSTRUCTOR:
            if (ctor != null) {
              throw new AbiException(AbiException.Reason.INVALID_TYPE, "a second constructor");
            }
            ctor = ConstructorFragment.fromSpec(s);
            break;
          case FALLBACK:
            if (fb != null) {
              throw new AbiException(AbiException.Reason.INVALID_TYPE, "a second fallback");
            }
            fb = new FallbackFragment(s.stateMutability());
            break;
          case RECEIVE:
            if (rcv != null) {
              throw new AbiException(AbiException.Reason.INVALID_TYPE, "a second receive");
            }
            rcv = ReceiveFragment.INSTANCE;
            break;
          default:
            throw new IllegalStateException(s.kind().toString());
        }
      } catch (AbiException e) {
        String msg = Fragments.withoutPosition(e);
        boolean field = msg.startsWith("inputs[") || msg.startsWith("outputs[");
        throw new AbiException(e.reason(), sourceName + "[" + i + "]" + (field ? "." : ": ") + msg);
      }
    }
    this.functions = Collections.unmodifiableList(fs);
    this.functionParams = params;
    this.events = Collections.unmodifiableList(es);
    this.errors = Collections.unmodifiableList(errs);
    this.constructor = ctor;
    this.fallback = fb;
    this.receive = rcv;
    this.bySelector = sel;
    this.errorsBySelector = errSel;
    this.eventsByTopic = topics;
    this.anonymousEvents = Collections.unmodifiableList(anon);
  }

  static long topicKey(byte[] topic) {
    long k = 0;
    for (int i = 0; i < 8; i++) {
      k = (k << 8) | (topic[i] & 0xff);
    }
    return k;
  }

  /**
   * Parses a JSON ABI as solc, Foundry and Hardhat emit it: either the array of entries or an
   * artifact object with an {@code abi} member. Unknown keys are ignored.
   *
   * @throws AbiException naming the entry and field, e.g. {@code abi[3].inputs[1].type: unknown
   *     type "uint7"}, with the character position where known
   */
  public static ContractAbi parseJson(String json) {
    return new ContractAbi(JsonAbiReader.read(json), "abi");
  }

  /**
   * Builds an ABI from human-readable fragments such as {@code function balanceOf(address owner)
   * view returns (uint256)}, {@code event Transfer(address indexed from, address indexed to,
   * uint256 value)}, {@code error E(uint256 a)}, {@code constructor(...)}, {@code fallback()
   * external} and {@code receive() external payable}.
   *
   * @throws AbiException naming the fragment ({@code fragments[2]: ...}) with the character
   *     position in it
   */
  public static ContractAbi parseHumanReadable(String... fragments) {
    return parseHumanReadable(Arrays.asList(fragments));
  }

  /** Same as {@link #parseHumanReadable(String...)}. */
  public static ContractAbi parseHumanReadable(List<String> fragments) {
    List<FragmentSpec> specs = new ArrayList<>(fragments.size());
    for (int i = 0; i < fragments.size(); i++) {
      try {
        specs.add(FragmentParser.parse(fragments.get(i)));
      } catch (AbiException e) {
        throw new AbiException(
            e.reason(), "fragments[" + i + "]: " + Fragments.withoutPosition(e), e.position());
      }
    }
    return new ContractAbi(specs, "fragments");
  }

  /** All functions in source order (overloads included). */
  public List<Function> functions() {
    return functions;
  }

  /** The functions with this name (several when overloaded). */
  public List<Function> functions(String name) {
    List<Function> out = new ArrayList<>(2);
    for (Function f : functions) {
      if (f.name().equals(name)) {
        out.add(f);
      }
    }
    return out;
  }

  /**
   * The function with this name, or with this canonical signature when the argument contains a
   * parenthesis ({@code transfer(address,uint256)}).
   *
   * @throws AbiException (INVALID_VALUE) if a plain name matches several overloads
   */
  public Optional<Function> function(String nameOrSignature) {
    if (nameOrSignature.indexOf('(') >= 0) {
      for (Function f : functions) {
        if (f.signature().equals(nameOrSignature)) {
          return Optional.of(f);
        }
      }
      return Optional.empty();
    }
    List<Function> named = functions(nameOrSignature);
    if (named.size() > 1) {
      StringBuilder sb = new StringBuilder();
      for (Function f : named) {
        sb.append(sb.length() == 0 ? "" : ", ").append(f.signature());
      }
      throw new AbiException(
          AbiException.Reason.INVALID_VALUE,
          "function \"" + nameOrSignature + "\" is overloaded (" + sb + "); use a signature");
    }
    return named.isEmpty() ? Optional.empty() : Optional.of(named.get(0));
  }

  /** The function with this 4-byte selector. */
  public Optional<Function> functionBySelector(byte[] selector) {
    if (selector == null || selector.length < 4) {
      return Optional.empty();
    }
    return Optional.ofNullable(bySelector.get(selectorInt(selector)));
  }

  static int selectorInt(byte[] b) {
    return ((b[0] & 0xff) << 24) | ((b[1] & 0xff) << 16) | ((b[2] & 0xff) << 8) | (b[3] & 0xff);
  }

  /**
   * The named inputs of a function of this ABI, with {@code internalType}s and tuple components.
   *
   * @throws AbiException (INVALID_VALUE) if the function is not one of {@link #functions()}
   */
  public List<Param> inputsOf(Function f) {
    return paramsOf(f)[0];
  }

  /** The named outputs of a function of this ABI; see {@link #inputsOf(Function)}. */
  public List<Param> outputsOf(Function f) {
    return paramsOf(f)[1];
  }

  private List<Param>[] paramsOf(Function f) {
    List<Param>[] p = functionParams.get(f);
    if (p == null) {
      throw new AbiException(
          AbiException.Reason.INVALID_VALUE, f.signature() + " is not a function of this ABI");
    }
    return p;
  }

  /** All events in source order. */
  public List<Event> events() {
    return events;
  }

  /**
   * The event with this name, or this canonical signature when the argument contains a
   * parenthesis.
   *
   * @throws AbiException (INVALID_VALUE) if a plain name matches several events
   */
  public Optional<Event> event(String nameOrSignature) {
    boolean sig = nameOrSignature.indexOf('(') >= 0;
    Event found = null;
    for (Event e : events) {
      if (sig ? e.signature().equals(nameOrSignature) : e.name().equals(nameOrSignature)) {
        if (found != null) {
          throw new AbiException(
              AbiException.Reason.INVALID_VALUE,
              "event \"" + nameOrSignature + "\" is ambiguous; use a signature");
        }
        found = e;
      }
    }
    return Optional.ofNullable(found);
  }

  /** The non-anonymous events whose topic0 is {@code topic0}. */
  public List<Event> eventsByTopic(byte[] topic0) {
    if (topic0 == null || topic0.length != 32) {
      return List.of();
    }
    List<Event> c = eventsByTopic.get(topicKey(topic0));
    if (c == null) {
      return List.of();
    }
    List<Event> out = new ArrayList<>(c.size());
    for (Event e : c) {
      if (e.topic0Equals(topic0)) {
        out.add(e);
      }
    }
    return out;
  }

  /** The anonymous events (which can only be matched by trying them). */
  public List<Event> anonymousEvents() {
    return anonymousEvents;
  }

  /** All custom errors in source order. */
  public List<AbiError> errors() {
    return errors;
  }

  /** The custom error with this name, or this canonical signature when it contains a parenthesis. */
  public Optional<AbiError> error(String nameOrSignature) {
    boolean sig = nameOrSignature.indexOf('(') >= 0;
    for (AbiError e : errors) {
      if (sig ? e.signature().equals(nameOrSignature) : e.name().equals(nameOrSignature)) {
        return Optional.of(e);
      }
    }
    return Optional.empty();
  }

  /** The custom error with this 4-byte selector. */
  public Optional<AbiError> errorBySelector(byte[] selector) {
    if (selector == null || selector.length < 4) {
      return Optional.empty();
    }
    return Optional.ofNullable(errorsBySelector.get(selectorInt(selector)));
  }

  /** The constructor, if the ABI declares one. */
  public Optional<ConstructorFragment> constructor() {
    return Optional.ofNullable(constructor);
  }

  /** The fallback function, if any. */
  public Optional<FallbackFragment> fallback() {
    return Optional.ofNullable(fallback);
  }

  /** The receive function, if any. */
  public Optional<ReceiveFragment> receive() {
    return Optional.ofNullable(receive);
  }

  /**
   * Decodes calldata with the function its selector names.
   *
   * @throws DecodingException (field {@code calldata}) for a selector no function has, or for
   *     malformed arguments
   */
  public DecodedCall decodeCall(byte[] calldata) {
    if (calldata == null || calldata.length < 4) {
      throw new DecodingException("calldata", -1, "shorter than a 4-byte selector");
    }
    Function f = bySelector.get(selectorInt(calldata));
    if (f == null) {
      throw new DecodingException(
          "calldata", 0, "no function with selector 0x" + Hex.encode(calldata, 0, 4));
    }
    return new DecodedCall(f, f.decodeCall(calldata));
  }

  /**
   * Decodes a log with the event its topic0 names; when several events share the topic0 (they
   * differ in which inputs are indexed) the one whose topic count matches is used. Anonymous events
   * are not tried; decode those with {@link Event#decodeLog} directly.
   *
   * @throws DecodingException (field {@code topics}) when no event matches, or for malformed data
   */
  public DecodedLog decodeLog(List<byte[]> topics, byte[] data) {
    if (topics == null || topics.isEmpty()) {
      throw new DecodingException("topics", -1, "no topic0 (anonymous events need an explicit Event)");
    }
    List<Event> candidates = eventsByTopic(topics.get(0));
    if (candidates.isEmpty()) {
      throw new DecodingException(
          "topics[0]",
          -1,
          "no event with topic0 0x"
              + (topics.get(0) == null ? "" : Hex.encode(topics.get(0))));
    }
    DecodingException first = null;
    for (Event e : candidates) {
      if (e.indexedCount() + 1 != topics.size() && candidates.size() > 1) {
        continue;
      }
      try {
        return e.decodeLog(topics, data);
      } catch (DecodingException ex) {
        if (first == null) {
          first = ex;
        }
      }
    }
    if (first != null) {
      throw first;
    }
    return candidates.get(0).decodeLog(topics, data);
  }

  /** The human-readable fragments of this ABI, in source order. */
  public List<String> toHumanReadable() {
    List<String> out = new ArrayList<>(specs.size());
    for (FragmentSpec s : specs) {
      out.add(FragmentFormatter.format(s));
    }
    return out;
  }

  /** The JSON ABI (an array of entries, with internal types where the source had them). */
  public String toJson() {
    return AbiJsonWriter.write(specs);
  }

  List<FragmentSpec> specs() {
    return specs;
  }

  /** ABIs are equal when their entries are. */
  @Override
  public boolean equals(Object o) {
    return o instanceof ContractAbi && specs.equals(((ContractAbi) o).specs);
  }

  @Override
  public int hashCode() {
    return specs.hashCode();
  }

  /** A summary such as {@code ContractAbi[12 functions, 2 events, 3 errors]}. */
  @Override
  public String toString() {
    return "ContractAbi["
        + functions.size()
        + " functions, "
        + events.size()
        + " events, "
        + errors.size()
        + " errors]";
  }

}

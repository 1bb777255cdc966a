package dev.cairn.abi;

import dev.cairn.abi.internal.FragmentFormatter;
import dev.cairn.abi.internal.FragmentParser;
import dev.cairn.abi.internal.FragmentSpec;
import dev.cairn.abi.internal.Topics;
import dev.cairn.core.encoding.DecodingException;
import dev.cairn.core.encoding.Hex;
import dev.cairn.core.hash.Keccak256;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A Solidity event: decodes logs and builds {@code eth_getLogs} topic filters. Immutable and
 * thread-safe.
 *
 * <p>A log of a non-anonymous event has {@code topic0 = keccak256(signature)} followed by one
 * topic per indexed input; non-indexed inputs are ABI-encoded in the data. Indexed inputs of value
 * types ({@code uintN}, {@code intN}, {@code address}, {@code bool}, {@code bytesN}, {@code
 * function}) are stored in their topic and decoded back. Indexed inputs of other types ({@code
 * string}, {@code bytes}, arrays, tuples) are stored only as the Keccak-256 hash of their encoding;
 * {@link #decodeLog} returns them as {@link IndexedHash}. An anonymous event has no topic0, so
 * it can carry four indexed inputs and can only be decoded by an explicitly chosen event.
 */
public final class Event {
  private final String name;
  private final List<Param> inputs;
  private final boolean anonymous;
  private final String signature;
  private final byte[] topic0;
  private final TupleType dataType;
  private final int[] indexedPositions; // input index of each indexed input, in order
  private final int[] dataPositions; // input index of each non-indexed input, in order

  Event(String name, List<Param> inputs, boolean anonymous) {
    this.name = name;
    this.inputs = inputs;
    this.anonymous = anonymous;
    StringBuilder sig = new StringBuilder(name.length() + 16 * inputs.size());
    sig.append(name).append('(');
    int indexedCount = 0;
    for (int i = 0; i < inputs.size(); i++) {
      if (i > 0) {
        sig.append(',');
      }
      sig.append(inputs.get(i).canonicalType());
      if (inputs.get(i).isIndexed()) {
        indexedCount++;
      }
    }
    this.signature = sig.append(')').toString();
    int maxIndexed = anonymous ? 4 : 3;
    if (indexedCount > maxIndexed) {
      throw new AbiException(
          AbiException.Reason.INVALID_TYPE,
          "event " + signature + ": " + indexedCount + " indexed inputs, at most " + maxIndexed);
    }
    this.topic0 = Keccak256.hash(signature.getBytes(StandardCharsets.US_ASCII));
    this.indexedPositions = new int[indexedCount];
    this.dataPositions = new int[inputs.size() - indexedCount];
    List<Param> dataParams = new ArrayList<>(dataPositions.length);
    int a = 0;
    int b = 0;
    for (int i = 0; i < inputs.size(); i++) {
      if (inputs.get(i).isIndexed()) {
        indexedPositions[a++] = i;
      } else {
        dataPositions[b++] = i;
        dataParams.add(inputs.get(i));
      }
    }
    this.dataType = Fragments.tupleOf(dataParams);
  }

  static Event fromSpec(FragmentSpec s) {
    return new Event(s.name(), Fragments.resolveAll(s.inputs()), s.anonymous());
  }

  /**
   * Parses a human-readable event, e.g. {@code event Transfer(address indexed from, address indexed
   * to, uint256 value)}; the {@code event} keyword may be omitted and {@code anonymous} may follow
   * the parameters.
   *
   * @throws AbiException with the character position for a syntax error or an invalid type
   */
  public static Event parse(String fragment) {
    return fromSpec(FragmentParser.parse(fragment, FragmentSpec.Kind.EVENT));
  }

  /**
   * An event with the given inputs (use {@link Param#indexed(String, String)} for indexed ones).
   *
   * @throws AbiException if there are too many indexed inputs or the name is empty
   */
  public static Event of(String name, List<Param> inputs, boolean anonymous) {
    if (name == null || name.isEmpty()) {
      throw new AbiException(AbiException.Reason.INVALID_TYPE, "event name is empty");
    }
    return new Event(name, List.copyOf(inputs), anonymous);
  }

  /** The event name. */
  public String name() {
    return name;
  }

  /** All inputs in declaration order, with their indexed flags. */
  public List<Param> inputs() {
    return inputs;
  }

  /** Whether the event is anonymous (its logs carry no topic0). */
  public boolean isAnonymous() {
    return anonymous;
  }

  /** The canonical signature, e.g. {@code Transfer(address,address,uint256)}. */
  public String signature() {
    return signature;
  }

  /**
   * The Keccak-256 of the signature (a copy). This is the first topic of the event's logs unless it
   * is anonymous.
   */
  public byte[] topic0() {
    return topic0.clone();
  }

  /** Number of indexed inputs. */
  public int indexedCount() {
    return indexedPositions.length;
  }

  /** The tuple type of the non-indexed inputs, which make up the log data. */
  public TupleType dataType() {
    return dataType;
  }

  /** True when the log's topic0 is this event's (always false for an anonymous event). */
  public boolean matchesTopic0(byte[] topic) {
    return !anonymous && Arrays.equals(topic0, topic);
  }

  boolean topic0Equals(byte[] topic) {
    return Arrays.equals(topic0, topic);
  }

  /**
   * Decodes a log of this event.
   *
   * @param topics the log's topics (32 bytes each)
   * @param data the log's data
   * @return the inputs in declaration order; indexed inputs of non-value types as {@link
   *     IndexedHash}
   * @throws DecodingException (field {@code topics} or {@code topics[i]}) when the topic count does
   *     not match the event, topic0 is not this event's, a topic is not 32 bytes or not a valid
   *     encoding of its type; (field {@code abi...}) for malformed data
   */
  public DecodedLog decodeLog(List<byte[]> topics, byte[] data) {
    if (topics == null) {
      throw new DecodingException("topics", -1, "missing");
    }
    int first = anonymous ? 0 : 1;
    int expected = first + indexedPositions.length;
    if (topics.size() != expected) {
      throw new DecodingException(
          "topics",
          -1,
          "expected "
              + expected
              + " topics for "
              + (anonymous ? "anonymous " : "")
              + signature
              + " but the log has "
              + topics.size());
    }
    for (int i = 0; i < expected; i++) {
      byte[] t = topics.get(i);
      if (t == null || t.length != 32) {
        throw new DecodingException(
            "topics[" + i + "]", -1, "expected 32 bytes but got " + (t == null ? "null" : t.length));
      }
    }
    if (!anonymous && !Arrays.equals(topics.get(0), topic0)) {
      throw new DecodingException(
          "topics[0]", -1, "0x" + Hex.encode(topics.get(0)) + " is not the topic of " + signature);
    }
    Object[] values = new Object[inputs.size()];
    for (int k = 0; k < indexedPositions.length; k++) {
      int i = indexedPositions[k];
      byte[] topic = topics.get(first + k);
      AbiType<?> t = inputs.get(i).type();
      values[i] =
          Topics.isValueType(t)
              ? Topics.decodeValue(t, topic, "topics[" + (first + k) + "]")
              : IndexedHash.of(topic);
    }
    Tuple decoded = dataType.decode(data);
    for (int k = 0; k < dataPositions.length; k++) {
      values[dataPositions[k]] = decoded.get(k);
    }
    return new DecodedLog(this, values);
  }

  /**
   * Encodes a log of this event from all inputs in declaration order (indexed ones become topics).
   *
   * @throws AbiException (INVALID_VALUE) if the count or a value does not match
   */
  public EncodedLog encodeLog(Object... args) {
    if (args == null || args.length != inputs.size()) {
      throw new AbiException(
          AbiException.Reason.INVALID_VALUE,
          "args: expected " + inputs.size() + " values for " + signature + " but got "
              + (args == null ? 0 : args.length));
    }
    int first = anonymous ? 0 : 1;
    byte[][] topics = new byte[first + indexedPositions.length][];
    if (!anonymous) {
      topics[0] = topic0.clone();
    }
    for (int k = 0; k < indexedPositions.length; k++) {
      int i = indexedPositions[k];
      topics[first + k] = Topics.encode(inputs.get(i).type(), args[i], "args[" + i + "]");
    }
    Object[] data = new Object[dataPositions.length];
    for (int k = 0; k < data.length; k++) {
      data[k] = args[dataPositions[k]];
    }
    return new EncodedLog(topics, dataType.encode(Tuple.of(data)));
  }

  /**
   * The topic that an indexed input with the given value produces: the 32-byte encoding of a value
   * type, else the Keccak-256 of the value's encoding.
   *
   * @param inputIndex index of an indexed input in {@link #inputs()}
   * @throws AbiException (INVALID_VALUE) for a bad index or value
   */
  public byte[] topicFor(int inputIndex, Object value) {
    if (inputIndex < 0 || inputIndex >= inputs.size() || !inputs.get(inputIndex).isIndexed()) {
      throw new AbiException(
          AbiException.Reason.INVALID_VALUE,
          "inputIndex: " + inputIndex + " is not an indexed input of " + signature);
    }
    return Topics.encode(inputs.get(inputIndex).type(), value, "args[" + inputIndex + "]");
  }

  /**
   * A topic filter for {@code eth_getLogs} matching this event: topic0 (unless anonymous) followed
   * by one position per indexed input, in order.
   *
   * <p>Each value is {@code null} (any value), a value of the input's type (strings, bytes, arrays
   * and tuples are hashed like the log does), {@link TopicFilter#anyOf(Object...)} (any of several
   * values), or, for value-type inputs only, a {@link java.util.Collection} of values (any of them).
   * Fewer values than indexed inputs leave the rest as wildcards.
   *
   * @throws AbiException (INVALID_VALUE) for too many values or values that do not fit
   */
  public TopicFilter topicFilter(Object... indexedValues) {
    Object[] vs = indexedValues == null ? new Object[1] : indexedValues;
    if (vs.length > indexedPositions.length) {
      throw new AbiException(
          AbiException.Reason.INVALID_VALUE,
          "indexedValues: " + signature + " has " + indexedPositions.length
              + " indexed inputs but " + vs.length + " values were given");
    }
    int first = anonymous ? 0 : 1;
    List<List<byte[]>> positions = new ArrayList<>(first + vs.length);
    if (!anonymous) {
      positions.add(List.of(topic0.clone()));
    }
    for (int k = 0; k < vs.length; k++) {
      Object v = vs[k];
      int i = indexedPositions[k];
      AbiType<?> t = inputs.get(i).type();
      String path = "indexedValues[" + k + "]";
      if (v == null) {
        positions.add(null);
      } else if (v instanceof TopicFilter.AnyOf) {
        positions.add(encodeAll(t, ((TopicFilter.AnyOf) v).values(), path));
      } else if (v instanceof java.util.Collection && Topics.isValueType(t)) {
        positions.add(encodeAll(t, new ArrayList<>((java.util.Collection<?>) v), path));
      } else {
        positions.add(List.of(Topics.encode(t, v, path)));
      }
    }
    return TopicFilter.ofPositions(positions);
  }

  private static List<byte[]> encodeAll(AbiType<?> t, List<?> values, String path) {
    if (values.isEmpty()) {
      throw new AbiException(AbiException.Reason.INVALID_VALUE, path + ": no alternatives");
    }
    List<byte[]> out = new ArrayList<>(values.size());
    for (int j = 0; j < values.size(); j++) {
      if (values.get(j) == null) {
        throw new AbiException(AbiException.Reason.INVALID_VALUE, path + "[" + j + "]: null");
      }
      out.add(Topics.encode(t, values.get(j), path + "[" + j + "]"));
    }
    return out;
  }

  FragmentSpec spec() {
    return new FragmentSpec(
        FragmentSpec.Kind.EVENT, name, Fragments.specs(inputs), List.of(), "nonpayable", anonymous);
  }

  /** The human-readable form, e.g. {@code event Transfer(address indexed from, ...)}. */
  public String toHumanReadable() {
    return FragmentFormatter.format(spec());
  }

  /**
   * Events are equal when names, inputs (types, names, indexed flags) and anonymity are; internal
   * types are ignored.
   */
  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof Event)) {
      return false;
    }
    Event e = (Event) o;
    return anonymous == e.anonymous && name.equals(e.name) && Fragments.sameParams(inputs, e.inputs);
  }

  @Override
  public int hashCode() {
    return 31 * signature.hashCode() + (anonymous ? 1 : 0);
  }

  /** The human-readable form. */
  @Override
  public String toString() {
    return toHumanReadable();
  }
}

package dev.cairn.abi;

import dev.cairn.abi.internal.TypeParser;
import dev.cairn.abi.type.ArrayType;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Parses ABI type strings into {@link AbiType}s, once: results are cached (up to {@value
 * #CACHE_LIMIT} strings; the cache is cleared when full so that hostile inputs cannot grow it).
 *
 * <p>Grammar: elementary types ({@code uint8..uint256}, {@code int8..int256} in steps of 8, {@code
 * uint}/{@code int} as aliases of the 256-bit types, {@code address}, {@code bool}, {@code
 * bytes1..bytes32}, {@code bytes}, {@code string}, {@code function}), tuples {@code (T1,...,Tn)}
 * (an optional {@code tuple} prefix is accepted), and array suffixes {@code [k]} and {@code []}.
 * No whitespace. Tuples and array dimensions nest at most {@value TypeParser#MAX_DEPTH} deep.
 * Errors are {@link AbiException}s with reason PARSE (or UNSUPPORTED for {@code fixed/ufixed})
 * and the character {@link AbiException#position() position}.
 */
public final class AbiTypes {
  /** Maximum number of cached type strings. */
  public static final int CACHE_LIMIT = 4096;

  private static final ConcurrentHashMap<String, AbiType<?>> CACHE = new ConcurrentHashMap<>();

  private AbiTypes() {}

  /**
   * The type for {@code typeString}, e.g. {@code uint256}, {@code (address,bytes)[]}.
   *
   * @throws AbiException (PARSE with a position, INVALID_TYPE, UNSUPPORTED) on a bad type string
   */
  public static AbiType<?> parse(String typeString) {
    if (typeString == null) {
      throw new AbiException(AbiException.Reason.PARSE, "type: null");
    }
    AbiType<?> t = CACHE.get(typeString);
    if (t != null) {
      return t;
    }
    t = TypeParser.parseType(typeString);
    if (CACHE.size() >= CACHE_LIMIT) {
      CACHE.clear();
    }
    CACHE.put(typeString, t);
    return t;
  }

  /**
   * Parses a tuple type string such as {@code (uint256,bool)}.
   *
   * @throws AbiException (INVALID_TYPE) if the string is not a tuple type
   */
  public static TupleType parseTuple(String typeString) {
    AbiType<?> t = parse(typeString);
    if (!(t instanceof TupleType)) {
      throw new AbiException(AbiException.Reason.INVALID_TYPE, "not a tuple type: " + typeString);
    }
    return (TupleType) t;
  }

  /** The tuple of the given component type strings, e.g. {@code tuple("address", "uint256")}. */
  public static TupleType tuple(String... types) {
    List<AbiType<?>> cs = new ArrayList<>(types.length);
    for (String t : types) {
      cs.add(parse(t));
    }
    return TupleType.of(cs, null);
  }

  /** {@code element[length]}. */
  public static ArrayType array(AbiType<?> element, int length) {
    return ArrayType.of(element, length);
  }

  /** {@code element[]}. */
  public static ArrayType dynamicArray(AbiType<?> element) {
    return ArrayType.of(element, ArrayType.DYNAMIC);
  }
}

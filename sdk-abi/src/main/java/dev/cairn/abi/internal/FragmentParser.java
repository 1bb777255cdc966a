package dev.cairn.abi.internal;

import dev.cairn.abi.AbiException;
import dev.cairn.abi.internal.FragmentSpec.Kind;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Parser for human-readable ABI fragments as ethers and viem accept them: {@code function
 * balanceOf(address owner) view returns (uint256)}, {@code event Transfer(address indexed from,
 * address indexed to, uint256 value)}, {@code error E(uint256 a)}, {@code constructor(...)},
 * {@code fallback() external payable}, {@code receive() external payable} and bare canonical
 * signatures {@code transfer(address,uint256)} (a function).
 *
 * <p>A hand-written recursive-descent parser over the characters; errors are {@link AbiException}s
 * of reason PARSE carrying the 0-based character position.
 */
public final class FragmentParser {
  /** Nesting limit of tuples and arrays, so that hostile input cannot exhaust the stack. */
  public static final int MAX_DEPTH = 64;

  private final String s;
  private int pos;
  private int depth;

  private FragmentParser(String s) {
    this.s = s;
  }

  /** Parses one fragment of any kind. */
  public static FragmentSpec parse(String fragment) {
    if (fragment == null) {
      throw AbiErrors.parse("fragment is null", 0);
    }
    FragmentParser p = new FragmentParser(fragment);
    FragmentSpec spec = p.fragment();
    p.skipWs();
    if (p.pos < fragment.length()) {
      throw p.error("unexpected '" + fragment.charAt(p.pos) + "' after the fragment");
    }
    return spec;
  }

  /** Parses a fragment that must be of the given kind (the keyword may be omitted). */
  public static FragmentSpec parse(String fragment, Kind expected) {
    if (fragment == null) {
      throw AbiErrors.parse("fragment is null", 0);
    }
    FragmentParser p = new FragmentParser(fragment);
    FragmentSpec spec = p.fragmentOf(expected);
    p.skipWs();
    if (p.pos < fragment.length()) {
      throw p.error("unexpected '" + fragment.charAt(p.pos) + "' after the fragment");
    }
    return spec;
  }

  /**
   * Parses a parameter list such as {@code uint256 a, (bool b, string c)[] d} (without the
   * enclosing parentheses).
   */
  public static List<ParamSpec> parseParams(String params) {
    if (params == null) {
      throw AbiErrors.parse("parameter list is null", 0);
    }
    FragmentParser p = new FragmentParser(params);
    p.skipWs();
    if (p.pos == params.length()) {
      return List.of();
    }
    List<ParamSpec> out = new ArrayList<>();
    while (true) {
      out.add(p.param(true, false));
      p.skipWs();
      if (p.pos == params.length()) {
        return out;
      }
      p.expect(',');
    }
  }

  private FragmentSpec fragment() {
    skipWs();
    String word = peekIdentifier();
    if (word == null) {
      throw error(pos < s.length() ? "expected a fragment keyword or a name" : "empty fragment");
    }
    // peekIdentifier does not advance; without a keyword the fragment is a function's head
    Kind kind = Kind.fromJson(word);
    return fragmentOf(kind == null ? Kind.FUNCTION : kind);
  }

  private FragmentSpec fragmentOf(Kind kind) {
    skipWs();
    int start = pos;
    String word = peekIdentifier();
    if (word != null && word.equals(kind.json())) {
      pos += word.length();
      if (kind == Kind.CONSTRUCTOR || kind == Kind.FALLBACK || kind == Kind.RECEIVE) {
        // the keyword is the whole head; a parenthesis follows
        return special(kind);
      }
    } else if (kind == Kind.CONSTRUCTOR || kind == Kind.FALLBACK || kind == Kind.RECEIVE) {
      pos = start;
      throw error("expected '" + kind.json() + "'");
    }
    skipWs();
    int nameAt = pos;
    String name = identifier("a name");
    if (!isValidName(name)) {
      pos = nameAt;
      throw error("'" + name + "' is not a valid name");
    }
    skipWs();
    List<ParamSpec> inputs = paramList(true, kind == Kind.EVENT);
    switch (kind) {
      case FUNCTION:
        return functionTail(name, inputs);
      case EVENT:
        {
          skipWs();
          boolean anonymous = false;
          int at = pos;
          String w = peekIdentifier();
          if (w != null) {
            if (w.equals("anonymous")) {
              pos += w.length();
              anonymous = true;
            } else {
              pos = at;
              throw error("unexpected '" + w + "' after an event's parameters");
            }
          }
          return new FragmentSpec(kind, name, inputs, List.of(), "nonpayable", anonymous);
        }
      case ERROR:
        return new FragmentSpec(kind, name, inputs, List.of(), "nonpayable", false);
      default:
        throw new IllegalStateException(kind.toString());
    }
  }

  private FragmentSpec special(Kind kind) {
    skipWs();
    int listAt = pos;
    List<ParamSpec> inputs = paramList(true, false);
    String mutability = null;
    List<ParamSpec> outputs = List.of();
    while (true) {
      skipWs();
      int at = pos;
      String w = peekIdentifier();
      if (w == null) {
        break;
      }
      pos += w.length();
      switch (w) {
        case "external":
        case "public":
          break;
        case "payable":
        case "nonpayable":
        case "view":
        case "pure":
        case "constant":
          mutability = mutability(mutability, w, at);
          break;
        case "returns":
          if (kind != Kind.FALLBACK) {
            pos = at;
            throw error("a " + kind.json() + " has no return values");
          }
          skipWs();
          int outAt = pos;
          outputs = paramList(true, false);
          checkSingleBytes(outputs, outAt);
          break;
        default:
          pos = at;
          throw error("unexpected '" + w + "' in a " + kind.json() + " fragment");
      }
    }
    if (mutability == null) {
      mutability = kind == Kind.RECEIVE ? "payable" : "nonpayable";
    }
    switch (kind) {
      case CONSTRUCTOR:
        if (!mutability.equals("payable") && !mutability.equals("nonpayable")) {
          throw AbiErrors.parse("a constructor is payable or nonpayable, not " + mutability, listAt);
        }
        return new FragmentSpec(kind, "", inputs, List.of(), mutability, false);
      case RECEIVE:
        if (!inputs.isEmpty()) {
          throw AbiErrors.parse("receive() takes no parameters", listAt);
        }
        if (!mutability.equals("payable")) {
          throw AbiErrors.parse("receive() must be payable", listAt);
        }
        return new FragmentSpec(kind, "", List.of(), List.of(), mutability, false);
      case FALLBACK:
        checkSingleBytes(inputs, listAt);
        if (!mutability.equals("payable") && !mutability.equals("nonpayable")) {
          throw AbiErrors.parse("fallback() is payable or nonpayable, not " + mutability, listAt);
        }
        // the JSON ABI records neither the input nor the output of fallback(bytes) returns (bytes)
        return new FragmentSpec(kind, "", List.of(), List.of(), mutability, false);
      default:
        throw new IllegalStateException(kind.toString());
    }
  }

  /**
   * The state mutability keyword {@code w} (read at {@code at}) in canonical spelling ({@code
   * constant} is {@code view}); rejects a second one after {@code previous}.
   */
  private String mutability(String previous, String w, int at) {
    if (previous != null) {
      pos = at;
      throw error("a second state mutability '" + w + "'");
    }
    return w.equals("constant") ? "view" : w;
  }

  private void checkSingleBytes(List<ParamSpec> params, int at) {
    if (params.isEmpty()) {
      return;
    }
    if (params.size() != 1 || !params.get(0).canonicalType().equals("bytes")) {
      throw AbiErrors.parse("fallback takes and returns nothing or a single bytes value", at);
    }
  }

  private FragmentSpec functionTail(String name, List<ParamSpec> inputs) {
    String mutability = null;
    List<ParamSpec> outputs = List.of();
    boolean sawReturns = false;
    while (true) {
      skipWs();
      int at = pos;
      String w = peekIdentifier();
      if (w == null) {
        break;
      }
      if (sawReturns) {
        throw error("unexpected '" + w + "' after the return values");
      }
      pos += w.length();
      switch (w) {
        case "external":
        case "public":
        case "internal":
        case "private":
        case "virtual":
        case "override":
          break;
        case "payable":
        case "nonpayable":
        case "view":
        case "pure":
        case "constant":
          mutability = mutability(mutability, w, at);
          break;
        case "returns":
          skipWs();
          outputs = paramList(true, false);
          sawReturns = true;
          break;
        default:
          pos = at;
          throw error("unexpected '" + w + "' in a function fragment");
      }
    }
    return new FragmentSpec(
        Kind.FUNCTION, name, inputs, outputs, mutability == null ? "nonpayable" : mutability, false);
  }

  /** {@code ( param, param, ... )} starting at pos (after whitespace). */
  private List<ParamSpec> paramList(boolean allowNames, boolean allowIndexed) {
    expect('(');
    skipWs();
    if (peek() == ')') {
      pos++;
      return List.of();
    }
    List<ParamSpec> out = new ArrayList<>(4);
    while (true) {
      out.add(param(allowNames, allowIndexed));
      skipWs();
      char c = peek();
      if (c == ',') {
        pos++;
      } else if (c == ')') {
        pos++;
        return Collections.unmodifiableList(out);
      } else {
        throw error(
            pos < s.length()
                ? "expected ',' or ')' but found '" + c + "'"
                : "expected ',' or ')' but the fragment ended");
      }
    }
  }

  private ParamSpec param(boolean allowNames, boolean allowIndexed) {
    skipWs();
    int typeAt = pos;
    List<ParamSpec> components = null;
    String base;
    if (peek() == '(' || (s.startsWith("tuple", pos) && afterWord(pos + 5) == '(')) {
      if (peek() != '(') {
        pos += 5;
        skipWs();
      }
      if (++depth > MAX_DEPTH) {
        throw error("tuples nested deeper than " + MAX_DEPTH);
      }
      components = paramList(true, false);
      depth--;
      base = "tuple";
    } else {
      String word = identifierOrNull();
      if (word == null) {
        throw error(
            pos < s.length()
                ? "expected a type but found '" + s.charAt(pos) + "'"
                : "expected a type but the fragment ended");
      }
      base = ElementaryTypes.canonical(word);
      if (base == null) {
        throw AbiErrors.unknownType("", word, typeAt);
      }
      if (base.equals("address")) {
        int save = pos;
        skipWs();
        String next = peekIdentifier();
        if ("payable".equals(next)) {
          pos += next.length();
        } else {
          pos = save;
        }
      }
    }
    String suffix = arraySuffix();
    String type = suffix.isEmpty() ? base : base + suffix;
    boolean indexed = false;
    String name = "";
    while (true) {
      int save = pos;
      skipWs();
      int at = pos;
      String w = peekIdentifier();
      if (w == null) {
        pos = save;
        break;
      }
      switch (w) {
        case "indexed":
          if (!allowIndexed) {
            throw error("'indexed' is only allowed on event parameters");
          }
          if (indexed) {
            throw error("'indexed' twice");
          }
          indexed = true;
          pos += w.length();
          continue;
        case "memory":
        case "calldata":
        case "storage":
          pos += w.length();
          continue;
        default:
          break;
      }
      if (!name.isEmpty()) {
        throw error("unexpected '" + w + "' after the parameter name");
      }
      if (!allowNames) {
        throw error("parameter names are not allowed here");
      }
      if (!isValidName(w)) {
        throw error("'" + w + "' is not a valid parameter name");
      }
      pos = at + w.length();
      name = w;
    }
    return new ParamSpec(name, type, components, null, indexed);
  }

  private String arraySuffix() {
    int start = -1;
    while (true) {
      int save = pos;
      skipWs();
      if (peek() != '[') {
        pos = save;
        break;
      }
      if (start < 0) {
        start = pos;
      }
      if (++depth > MAX_DEPTH) {
        throw error("arrays nested deeper than " + MAX_DEPTH);
      }
      pos++;
      skipWs();
      int numAt = pos;
      while (pos < s.length() && s.charAt(pos) >= '0' && s.charAt(pos) <= '9') {
        pos++;
      }
      int numEnd = pos;
      if (numEnd > numAt) {
        if (s.charAt(numAt) == '0') {
          pos = numAt;
          throw error("array length must be a positive number without leading zeros");
        }
        if (numEnd - numAt > 9) {
          pos = numAt;
          throw error("array length too large");
        }
      }
      skipWs();
      if (peek() != ']') {
        throw error(
            pos < s.length() ? "expected ']' but found '" + s.charAt(pos) + "'" : "expected ']'");
      }
      pos++;
    }
    if (start < 0) {
      return "";
    }
    depth -= countBrackets(start, pos);
    // canonical suffix: without whitespace
    StringBuilder sb = new StringBuilder(pos - start);
    for (int i = start; i < pos; i++) {
      char c = s.charAt(i);
      if (!isWs(c)) {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  private int countBrackets(int from, int to) {
    int n = 0;
    for (int i = from; i < to; i++) {
      if (s.charAt(i) == '[') {
        n++;
      }
    }
    return n;
  }

  private char afterWord(int i) {
    while (i < s.length() && isWs(s.charAt(i))) {
      i++;
    }
    return i < s.length() ? s.charAt(i) : '\0';
  }

  private static boolean isValidName(String w) {
    char c = w.charAt(0);
    return !(c >= '0' && c <= '9');
  }

  private String identifier(String what) {
    String w = identifierOrNull();
    if (w == null) {
      throw error(
          pos < s.length()
              ? "expected " + what + " but found '" + s.charAt(pos) + "'"
              : "expected " + what + " but the fragment ended");
    }
    return w;
  }

  private String identifierOrNull() {
    String w = peekIdentifier();
    if (w != null) {
      pos += w.length();
    }
    return w;
  }

  private String peekIdentifier() {
    int i = pos;
    while (i < s.length() && isIdentChar(s.charAt(i))) {
      i++;
    }
    return i == pos ? null : s.substring(pos, i);
  }

  private static boolean isIdentChar(char c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || c == '_'
        || c == '$';
  }

  private static boolean isWs(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
  }

  private void skipWs() {
    while (pos < s.length() && isWs(s.charAt(pos))) {
      pos++;
    }
  }

  private char peek() {
    return pos < s.length() ? s.charAt(pos) : '\0';
  }

  private void expect(char c) {
    skipWs();
    if (pos >= s.length()) {
      throw error("expected '" + c + "' but the fragment ended");
    }
    if (s.charAt(pos) != c) {
      throw error("expected '" + c + "' but found '" + s.charAt(pos) + "'");
    }
    pos++;
  }

  private AbiException error(String problem) {
    return AbiErrors.parse(problem, pos);
  }
}

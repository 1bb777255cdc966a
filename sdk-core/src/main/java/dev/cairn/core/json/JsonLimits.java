package dev.cairn.core.json;

/**
 * The bounds a JSON parse enforces, in one place. Every bound is checked while reading, before the
 * memory it protects is allocated, and a document beyond one is rejected with a {@link
 * dev.cairn.core.encoding.DecodingException} naming the bound.
 *
 * <p>Defaults ({@link #defaults()}):
 *
 * <ul>
 *   <li>document length: 32 MiB of characters ({@value #DEFAULT_MAX_DOCUMENT_LENGTH});
 *   <li>nesting depth: {@value #DEFAULT_MAX_DEPTH} objects and arrays;
 *   <li>string length: 4 MiB of characters ({@value #DEFAULT_MAX_STRING_LENGTH}), after unescaping
 *       (keys included);
 *   <li>number literal length: {@value #DEFAULT_MAX_NUMBER_LENGTH} characters (as Jackson's
 *       default);
 *   <li>members of one object or elements of one array: {@value #DEFAULT_MAX_ENTRIES}.
 * </ul>
 *
 * <p>Instances are immutable; the {@code with...} methods return modified copies.
 */
public final class JsonLimits {
  /** Default longest document, in characters (UTF-16 units), 32 MiB. */
  public static final int DEFAULT_MAX_DOCUMENT_LENGTH = 32 * 1024 * 1024;
  /** Default deepest nesting of objects and arrays. */
  public static final int DEFAULT_MAX_DEPTH = 128;
  /** Default longest string (decoded), in characters, 4 MiB. */
  public static final int DEFAULT_MAX_STRING_LENGTH = 4 * 1024 * 1024;
  /** Default longest number literal, in characters. */
  public static final int DEFAULT_MAX_NUMBER_LENGTH = 1000;
  /** Default largest number of members of one object or elements of one array. */
  public static final int DEFAULT_MAX_ENTRIES = 1_000_000;

  private static final JsonLimits DEFAULTS =
      new JsonLimits(
          DEFAULT_MAX_DOCUMENT_LENGTH,
          DEFAULT_MAX_DEPTH,
          DEFAULT_MAX_STRING_LENGTH,
          DEFAULT_MAX_NUMBER_LENGTH,
          DEFAULT_MAX_ENTRIES);

  private final int maxDocumentLength;
  private final int maxDepth;
  private final int maxStringLength;
  private final int maxNumberLength;
  private final int maxEntries;

  private JsonLimits(
      int maxDocumentLength, int maxDepth, int maxStringLength, int maxNumberLength, int maxEntries) {
    this.maxDocumentLength = positive(maxDocumentLength, "maxDocumentLength");
    this.maxDepth = positive(maxDepth, "maxDepth");
    this.maxStringLength = positive(maxStringLength, "maxStringLength");
    this.maxNumberLength = positive(maxNumberLength, "maxNumberLength");
    this.maxEntries = positive(maxEntries, "maxEntries");
  }

  private static int positive(int v, String name) {
    if (v < 1) {
      throw new IllegalArgumentException(name + " must be at least 1, got " + v);
    }
    return v;
  }

  /** The default limits (see the class documentation). */
  public static JsonLimits defaults() {
    return DEFAULTS;
  }

  /** Longest document accepted, in characters (for bytes: in bytes before decoding). */
  public int maxDocumentLength() {
    return maxDocumentLength;
  }

  /** Deepest nesting of objects and arrays accepted; a scalar root has depth 0. */
  public int maxDepth() {
    return maxDepth;
  }

  /** Longest string (after unescaping) accepted, keys included, in characters. */
  public int maxStringLength() {
    return maxStringLength;
  }

  /** Longest number literal accepted, in characters. */
  public int maxNumberLength() {
    return maxNumberLength;
  }

  /** Most members of one object, or elements of one array, accepted. */
  public int maxEntries() {
    return maxEntries;
  }

  /** A copy with the given document length limit. */
  public JsonLimits withMaxDocumentLength(int v) {
    return new JsonLimits(v, maxDepth, maxStringLength, maxNumberLength, maxEntries);
  }

  /** A copy with the given nesting limit. */
  public JsonLimits withMaxDepth(int v) {
    return new JsonLimits(maxDocumentLength, v, maxStringLength, maxNumberLength, maxEntries);
  }

  /** A copy with the given string length limit. */
  public JsonLimits withMaxStringLength(int v) {
    return new JsonLimits(maxDocumentLength, maxDepth, v, maxNumberLength, maxEntries);
  }

  /** A copy with the given number literal length limit. */
  public JsonLimits withMaxNumberLength(int v) {
    return new JsonLimits(maxDocumentLength, maxDepth, maxStringLength, v, maxEntries);
  }

  /** A copy with the given per-container entry limit. */
  public JsonLimits withMaxEntries(int v) {
    return new JsonLimits(maxDocumentLength, maxDepth, maxStringLength, maxNumberLength, v);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof JsonLimits l
        && l.maxDocumentLength == maxDocumentLength
        && l.maxDepth == maxDepth
        && l.maxStringLength == maxStringLength
        && l.maxNumberLength == maxNumberLength
        && l.maxEntries == maxEntries;
  }

  @Override
  public int hashCode() {
    return ((((maxDocumentLength * 31) + maxDepth) * 31 + maxStringLength) * 31 + maxNumberLength)
            * 31
        + maxEntries;
  }

  @Override
  public String toString() {
    return "JsonLimits{document=" + maxDocumentLength + ", depth=" + maxDepth + ", string="
        + maxStringLength + ", number=" + maxNumberLength + ", entries=" + maxEntries + "}";
  }
}

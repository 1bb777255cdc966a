package dev.cairn.transport;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;

/**
 * The one set of JSON parser limits of the transport, used for every response it parses (JSON-RPC
 * over HTTP and WebSocket, REST): nesting depth, number and string lengths, body size. A hostile or
 * broken server cannot make a client allocate without bound: past a limit the call fails with
 * {@link TransportException.Kind#MALFORMED_RESPONSE}.
 *
 * <pre>{@code
 * JsonParser p = JsonLimits.jsonFactory().createParser(bytes); // bounded like every transport parser
 * long max = JsonLimits.MAX_BODY_BYTES;                       // default response body bound
 * }</pre>
 */
public final class JsonLimits {
  /** Deepest nesting of arrays and objects accepted. */
  public static final int MAX_DEPTH = 256;
  /** Longest JSON number accepted, in characters. */
  public static final int MAX_NUMBER_LENGTH = 100;
  /**
   * Longest JSON string accepted, in characters: 128 Mi characters plus quotes, room for 64 MiB of
   * hex-encoded data (contract code, large call results).
   */
  public static final int MAX_STRING_LENGTH = 128 * 1024 * 1024 + 2;
  /**
   * The default bound of a response body, 256 MiB (a client can lower it with its builder's
   * {@code maxResponseBytes}); also the bound of one WebSocket message.
   */
  public static final long MAX_BODY_BYTES = 256L * 1024 * 1024;

  private static final JsonFactory FACTORY = JsonFactory.builder()
      .streamReadConstraints(StreamReadConstraints.builder()
          .maxNestingDepth(MAX_DEPTH)
          .maxNumberLength(MAX_NUMBER_LENGTH)
          .maxStringLength(MAX_STRING_LENGTH)
          .build())
      .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
      .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
      .build();

  private JsonLimits() {}

  /**
   * The shared Jackson streaming factory configured with these limits (sources and targets are not
   * closed by parsers and generators). Thread-safe; do not reconfigure it.
   */
  public static JsonFactory jsonFactory() {
    return FACTORY;
  }
}

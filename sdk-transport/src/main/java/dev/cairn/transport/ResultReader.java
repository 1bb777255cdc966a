package dev.cairn.transport;

import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;

/**
 * Reads a JSON-RPC {@code result}. Called with the parser on the value's first token; must
 * consume exactly that value (leaving the parser on its last token). Throw {@link TransportException}
 * (e.g. {@link TransportException#malformed}) for values of the wrong shape; Jackson's parse exceptions
 * and any other runtime exception are turned into {@code MALFORMED_RESPONSE} errors.
 */
@FunctionalInterface
public interface ResultReader<T> {
  /** Reads the value at the parser's current token. */
  T read(JsonParser p) throws IOException;
}

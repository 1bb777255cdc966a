package dev.cairn.transport;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;

/** Writes one complete JSON value: the body of a REST {@code POST}. */
@FunctionalInterface
public interface BodyWriter {
  /** Writes the body. */
  void write(JsonGenerator g) throws IOException;
}

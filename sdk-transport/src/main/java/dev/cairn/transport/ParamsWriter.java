package dev.cairn.transport;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;

/** Writes the elements of a JSON-RPC {@code params} array (the array itself is written by the client). */
@FunctionalInterface
public interface ParamsWriter {
  /** No parameters. */
  ParamsWriter NONE = g -> { };

  /** Writes zero or more JSON values, the parameters in order. */
  void write(JsonGenerator g) throws IOException;
}

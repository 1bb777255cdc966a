package dev.cairn.examples.cli.batch;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;

/** One batch operation: the fields it takes (besides {@code id} and {@code op}) and its handler. */
public interface Op {
  /** The request fields this op accepts; others are answered with {@code BAD_REQUEST}. */
  Set<String> fields();

  /**
   * Runs the op.
   *
   * @return the JSON {@code result}
   * @throws BatchException for a request that cannot be answered
   * @throws dev.cairn.core.CairnException for input the SDK rejects
   */
  JsonNode apply(Request request);
}

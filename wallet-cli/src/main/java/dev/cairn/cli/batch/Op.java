package dev.cairn.cli.batch;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;
import java.util.function.Function;

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

  /**
   * An op taking {@code fields} and answered by {@code handler}.
   *
   * @param fields the request fields the op accepts
   * @param handler computes the JSON {@code result}
   */
  static Op of(Set<String> fields, Function<Request, JsonNode> handler) {
    return new Op() {
      @Override
      public Set<String> fields() {
        return fields;
      }

      @Override
      public JsonNode apply(Request request) {
        return handler.apply(request);
      }
    };
  }
}

package dev.cairn.cli.batch;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The ops of the batch specification that later modules implement, each with the module that will
 * provide it. The engine answers them with {@code UNSUPPORTED} (not {@code BAD_REQUEST}), so that a
 * script can tell "not yet" from "never heard of it".
 */
public final class SpecOps {
  private SpecOps() {}

  /** Op name to the module that will provide it. */
  public static Map<String, String> notYetImplemented() {
    Map<String, String> m = new LinkedHashMap<>();
    return m;
  }
}

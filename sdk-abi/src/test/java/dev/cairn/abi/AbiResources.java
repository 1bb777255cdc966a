package dev.cairn.abi;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Reads the JSON ABIs under src/test/resources/abi. */
public final class AbiResources {
  private AbiResources() {}

  /** The text of {@code /abi/<name>}; fails if it is missing. */
  public static String read(String name) {
    try (InputStream in = AbiResources.class.getResourceAsStream("/abi/" + name)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource /abi/" + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

package dev.cairn.cosmos.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The documented response shapes under src/test/resources/fixtures/{sdk-0.47,sdk-0.50,cometbft-0.37,cometbft-0.38}. */
public final class Fixtures {
  private Fixtures() {}

  /** The Cosmos SDK versions whose REST shapes are served. */
  public static final String[] SDK_VERSIONS = {"sdk-0.47", "sdk-0.50"};
  /** The CometBFT versions whose RPC shapes are served. */
  public static final String[] COMET_VERSIONS = {"cometbft-0.37", "cometbft-0.38"};

  /** The text of fixture {@code version/name}. */
  public static String read(String version, String name) {
    String path = "/fixtures/" + version + "/" + name;
    try (InputStream in = Fixtures.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

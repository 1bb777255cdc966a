package dev.cairn.testing.node;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class PortDetectorTest {
  @Test
  void readsTheAnnouncedPort() {
    PortDetector d = PortDetector.listeningOn();
    assertEquals(OptionalInt.of(40123), d.find("Listening on 127.0.0.1:40123"));
    assertEquals(OptionalInt.of(8899), d.find("litesvm server listening on http://127.0.0.1:8899/"));
    assertEquals(OptionalInt.of(5), d.find("LISTENING ON 5"));
    assertEquals(OptionalInt.empty(), d.find("Available Accounts"));
    assertEquals(OptionalInt.empty(), d.find("listening on 127.0.0.1:"));
    assertEquals(OptionalInt.empty(), d.find("listening on 127.0.0.1:0"));
    assertEquals(OptionalInt.empty(), d.find("listening on 127.0.0.1:99999"));
    assertEquals(OptionalInt.of(7000), PortDetector.after("PORT=").find("PORT=7000"));
  }
}

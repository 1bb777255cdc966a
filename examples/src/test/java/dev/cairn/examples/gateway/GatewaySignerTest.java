package dev.cairn.examples.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.core.hd.Mnemonic;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class GatewaySignerTest {
  static final String ABANDON =
      "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about";

  @Test
  void signsAndChecksAllFourPayloadsWithoutLeakingTheMnemonic() {
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    Mnemonic m = Mnemonic.parse(ABANDON);
    boolean ok = new GatewaySigner(new PrintStream(buf, true, StandardCharsets.UTF_8)).run(m, "device-1", 42);
    String out = buf.toString(StandardCharsets.UTF_8);
    assertTrue(ok, out);
    assertTrue(out.contains(GatewaySigner.OK_LINE), out);
    // the well-known addresses of the "abandon ... about" mnemonic
    assertTrue(out.contains("0x9858EfFD232B4033E47d90003D41EC34EcaEda94"), out);
    assertTrue(out.contains("HAgk14JpMQLgt6rVgv7cBQFJWFto5Dqxi472uT3DKpqk"), out);
    assertTrue(out.contains("cosmos19rl4cm2hmr8afy4kldpxz3fka4jguq0auqdal4"), out);
    assertEquals(4, out.split("check .*: ok", -1).length - 1, out);
    assertFalse(out.contains("abandon"), "the mnemonic must not be printed");
    m.destroy();
  }
}

package dev.cairn.hsm.ledger.solana;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cairn.core.crypto.Ed25519PublicKey;
import dev.cairn.core.encoding.Hex;
import dev.cairn.hsm.emulator.LedgerEmulator;
import dev.cairn.hsm.emulator.SolanaEmulatorApp;
import dev.cairn.hsm.ledger.LedgerException;
import dev.cairn.hsm.ledger.apps.ReplayTransport;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every case of ../shared/testdata/ledger/solana_apdus.json (ledgerjs's recorded exchanges with a
 * real Solana app): this client sends exactly the recorded command APDUs and parses the recorded
 * responses into the recorded results; and the emulator, on the Speculos test mnemonic (whose keys
 * the recording reproduces), answers each recorded command byte for byte as recorded.
 */
class SolanaRecordedApdusTest {
  /** The mnemonic of Speculos, the device the ledgerjs recordings were made against. */
  static final String SPECULOS_MNEMONIC = "glory promote mansion idle axis finger extra february uncover one trip resource"
      + " lawn turtle enact monster seven myth punch hobby comfort wild raise skin";

  static JsonNode cases() throws IOException {
    Path p = Path.of(System.getProperty("cairn.testdata", "../../shared/testdata")).resolve("ledger/solana_apdus.json");
    if (!p.toFile().exists()) {
      p = Path.of("../shared/testdata/ledger/solana_apdus.json");
    }
    return new ObjectMapper().readTree(p.toFile()).path("cases");
  }

  static Stream<Arguments> allCases() throws IOException {
    List<Arguments> out = new ArrayList<>();
    for (JsonNode c : cases()) {
      out.add(Arguments.of(c.path("name").asText(), c));
    }
    return out.stream();
  }

  /** The recorded exchanges; a response recorded without its status word (the off-chain case) gets 9000 appended. */
  static List<String[]> exchanges(JsonNode c) {
    List<String[]> ex = new ArrayList<>();
    for (JsonNode e : c.path("exchanges")) {
      String r = e.path("response").asText();
      if (c.path("note").asText().contains("lacks the trailing 9000")) {
        r = r + "9000";
      }
      ex.add(new String[] {e.path("command").asText(), r});
    }
    return ex;
  }

  @Test
  void everyCaseIsCovered() throws IOException {
    assertEquals(8, cases().size(), "the recording has 8 cases; a new one needs a look");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("allCases")
  void clientSendsTheRecordedApdusAndParsesTheRecordedResults(String name, JsonNode c) {
    ReplayTransport t = new ReplayTransport(exchanges(c));
    SolanaApp app = SolanaApp.over(t);
    JsonNode args = c.path("args");
    JsonNode expected = c.path("expected");
    String method = c.path("method").asText();
    if (c.has("expectedError")) {
      LedgerException e = assertThrows(LedgerException.class, () -> run(app, method, args));
      if (c.path("exchanges").size() == 0) {
        assertEquals(LedgerException.Kind.INVALID_ARGUMENT, e.kind());
        assertTrue(e.getMessage().contains("input"), e.getMessage());
        assertEquals(0, t.sent(), "nothing sent before the path is rejected");
      } else {
        assertEquals(LedgerException.Kind.BLIND_SIGNING_DISABLED, e.kind());
        assertEquals(0x6808, e.statusWord());
      }
      assertTrue(t.done());
      return;
    }
    Object result = run(app, method, args);
    assertTrue(t.done(), "every recorded command was sent");
    switch (method) {
      case "getAppConfiguration": {
        SolanaAppConfiguration conf = (SolanaAppConfiguration) result;
        assertEquals(expected.path("version").asText(), conf.version());
        assertEquals(expected.path("blindSigningEnabled").asBoolean(), conf.blindSigningEnabled());
        assertEquals(expected.path("pubKeyDisplayMode").asInt(), conf.pubKeyDisplayMode());
        break;
      }
      case "getAddress":
        assertEquals(expected.path("addressHex").asText(), Hex.encode((byte[]) result));
        break;
      default:
        assertEquals(expected.path("signatureHex").asText(), Hex.encode((byte[]) result));
    }
  }

  static Object run(SolanaApp app, String method, JsonNode args) {
    switch (method) {
      case "getAppConfiguration":
        return app.getAppConfiguration();
      case "getAddress":
        return app.getPubkey(SolanaApp.path(args.path("path").asText()), args.path("display").asBoolean());
      case "signTransaction":
        return app.signTransaction(SolanaApp.path(args.path("path").asText()),
            Hex.decode(args.path("transactionHex").asText()));
      case "signOffchainMessage":
        return app.signOffchainMessage(SolanaApp.path(args.path("path").asText()),
            Hex.decode(args.path("messageHex").asText()));
      default:
        throw new AssertionError("unknown method " + method);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("allCases")
  void emulatorAnswersTheRecordedCommandsAsRecorded(String name, JsonNode c) {
    if (c.has("expectedError")) {
      // the invalid path never reaches a device; the 6808 answer to getAppConfiguration is a mocked
      // status in ledgerjs's test (a real app answers its configuration): structure only, checked above
      return;
    }
    try (LedgerEmulator emu = LedgerEmulator.builder().mnemonic(SPECULOS_MNEMONIC).app(SolanaEmulatorApp.create()).build()) {
      for (String[] e : exchanges(c)) {
        assertEquals(e[1], Hex.encode(emu.process(Hex.decode(e[0]))), name + ": answer to " + e[0]);
      }
      boolean confirms = c.path("args").path("display").asBoolean() || c.path("method").asText().startsWith("sign");
      assertEquals(confirms ? 1 : 0, emu.user().prompts().size(), "user prompts " + emu.user().prompts());
    }
  }

  @Test
  void recordedOffchainSignatureCoversTheWholeMessageWithItsHeader() throws IOException {
    for (JsonNode c : cases()) {
      if (c.path("method").asText().equals("signOffchainMessage")) {
        byte[] msg = Hex.decode(c.path("args").path("messageHex").asText());
        assertTrue(SolanaApp.isOffchainMessage(msg));
        assertArrayEquals(msg, SolanaApp.offchainMessage("Long Off-Chain Test Message.".getBytes()));
        byte[] key = Hex.decode("5eb9862fe23e544a2a0969cc157cb31fd72901cc2824d536a67fb8ee911e0236");
        assertTrue(Ed25519PublicKey.of(key).verify(msg, Hex.decode(c.path("expected").path("signatureHex").asText())));
        byte[] broken = msg.clone();
        broken[broken.length - 1] ^= 1;
        assertFalse(Ed25519PublicKey.of(key).verify(broken, Hex.decode(c.path("expected").path("signatureHex").asText())));
      }
    }
  }
}

package dev.cairn.hsm.ledger.apps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.core.encoding.Hex;
import dev.cairn.core.hd.DerivationPath;
import dev.cairn.hsm.emulator.CosmosEmulatorApp;
import dev.cairn.hsm.emulator.LedgerEmulator;
import dev.cairn.hsm.emulator.SolanaEmulatorApp;
import dev.cairn.hsm.ledger.cosmos.CosmosAppVersion;
import dev.cairn.hsm.ledger.cosmos.CosmosLedgerAddress;
import dev.cairn.hsm.ledger.cosmos.CosmosApp;
import dev.cairn.hsm.ledger.solana.SolanaAppConfiguration;
import dev.cairn.hsm.ledger.solana.SolanaApp;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Differential against ledgerjs: for random paths, messages, off-chain texts and sign documents,
 * this module's client talks to the emulator (recording every exchange), then ledgerjs's client
 * makes the same call over hw-transport-mocker answered with the recorded responses: it must send
 * exactly the same command APDUs and parse the same results. Solana: @ledgerhq/hw-app-solana;
 * Cosmos: @zondax/ledger-cosmos-js (the current protocol, HRP in the first sign chunk) and
 * @ledgerhq/hw-app-cosmos (the older one without it).
 */
class LedgerJsAppsDifferentialTest {
  private static final Random RANDOM = new Random(0x1ed6e5L);
  private static final String[] HRPS = {"cosmos", "osmo", "juno", "celestia", "neutron"};

  @AfterAll
  static void stop() {
    LedgerJsOracle.close();
  }

  private static LedgerEmulator emulator() {
    return LedgerEmulator.builder()
        .app(SolanaEmulatorApp.of(SolanaAppConfiguration.of(1, 4, 1, true, 1)))
        .app(CosmosEmulatorApp.create())
        .build();
  }

  private static void same(RecordingTransport t, LedgerJsOracle.Answer a, String what) {
    assertTrue(a.ok, what + ": ledgerjs failed: " + a.error);
    assertEquals(t.commands(), a.apdus, what + ": command APDUs");
  }

  @Test
  void clientVersionsAreThePinnedOnes() {
    JsonNode v = LedgerJsOracle.versions();
    assertEquals("7.11.0", v.path("solana").asText());
    assertEquals("6.36.2", v.path("cosmos").asText());
    assertEquals("4.2.0", v.path("zondax").asText());
  }

  @Test
  void solanaCallsSendTheApdusOfHwAppSolana() {
    try (LedgerEmulator emu = emulator()) {
      emu.openApp("Solana");
      RecordingTransport t = new RecordingTransport(emu.transport());
      SolanaApp app = SolanaApp.over(t);

      SolanaAppConfiguration conf = app.getAppConfiguration();
      LedgerJsOracle.Answer a = LedgerJsOracle.call("solana", "getAppConfiguration", Map.of(), t.responses());
      same(t, a, "getAppConfiguration");
      assertEquals(conf.version(), a.result.path("version").asText());
      assertEquals(conf.blindSigningEnabled(), a.result.path("blindSigningEnabled").asBoolean());
      assertEquals(conf.pubKeyDisplayMode(), a.result.path("pubKeyDisplayMode").asInt());

      for (int i = 0; i < 12; i++) {
        String path = solanaPath();
        boolean display = RANDOM.nextBoolean();
        t.clear();
        byte[] pk = app.getPubkey(SolanaApp.path(path), display);
        a = LedgerJsOracle.call("solana", "getAddress", Map.of("path", path, "display", display), t.responses());
        same(t, a, "getAddress " + path);
        assertEquals(Hex.encode(pk), a.result.path("addressHex").asText());

        // messages from 1 byte to several chunks, including exact multiples of the chunk size
        int len = i < 3 ? 255 * (i + 1) - (2 + 4 * SolanaApp.path(path).depth()) : 1 + RANDOM.nextInt(1400);
        byte[] msg = new byte[len];
        RANDOM.nextBytes(msg);
        t.clear();
        byte[] sig = app.signTransaction(SolanaApp.path(path), msg);
        a = LedgerJsOracle.call("solana", "signTransaction", Map.of("path", path, "messageHex", Hex.encode(msg)),
            t.responses());
        same(t, a, "signTransaction " + len + " bytes");
        assertEquals(Hex.encode(sig), a.result.path("signatureHex").asText());

        byte[] text = new byte[1 + RANDOM.nextInt(600)];
        for (int k = 0; k < text.length; k++) {
          text[k] = (byte) (0x20 + RANDOM.nextInt(0x5f));
        }
        byte[] off = SolanaApp.offchainMessage(text);
        t.clear();
        sig = app.signOffchainMessage(SolanaApp.path(path), off);
        a = LedgerJsOracle.call("solana", "signOffchainMessage", Map.of("path", path, "messageHex", Hex.encode(off)),
            t.responses());
        same(t, a, "signOffchainMessage " + text.length + " bytes");
        assertEquals(Hex.encode(sig), a.result.path("signatureHex").asText());
      }
    }
  }

  private static String solanaPath() {
    int depth = 2 + RANDOM.nextInt(4);
    StringBuilder b = new StringBuilder("44'/501'");
    for (int i = 2; i < depth; i++) {
      b.append('/').append(RANDOM.nextInt(i == 2 ? 100 : Integer.MAX_VALUE)).append('\'');
    }
    return b.toString();
  }

  private static String cosmosPath() {
    return "m/44'/118'/" + RANDOM.nextInt(1000) + "'/" + RANDOM.nextInt(2) + "/" + RANDOM.nextInt(100000);
  }

  private static byte[] signDoc() {
    StringBuilder memo = new StringBuilder();
    int n = RANDOM.nextInt(900);
    for (int i = 0; i < n; i++) {
      memo.append((char) ('a' + RANDOM.nextInt(26)));
    }
    return ("{\"account_number\":\"" + RANDOM.nextInt(100000) + "\",\"chain_id\":\"cosmoshub-4\",\"fee\":{\"amount\":"
        + "[{\"amount\":\"" + RANDOM.nextInt(10000) + "\",\"denom\":\"uatom\"}],\"gas\":\"200000\"},\"memo\":\"" + memo
        + "\",\"msgs\":[{\"type\":\"cosmos-sdk/MsgSend\",\"value\":{\"amount\":[{\"amount\":\"1\",\"denom\":\"uatom\"}],"
        + "\"from_address\":\"cosmos1a\",\"to_address\":\"cosmos1b\"}}],\"sequence\":\"" + RANDOM.nextInt(50) + "\"}")
        .getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void cosmosCallsSendTheApdusOfZondaxLedgerCosmosJs() {
    try (LedgerEmulator emu = emulator()) {
      emu.openApp("Cosmos");
      RecordingTransport t = new RecordingTransport(emu.transport());
      CosmosApp app = CosmosApp.over(t);

      CosmosAppVersion v = app.getVersion();
      LedgerJsOracle.Answer a = LedgerJsOracle.call("zondax", "getVersion", Map.of(), t.responses());
      same(t, a, "getVersion");
      assertEquals(v.major(), a.result.path("major").asInt());
      assertEquals(v.minor(), a.result.path("minor").asInt());
      assertEquals(v.patch(), a.result.path("patch").asInt());
      assertEquals(v.testMode(), a.result.path("testMode").asBoolean());
      assertEquals(v.deviceLocked(), a.result.path("deviceLocked").asBoolean());
      assertEquals(Long.toHexString(v.targetId()), a.result.path("targetId").asText());

      for (int i = 0; i < 12; i++) {
        String path = cosmosPath();
        String hrp = HRPS[RANDOM.nextInt(HRPS.length)];
        boolean display = RANDOM.nextBoolean();
        t.clear();
        CosmosLedgerAddress addr = app.getAddressAndPubKey(DerivationPath.parse(path), hrp, display);
        Map<String, Object> args = new LinkedHashMap<>();
        args.put("path", path);
        args.put("hrp", hrp);
        args.put("display", display);
        a = LedgerJsOracle.call("zondax", "getAddressAndPubKey", args, t.responses());
        same(t, a, "getAddressAndPubKey " + path);
        assertEquals(Hex.encode(addr.publicKey()), a.result.path("publicKeyHex").asText());
        assertEquals(addr.address(), a.result.path("address").asText());

        byte[] doc = signDoc();
        t.clear();
        byte[] der = app.signDer(DerivationPath.parse(path), doc, hrp);
        a = LedgerJsOracle.call("zondax", "sign", Map.of("path", path, "hrp", hrp, "messageHex", Hex.encode(doc)),
            t.responses());
        same(t, a, "sign " + doc.length + " bytes");
        assertEquals(Hex.encode(der), a.result.path("signatureHex").asText());
        assertEquals(2 + (doc.length + 249) / 250, t.commands().size() + 1, "path chunk + 250-byte chunks");
      }
    }
  }

  @Test
  void cosmosCallsWithoutHrpSendTheApdusOfHwAppCosmos() {
    try (LedgerEmulator emu = emulator()) {
      emu.openApp("Cosmos");
      RecordingTransport t = new RecordingTransport(emu.transport());
      CosmosApp app = CosmosApp.over(t);
      for (int i = 0; i < 8; i++) {
        String path = cosmosPath().substring(2);
        String hrp = HRPS[RANDOM.nextInt(HRPS.length)];
        t.clear();
        CosmosLedgerAddress addr = app.getAddressAndPubKey(DerivationPath.parse("m/" + path), hrp, false);
        LedgerJsOracle.Answer a = LedgerJsOracle.call("cosmos", "getAddress",
            Map.of("path", path, "hrp", hrp, "display", false), t.responses());
        same(t, a, "getAddress " + path);
        assertEquals(Hex.encode(addr.publicKey()), a.result.path("publicKey").asText());
        assertEquals(addr.address(), a.result.path("address").asText());

        byte[] doc = signDoc();
        t.clear();
        byte[] der = app.signDer(DerivationPath.parse("m/" + path), doc, null);
        a = LedgerJsOracle.call("cosmos", "sign", Map.of("path", path, "messageHex", Hex.encode(doc)), t.responses());
        same(t, a, "sign " + doc.length + " bytes");
        assertEquals(Hex.encode(der), a.result.path("signatureHex").asText());
        assertEquals(0x9000, a.result.path("returnCode").asInt());
      }
    }
  }
}

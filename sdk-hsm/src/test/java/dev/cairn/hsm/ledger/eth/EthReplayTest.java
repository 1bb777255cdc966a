package dev.cairn.hsm.ledger.eth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cairn.core.crypto.EcdsaSignature;
import dev.cairn.core.crypto.Secp256k1PublicKey;
import dev.cairn.core.encoding.Hex;
import dev.cairn.core.hash.Keccak256;
import dev.cairn.hsm.emulator.EthereumEmulatorApp;
import dev.cairn.hsm.emulator.LedgerEmulator;
import dev.cairn.hsm.ledger.RecordedTransport;
import java.io.File;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Replays every case of ../shared/testdata/ledger/eth_apdus.json: the client sends exactly the
 * recorded command APDUs and parses the recorded responses into the recorded results; where the
 * recorded key is the "abandon ... about" test mnemonic's (paths 44'/60'/0'/0'/0), the emulator
 * answers the same commands byte for byte.
 */
class EthReplayTest {
  static final File DATA = new File("../../shared/testdata/ledger/eth_apdus.json");


  /** Recorded legacy cases whose device v byte fits neither parity (see replayClient). */
  static final java.util.Set<String> FAKE_V = java.util.Set.of("signTransactionLargeChainID",
      "signTransactionChunkedLimit", "signTransactionChunkedLimitBigVRS");

  static JsonNode cases() throws Exception {
    File f = DATA.exists() ? DATA : new File("../shared/testdata/ledger/eth_apdus.json");
    return new ObjectMapper().readTree(f).get("cases");
  }

  static List<String[]> exchanges(JsonNode c) {
    List<String[]> out = new ArrayList<>();
    for (JsonNode e : c.get("exchanges")) {
      out.add(new String[] {e.get("command").asText(), e.get("response").asText()});
    }
    return out;
  }

  @TestFactory
  Stream<DynamicTest> clientSendsTheRecordedApdusAndParsesTheRecordedResults() throws Exception {
    List<DynamicTest> tests = new ArrayList<>();
    for (JsonNode c : cases()) {
      tests.add(DynamicTest.dynamicTest(c.get("name").asText(), () -> replayClient(c)));
    }
    assertEquals(24, tests.size(), "every case of eth_apdus.json is replayed");
    return tests.stream();
  }

  private static void replayClient(JsonNode c) {
    List<String[]> ex = exchanges(c);
    RecordedTransport t = new RecordedTransport(ex, null);
    EthApp eth = EthApp.on(t, TxChunking.LEDGERJS_LEGACY_150);
    JsonNode a = c.get("args");
    JsonNode exp = c.get("expected");
    String method = c.get("method").asText();
    switch (method) {
      case "getAppConfiguration": {
        EthAppConfiguration cfg = eth.getAppConfiguration();
        assertEquals(exp.get("version").asText(), cfg.version());
        assertEquals(exp.get("arbitraryDataEnabled").asInt() != 0, cfg.arbitraryDataEnabled());
        assertEquals(exp.get("erc20ProvisioningNecessary").asInt() != 0, cfg.erc20ProvisioningNecessary());
        assertEquals(exp.get("starkEnabled").asInt() != 0, cfg.starkEnabled());
        assertEquals(exp.get("starkv2Supported").asInt() != 0, cfg.starkV2Supported());
        break;
      }
      case "getAddress": {
        EthAddress r = eth.getAddress(a.get("path").asText(), a.path("display").asBoolean(false),
            a.path("chainCode").asBoolean(false), a.has("chainId") ? new BigInteger(a.get("chainId").asText()) : null);
        assertEquals(exp.get("address").asText(), r.address());
        assertEquals(exp.get("publicKey").asText(), Hex.encode(r.publicKey()));
        break;
      }
      case "signTransaction": {
        // resolution APDUs (ERC-20 descriptors, plugins) are given explicitly, as a caller holding them would
        for (String[] e : ex) {
          byte[] cmd = Hex.decode(e[0]);
          byte[] data = Arrays.copyOfRange(cmd, 5, cmd.length);
          if ((cmd[1] & 0xFF) == 0x0A) {
            eth.provideErc20TokenInformation(data);
          } else if ((cmd[1] & 0xFF) == 0x12) {
            int split = 1 + (data[0] & 0xFF) + 24;
            eth.setExternalPlugin(Arrays.copyOf(data, split), Arrays.copyOfRange(data, split, data.length));
          }
        }
        byte[] raw = Hex.decode(a.get("rawTxHex").asText());
        String name = c.get("name").asText();
        if (FAKE_V.contains(name)) {
          // the recorded responses are copied from other tests (not signatures of these transactions, as the
          // ledgerjs tests say) and the recorded v comes from hw-app-eth 6's formula; hw-app-eth 7's getParity
          // refuses such a v byte ("Invalid v value"), and so does this client, with a typed error. The commands
          // must still be exactly the recorded ones.
          dev.cairn.hsm.ledger.LedgerException e = org.junit.jupiter.api.Assertions.assertThrows(
              dev.cairn.hsm.ledger.LedgerException.class, () -> eth.signTransaction(a.get("path").asText(), raw));
          assertEquals("v", e.field(), e.getMessage());
          assertEquals(dev.cairn.hsm.ledger.LedgerException.Kind.DEVICE_ERROR, e.kind());
          break;
        }
        EthSignature s = eth.signTransaction(a.get("path").asText(), raw);
        assertEquals(exp.get("r").asText(), Hex.encode(s.r()));
        assertEquals(exp.get("s").asText(), Hex.encode(s.s()));
        assertEquals(exp.get("v").asText(), padHex(s.v()));
        break;
      }
      case "signPersonalMessage": {
        EthSignature s = eth.signPersonalMessage(a.get("path").asText(), Hex.decode(a.get("messageHex").asText()));
        assertSignature(exp, s);
        break;
      }
      case "signEIP712HashedMessage": {
        EthSignature s = eth.signEip712Hashed(a.get("path").asText(), Hex.decode(a.get("domainSeparatorHex").asText()),
            Hex.decode(a.get("hashStructMessageHex").asText()));
        assertSignature(exp, s);
        break;
      }
      case "provideERC20TokenInformation": {
        byte[] cmd = Hex.decode(ex.get(0)[0]);
        eth.provideErc20TokenInformation(Arrays.copyOfRange(cmd, 5, cmd.length));
        assertTrue(exp.asBoolean());
        break;
      }
      case "eth2GetPublicKey":
        assertEquals(exp.get("publicKey").asText(),
            Hex.encode(eth.eth2GetPublicKey(a.get("path").asText(), a.get("display").asBoolean())));
        break;
      case "eth2SetWithdrawalIndex":
        eth.eth2SetWithdrawalIndex(a.get("index").asLong());
        break;
      case "getEIP1024PublicEncryptionKey":
        assertEquals(exp.get("publicKey").asText(),
            Hex.encode(eth.eip1024PublicEncryptionKey(a.get("path").asText(), a.get("display").asBoolean())));
        break;
      case "getEIP1024SharedSecret":
        assertEquals(exp.get("sharedSecret").asText(), Hex.encode(eth.eip1024SharedSecret(a.get("path").asText(),
            Hex.decode(a.get("remotePublicKeyHex").asText()), a.get("display").asBoolean())));
        break;
      default:
        throw new AssertionError("unhandled method " + method);
    }
    t.assertDone();
  }

  static void assertSignature(JsonNode exp, EthSignature s) {
    assertEquals(exp.get("r").asText(), Hex.encode(s.r()));
    assertEquals(exp.get("s").asText(), Hex.encode(s.s()));
    assertEquals(exp.get("v").asInt(), s.v().intValueExact());
  }

  static String padHex(BigInteger v) {
    String h = v.toString(16);
    return (h.length() % 2 == 1 ? "0" : "") + h;
  }

  /**
   * Cases the emulator reproduces byte for byte, with the seed that recorded them: the
   * "abandon ... about" test mnemonic (paths 44'/60'/0'/0'/0) or Speculos's default seed (two
   * typed transactions at 44'/60'/0'/0/0).
   */
  static final java.util.Map<String, String> EMULATOR_EXACT = java.util.Map.of(
      "getAppConfiguration", LedgerEmulator.TEST_MNEMONIC,
      "getAddress", LedgerEmulator.TEST_MNEMONIC,
      "signTransaction", LedgerEmulator.TEST_MNEMONIC,
      "signPersonalMessage", LedgerEmulator.TEST_MNEMONIC,
      "signTransaction supports EIP1559", LedgerEmulator.SPECULOS_MNEMONIC,
      "signTransaction supports EIP2930", LedgerEmulator.SPECULOS_MNEMONIC);

  @TestFactory
  Stream<DynamicTest> emulatorAnswersAsRecordedWhereTheRecordingSeedIsKnown() throws Exception {
    List<DynamicTest> tests = new ArrayList<>();
    for (JsonNode c : cases()) {
      String name = c.get("name").asText();
      String mnemonic = EMULATOR_EXACT.get(name);
      if (mnemonic == null) {
        continue;
      }
      tests.add(DynamicTest.dynamicTest(name, () -> {
        try (LedgerEmulator emu = LedgerEmulator.builder().mnemonic(mnemonic)
            .app(name.equals("getAppConfiguration") ? EthereumEmulatorApp.create("1.1.6", true) : EthereumEmulatorApp.create())
            .build()) {
          for (String[] e : exchanges(c)) {
            String got = Hex.encode(emu.process(Hex.decode(e[0])));
            assertEquals(recordedQuirk(e[1]), recordedQuirk(got), name);
            if (!quirky(name)) {
              assertEquals(e[1], got, name);
            }
          }
        }
      }));
    }
    assertEquals(EMULATOR_EXACT.size(), tests.size());
    return tests.stream();
  }

  /**
   * The Ethereum app 1.1.x that recorded "signTransaction" and "signPersonalMessage" left-aligned an
   * s with a leading zero byte (s = 0x00 30 39 ... was sent as 30 39 ... 00); the emulator sends the
   * correct s. The comparison undoes that one firmware bug: everything else (v, r, the other 31
   * bytes of s, the status word) must be identical.
   */
  static boolean quirky(String name) {
    return name.equals("signTransaction") || name.equals("signPersonalMessage");
  }

  static String recordedQuirk(String response) {
    if (response.length() != 2 * 67) {
      return response;
    }
    String s = response.substring(66, 130);
    if (s.startsWith("00")) {
      s = s.substring(2) + "00";
    }
    return response.substring(0, 66) + s + response.substring(130);
  }

  /**
   * Every recorded transaction, whatever device recorded it, fed to the emulator APDU by APDU:
   * intermediate chunks and provisioning APDUs answer 9000 as recorded, and the final answer is a
   * signature by the emulator's key over keccak256 of the reassembled transaction, with the v byte
   * the app computes — the emulator reads the chunking (150-byte, EIP-155 tail) as the app does.
   */
  @TestFactory
  Stream<DynamicTest> emulatorReassemblesEveryRecordedTransaction() throws Exception {
    List<DynamicTest> tests = new ArrayList<>();
    for (JsonNode c : cases()) {
      if (!c.get("method").asText().equals("signTransaction")) {
        continue;
      }
      tests.add(DynamicTest.dynamicTest(c.get("name").asText(), () -> {
        byte[] raw = Hex.decode(c.get("args").get("rawTxHex").asText());
        try (LedgerEmulator emu = LedgerEmulator.builder().app(EthereumEmulatorApp.create()).build()) {
          List<String[]> ex = exchanges(c);
          byte[] last = null;
          for (int i = 0; i < ex.size(); i++) {
            last = emu.process(Hex.decode(ex.get(i)[0]));
            if (i < ex.size() - 1) {
              assertEquals(ex.get(i)[1], Hex.encode(last));
            }
          }
          assertEquals(67, last.length);
          EthApp eth = EthApp.on(emu.transport());
          Secp256k1PublicKey pk = Secp256k1PublicKey.fromBytes(eth.getAddress(c.get("args").get("path").asText(), false, false).publicKey());
          EthApp.TxInfo info = EthApp.TxInfo.parse(raw);
          int parity = info.type != null ? last[0] : EthApp.parityForTest(last[0] & 0xFF, info.chainId);
          EcdsaSignature sig = EcdsaSignature.of(new BigInteger(1, Arrays.copyOfRange(last, 1, 33)),
              new BigInteger(1, Arrays.copyOfRange(last, 33, 65)), parity);
          assertEquals(pk, Secp256k1PublicKey.recover(Keccak256.hash(raw), sig));
        }
      }));
    }
    assertEquals(12, tests.size());
    return tests.stream();
  }

  static String address(Secp256k1PublicKey pk) {
    byte[] u = pk.uncompressed();
    return "0x" + Hex.encode(Arrays.copyOfRange(Keccak256.hash(Arrays.copyOfRange(u, 1, 65)), 12, 32));
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}

package dev.cairn.hsm.ledger.eth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cairn.core.crypto.EcdsaSignature;
import dev.cairn.core.crypto.Secp256k1PublicKey;
import dev.cairn.core.encoding.Hex;
import dev.cairn.hsm.emulator.EthereumEmulatorApp;
import dev.cairn.hsm.emulator.LedgerEmulator;
import dev.cairn.hsm.emulator.internal.Eip712Device;
import dev.cairn.hsm.ledger.ApduCommand;
import dev.cairn.hsm.ledger.RecordedTransport;
import java.io.File;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Replays every case of eth_eip712_apdus.json. Client side: the same APDUs (app version query,
 * struct definitions, implementations, signature request) and the same parsed signature. Emulator
 * side: its EIP-712 engine reads the recorded APDUs into the digest ethers v6's TypedDataEncoder
 * computes for the same typed data (values below, computed with tools/oracle's ethers); the two
 * permits were recorded on Speculos, so the emulator with Speculos's seed answers them byte for
 * byte; cases 3 and 7 were signed by keys not derivable here (their signatures recover to
 * 0x3f55d5d0… and 0xb283dcea… over that digest): for them the emulator's answer is a signature of
 * its own key over that digest.
 */
class Eip712ReplayTest {
  static final java.util.Map<String, String> ETHERS_DIGEST = java.util.Map.of(
      "3", "5c19734019433c01595ed8c5e72c73fe249f7847a56d991eb7b10c5a0550dc0f",
      "7", "07ac1943472d5fe2637b1b5707104e695628644e34323cdb3e16f2b73c7a6e74",
      "15-permit", "fadbb47389c3954ca12f197c478713d8827f0f8d60c0ddda8c96a2312efff0ae",
      "16-permit2", "31e53f4f62cb7a3beda9ed25b22d4f335dbc085eb684f434df23d9c294143659");
  static final java.util.Map<String, String> RECOVERS_TO = java.util.Map.of(
      "3", "0x3f55d5d00657c49d3b63a7f686a6172ac43677d6",
      "7", "0xb283dcea3a3d4e8e61312c0578e115e15f3cc63e",
      "15-permit", "0xdad77910dbdfde764fc21fcd4e74d71bbaca6d8d",
      "16-permit2", "0xdad77910dbdfde764fc21fcd4e74d71bbaca6d8d");

  static JsonNode cases() throws Exception {
    File f = new File("../../shared/testdata/ledger/eth_eip712_apdus.json");
    if (!f.exists()) {
      f = new File("../shared/testdata/ledger/eth_eip712_apdus.json");
    }
    return new ObjectMapper().readTree(f).get("cases");
  }

  @TestFactory
  Stream<DynamicTest> everyCase() throws Exception {
    List<DynamicTest> tests = new ArrayList<>();
    for (JsonNode c : cases()) {
      List<String[]> ex = EthReplayTest.exchanges(c);
      String json = new ObjectMapper().writeValueAsString(c.get("args").get("typedData"));
      String path = c.get("args").get("path").asText();
      JsonNode exp = c.get("expected");
      tests.add(DynamicTest.dynamicTest(c.get("name").asText() + " (client)", () -> {
        RecordedTransport t = new RecordedTransport(ex, null);
        EthSignature s = EthApp.on(t).signEip712Message(path, json);
        EthReplayTest.assertSignature(exp, s);
        t.assertDone();
      }));
      tests.add(DynamicTest.dynamicTest(c.get("name").asText() + " (emulator digest)", () -> {
        Eip712Device dev = new Eip712Device();
        for (String[] e : ex) {
          ApduCommand cmd = ApduCommand.parse(Hex.decode(e[0]));
          if (cmd.ins() == 0x1A) {
            dev.define(cmd.p2(), cmd.data());
          } else if (cmd.ins() == 0x1C) {
            dev.implement(cmd.p1(), cmd.p2(), cmd.data());
          }
        }
        byte[] digest = dev.digest();
        String key = c.get("name").asText().split(" ")[0];
        assertEquals(ETHERS_DIGEST.get(key), Hex.encode(digest));
        int v = exp.get("v").asInt();
        EcdsaSignature sig = EcdsaSignature.of(new BigInteger(exp.get("r").asText(), 16),
            new BigInteger(exp.get("s").asText(), 16), v - 27);
        assertEquals(RECOVERS_TO.get(key), EthReplayTest.address(Secp256k1PublicKey.recover(digest, sig)));
        boolean speculos = key.contains("permit");

        try (LedgerEmulator emu = LedgerEmulator.builder()
            .mnemonic(speculos ? LedgerEmulator.SPECULOS_MNEMONIC : LedgerEmulator.TEST_MNEMONIC)
            .app(EthereumEmulatorApp.create("1.0.0", true)).build()) {
          List<String> got = new ArrayList<>();
          for (String[] e : ex) {
            got.add(Hex.encode(emu.process(Hex.decode(e[0]))));
          }
          assertEquals(ex.get(0)[1], got.get(0), "app name and version");
          if (speculos) {
            assertEquals(ex.get(ex.size() - 1)[1], got.get(got.size() - 1), "the signature, byte for byte");
          }
          for (int i = 1; i < ex.size() - 1; i++) {
            assertEquals(ex.get(i)[1], got.get(i), "response #" + i);
          }
          String last = got.get(got.size() - 1);
          EcdsaSignature mine = EcdsaSignature.of(new BigInteger(last.substring(2, 66), 16),
              new BigInteger(last.substring(66, 130), 16), Integer.parseInt(last.substring(0, 2), 16) - 27);
          Secp256k1PublicKey emuKey = Secp256k1PublicKey.fromBytes(
              EthApp.on(emu.transport()).getAddress(path, false, false).publicKey());
          assertEquals(emuKey, Secp256k1PublicKey.recover(digest, mine));
        }
      }));
    }
    assertEquals(8, tests.size());
    return tests.stream();
  }
}

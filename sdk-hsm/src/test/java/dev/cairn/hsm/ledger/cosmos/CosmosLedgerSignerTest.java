package dev.cairn.hsm.ledger.cosmos;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.core.chain.AccountId;
import dev.cairn.core.crypto.EcdsaSignature;
import dev.cairn.core.encoding.Hex;
import dev.cairn.core.hash.Hashes;
import dev.cairn.core.hd.Bip32Key;
import dev.cairn.core.hd.DerivationPath;
import dev.cairn.core.hd.Mnemonic;
import dev.cairn.core.signer.SignRequest;
import dev.cairn.core.signer.Signature;
import dev.cairn.core.signer.SignerException;
import dev.cairn.hsm.emulator.CosmosEmulatorApp;
import dev.cairn.hsm.emulator.LedgerEmulator;
import dev.cairn.hsm.emulator.ScriptedUser;
import dev.cairn.hsm.emulator.SolanaEmulatorApp;
import dev.cairn.hsm.ledger.LedgerException;
import dev.cairn.hsm.ledger.LedgerTransport;
import dev.cairn.hsm.ledger.TransportDescriptor;
import dev.cairn.hsm.ledger.hid.HidTransport;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class CosmosLedgerSignerTest {
  static final DerivationPath PATH = DerivationPath.parse("m/44'/118'/0'/0/0");
  static final AccountId ACCOUNT = AccountId.parse("cosmos:theta-testnet-001:cosmos19rl4cm2hmr8afy4kldpxz3fka4jguq0auqdal4");
  static final byte[] DOC = ("{\"account_number\":\"7\",\"chain_id\":\"theta-testnet-001\",\"fee\":{\"amount\":[],\"gas\":\"100000\"},"
      + "\"memo\":\"ledger\",\"msgs\":[],\"sequence\":\"3\"}").getBytes(StandardCharsets.UTF_8);

  static Bip32Key softwareKey() {
    return Bip32Key.fromSeed(Mnemonic.parse(LedgerEmulator.TEST_MNEMONIC).toSeed("")).derive(PATH);
  }

  @Test
  void keyAndAddressAreThoseOfTheMnemonicAndSignaturesMatchASoftwareKey() {
    try (LedgerEmulator emu = LedgerEmulator.builder().app(CosmosEmulatorApp.create()).build();
        CosmosLedgerSigner s = CosmosLedgerSigner.open(CosmosApp.over(HidTransport.open(emu.hidDevice())), PATH, "cosmos")) {
      Bip32Key k = softwareKey();
      assertArrayEquals(k.publicKey().compressed(), s.publicKey());
      // the well-known first Cosmos address of the "abandon ... about" mnemonic
      assertEquals("cosmos19rl4cm2hmr8afy4kldpxz3fka4jguq0auqdal4", s.address());
      SignRequest r = SignRequest.of(SignRequest.Kind.COSMOS_AMINO_JSON,
          AccountId.parse("cosmos:theta-testnet-001:" + s.address()), DOC);
      Signature sig = s.sign(r, Duration.ofSeconds(30));
      byte[] expected = k.privateKey().sign(Hashes.sha256(DOC)).normalizedS().toCompact();
      assertArrayEquals(expected, sig.bytes(), "RFC 6979: the same signature as the software key");
      assertTrue(sig.hasRecoveryId());
      assertTrue(EcdsaSignature.fromCompact(sig.bytes()).isLowS());
      assertTrue(emu.user().prompts().get(0).contains("theta-testnet-001"), emu.user().prompts().toString());
    }
  }

  @Test
  void aMalformedDerSignatureFromTheDeviceIsAMalformedFrame() {
    // the device answers every chunk with 9000 and the last with {@code sig}: found by fuzzing, a
    // truncated DER escaped as a DecodingException instead of the module's LedgerException
    for (byte[] sig : new byte[][] {new byte[0], {0x30}, {0x30, 0x02, 0x02, 0x00}}) {
      int[] calls = {0};
      LedgerTransport device = new LedgerTransport() {
        @Override
        public byte[] exchange(byte[] commandApdu) {
          return ++calls[0] < 2 ? new byte[] {(byte) 0x90, 0} : concat(sig, new byte[] {(byte) 0x90, 0});
        }

        @Override
        public TransportDescriptor descriptor() {
          return TransportDescriptor.of("test", "memory");
        }

        @Override
        public void close() {}
      };
      LedgerException e = assertThrows(LedgerException.class, () -> CosmosApp.over(device).signDer(PATH, DOC, "cosmos"));
      assertEquals(LedgerException.Kind.MALFORMED_FRAME, e.kind());
      assertTrue(e.getMessage().contains("response.signature"), e.getMessage());
    }
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  @Test
  void directModeAndKeccakAreNotSupported() {
    try (LedgerEmulator emu = LedgerEmulator.builder().app(CosmosEmulatorApp.create()).build();
        CosmosLedgerSigner s = CosmosLedgerSigner.open(CosmosApp.over(emu.transport()), PATH, "cosmos")) {
      assertTrue(s.supports(SignRequest.Kind.COSMOS_AMINO_JSON));
      assertFalse(s.supports(SignRequest.Kind.COSMOS_SIGN_DOC_DIRECT));
      assertFalse(s.supports(SignRequest.Kind.COSMOS_AMINO_JSON_KECCAK));
      assertFalse(s.supports(SignRequest.Kind.DIGEST));
      assertEquals("ledger", s.descriptor().backend());
      assertEquals("m/44'/118'/0'/0/0", s.descriptor().derivationPath().orElseThrow());
    }
  }

  @Test
  void userRejectionIsSignerRejectedAndTheDeviceStaysUsable() {
    try (LedgerEmulator emu = LedgerEmulator.builder().app(CosmosEmulatorApp.create()).build();
        CosmosLedgerSigner s = CosmosLedgerSigner.open(CosmosApp.over(emu.transport()), PATH, "cosmos")) {
      emu.user().script(ScriptedUser.Decision.REJECT);
      SignRequest r = SignRequest.of(SignRequest.Kind.COSMOS_AMINO_JSON, ACCOUNT, DOC);
      SignerException e = assertThrows(SignerException.class, () -> s.sign(r, Duration.ofSeconds(30)));
      assertEquals(SignerException.Reason.REJECTED_BY_USER, e.reason());
      assertEquals(0x6986, ((LedgerException) e.getCause()).statusWord());
      assertEquals(64, s.sign(r, Duration.ofSeconds(30)).bytes().length);
    }
  }

  @Test
  void lockDuringSigningIsDeviceUnavailable() {
    try (LedgerEmulator emu = LedgerEmulator.builder().app(CosmosEmulatorApp.create()).build();
        CosmosLedgerSigner s = CosmosLedgerSigner.open(CosmosApp.over(emu.transport()), PATH, "cosmos")) {
      emu.user().script(ScriptedUser.Decision.LOCK);
      SignRequest r = SignRequest.of(SignRequest.Kind.COSMOS_AMINO_JSON, ACCOUNT, DOC);
      SignerException e = assertThrows(SignerException.class, () -> s.sign(r, Duration.ofSeconds(30)));
      assertEquals(SignerException.Reason.DEVICE_UNAVAILABLE, e.reason());
      assertTrue(emu.isLocked());
    }
  }

  @Test
  void wrongAppOpenIsDeviceUnavailable() {
    try (LedgerEmulator emu = LedgerEmulator.builder().app(SolanaEmulatorApp.create()).build()) {
      SignerException e = assertThrows(SignerException.class,
          () -> CosmosLedgerSigner.open(CosmosApp.over(emu.transport()), PATH, "cosmos"));
      assertEquals(SignerException.Reason.DEVICE_UNAVAILABLE, e.reason());
    }
  }

  @Test
  void notCanonicalJsonIsRefusedByTheApp() {
    try (LedgerEmulator emu = LedgerEmulator.builder().app(CosmosEmulatorApp.create()).build()) {
      CosmosApp app = CosmosApp.over(emu.transport());
      for (String bad : new String[] {"{\"b\":1,\"a\":2}", "{ \"account_number\":\"1\"}", "not json",
          new String(DOC, StandardCharsets.UTF_8).replace("\"memo\"", "\"memo2\"")}) {
        LedgerException e = assertThrows(LedgerException.class,
            () -> app.sign(PATH, bad.getBytes(StandardCharsets.UTF_8), "cosmos"));
        assertEquals(0x6984, e.statusWord(), bad);
      }
      assertTrue(emu.user().prompts().isEmpty(), "nothing shown for a refused document");
    }
  }

  @Test
  void badArgumentsAreTypedBeforeAnythingIsSent() {
    try (LedgerEmulator emu = LedgerEmulator.builder().app(CosmosEmulatorApp.create()).build()) {
      CosmosApp app = CosmosApp.over(emu.transport());
      assertEquals("path", assertThrows(LedgerException.class,
          () -> app.getAddressAndPubKey(DerivationPath.parse("m/44'/118'/0'"), "cosmos", false)).field());
      assertEquals("hrp", assertThrows(LedgerException.class,
          () -> app.getAddressAndPubKey(PATH, "", false)).field());
      assertEquals("hrp", assertThrows(LedgerException.class,
          () -> app.getAddressAndPubKey(PATH, "Cosmos", false)).field());
      assertEquals("hrp", assertThrows(LedgerException.class,
          () -> app.getAddressAndPubKey(PATH, "c".repeat(84), false)).field());
      assertEquals("aminoJson", assertThrows(LedgerException.class, () -> app.sign(PATH, new byte[0], "cosmos")).field());
      assertEquals(0, emu.exchangeCount());
    }
  }

  @Test
  void displayAsksTheUser() {
    try (LedgerEmulator emu = LedgerEmulator.builder().app(CosmosEmulatorApp.create()).build()) {
      CosmosApp app = CosmosApp.over(emu.transport());
      CosmosLedgerAddress a = app.getAddressAndPubKey(PATH, "osmo", true);
      assertTrue(a.address().startsWith("osmo1"));
      assertEquals(1, emu.user().prompts().size());
      emu.user().script(ScriptedUser.Decision.REJECT);
      assertEquals(LedgerException.Kind.USER_REJECTED,
          assertThrows(LedgerException.class, () -> app.getAddressAndPubKey(PATH, "osmo", true)).kind());
      assertEquals("2.35.0", app.getVersion().version());
      assertEquals(Hex.encode(softwareKey().publicKey().compressed()), Hex.encode(a.publicKey()));
    }
  }
}

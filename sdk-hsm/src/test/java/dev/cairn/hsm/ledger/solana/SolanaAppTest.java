package dev.cairn.hsm.ledger.solana;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.core.chain.AccountId;
import dev.cairn.core.crypto.Ed25519PublicKey;
import dev.cairn.core.encoding.Hex;
import dev.cairn.core.hd.DerivationPath;
import dev.cairn.core.hd.Mnemonic;
import dev.cairn.core.hd.Slip10;
import dev.cairn.core.signer.SignRequest;
import dev.cairn.core.signer.SignerException;
import dev.cairn.hsm.emulator.CosmosEmulatorApp;
import dev.cairn.hsm.emulator.LedgerEmulator;
import dev.cairn.hsm.emulator.ScriptedUser;
import dev.cairn.hsm.emulator.SolanaEmulatorApp;
import dev.cairn.hsm.ledger.ApduCommand;
import dev.cairn.hsm.ledger.LedgerException;
import dev.cairn.hsm.ledger.StatusWords;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SolanaAppTest {
  static final DerivationPath PATH = DerivationPath.parse("m/44'/501'/0'/0'");
  static final AccountId ACCOUNT =
      AccountId.parse("solana:5eykt4UsFv8P8NJdTREpY1vzqKqZKvdp:9WzDXwBbmkg8ZTbNMqUxvQRAyrZzDsGYdLVL9zYtAWWM");

  static LedgerEmulator emulator(boolean blind) {
    return LedgerEmulator.builder().app(SolanaEmulatorApp.of(SolanaAppConfiguration.of(1, 4, 1, blind, 0))).build();
  }

  @Test
  void keysAreSlip10OfTheMnemonic() {
    try (LedgerEmulator emu = emulator(false)) {
      byte[] expected = Slip10.ed25519(Mnemonic.parse(LedgerEmulator.TEST_MNEMONIC).toSeed("")).derive(PATH).publicKey().bytes();
      assertArrayEquals(expected, SolanaApp.over(emu.transport()).getPubkey(PATH, false));
      // the well-known first Solana (Phantom / Solflare) address of the "abandon ... about" mnemonic
      try (SolanaLedgerSigner s = SolanaLedgerSigner.open(SolanaApp.over(emu.transport()), PATH)) {
        assertEquals("HAgk14JpMQLgt6rVgv7cBQFJWFto5Dqxi472uT3DKpqk", s.address());
        assertEquals("ledger", s.descriptor().backend());
        assertEquals("m/44'/501'/0'/0'", s.descriptor().derivationPath().orElseThrow());
      }
    }
  }

  @Test
  void unparseableMessageWithBlindSigningDisabledIsUnsupported() {
    try (LedgerEmulator emu = emulator(false);
        SolanaLedgerSigner s = SolanaLedgerSigner.open(SolanaApp.over(emu.transport()), PATH)) {
      byte[] junk = new byte[100];
      junk[0] = 1;
      SignerException e = assertThrows(SignerException.class,
          () -> s.sign(SignRequest.of(SignRequest.Kind.SOLANA_MESSAGE, ACCOUNT, junk), Duration.ofSeconds(30)));
      assertEquals(SignerException.Reason.UNSUPPORTED_REQUEST, e.reason());
      assertEquals(LedgerException.Kind.BLIND_SIGNING_DISABLED, ((LedgerException) e.getCause()).kind());
      assertTrue(emu.user().prompts().isEmpty());
    }
  }

  @Test
  void rejectionAndLock() {
    try (LedgerEmulator emu = emulator(true);
        SolanaLedgerSigner s = SolanaLedgerSigner.open(SolanaApp.over(emu.transport()), PATH)) {
      SignRequest r = SignRequest.of(SignRequest.Kind.SOLANA_MESSAGE, ACCOUNT, new byte[] {1, 2, 3});
      emu.user().script(ScriptedUser.Decision.REJECT, ScriptedUser.Decision.APPROVE, ScriptedUser.Decision.LOCK);
      assertEquals(SignerException.Reason.REJECTED_BY_USER,
          assertThrows(SignerException.class, () -> s.sign(r, Duration.ofSeconds(30))).reason());
      assertTrue(Ed25519PublicKey.of(s.publicKey()).verify(r.payload(), s.sign(r, Duration.ofSeconds(30)).bytes()));
      assertEquals(SignerException.Reason.DEVICE_UNAVAILABLE,
          assertThrows(SignerException.class, () -> s.sign(r, Duration.ofSeconds(30))).reason());
      assertTrue(emu.isLocked());
      emu.unlock();
      assertEquals(64, s.sign(r, Duration.ofSeconds(30)).bytes().length);
    }
  }

  @Test
  void offchainMessagesAreSignedWithTheirHeaderAndMalformedHeadersRefused() {
    try (LedgerEmulator emu = emulator(false)) {
      SolanaApp app = SolanaApp.over(emu.transport());
      byte[] pk = app.getPubkey(PATH, false);
      byte[] msg = SolanaApp.offchainMessage("héllo ledger".getBytes(StandardCharsets.UTF_8));
      assertEquals(1, msg[17], "format 1 for non-ASCII text");
      assertTrue(Ed25519PublicKey.of(pk).verify(msg, app.signOffchainMessage(PATH, msg)));
      byte[] bad = msg.clone();
      bad[18]++; // length field no longer matches
      assertEquals(StatusWords.INVALID_DATA, assertThrows(LedgerException.class, () -> app.signOffchainMessage(PATH, bad)).statusWord());
      byte[] ascii = SolanaApp.offchainMessage("hello".getBytes(StandardCharsets.US_ASCII));
      assertEquals(0, ascii[17]);
      assertFalse(SolanaApp.isOffchainMessage("hello".getBytes(StandardCharsets.US_ASCII)));
      assertEquals("text", assertThrows(LedgerException.class, () -> SolanaApp.offchainMessage(new byte[0])).field());
    }
  }

  @Test
  void pathsAreParsedAsLedgerjsDoesAndBadOnesRefused() {
    assertEquals(DerivationPath.parse("m/44'/501'/0'"), SolanaApp.path("44/501/0"));
    assertEquals(DerivationPath.parse("m/44'/501'/0'"), SolanaApp.path("m/44'/501'/0'"));
    for (String bad : new String[] {"", "m", "44'/x'", "44''/501'", "some invalid derivation path", "1/2/3/4/5/6/7/8/9/10/11"}) {
      LedgerException e = assertThrows(LedgerException.class, () -> SolanaApp.path(bad), bad);
      assertEquals(LedgerException.Kind.INVALID_ARGUMENT, e.kind());
      assertEquals("path", e.field());
    }
  }

  @Test
  void emulatorRefusesMalformedCommandsWithStatusWords() {
    try (LedgerEmulator emu = emulator(true)) {
      String p = "028000002c800001f5";
      // non-hardened level: Ed25519 cannot derive it
      assertEquals("6a80", Hex.encode(emu.process(Hex.decode("e005000009028000002c000001f5"))));
      // path length byte says 2 levels but 1 follows
      assertEquals("6a80", Hex.encode(emu.process(Hex.decode("e0050000050280000001"))));
      // a continuation without a first chunk
      assertEquals("6a80", Hex.encode(emu.process(Hex.decode("e0060101020102"))));
      // signing without P1 confirm
      assertEquals("6b00", Hex.encode(emu.process(ApduCommand.of(0xE0, 0x06, 0, 0, Hex.decode("01" + p + "01")).encode())));
      // two signer paths: not supported
      assertEquals("6a80", Hex.encode(emu.process(ApduCommand.of(0xE0, 0x06, 1, 0, Hex.decode("02" + p + "01")).encode())));
      assertEquals("6d00", Hex.encode(emu.process(Hex.decode("e0ff000000"))));
      // more than the app's buffer, in chunks
      byte[] chunk = new byte[255];
      int sw = 0;
      for (int i = 0; i < 20 && sw != 0x6a84; i++) {
        byte[] r = emu.process(ApduCommand.of(0xE0, 0x06, 1, i == 0 ? 0x02 : 0x03, chunk).encode());
        sw = (r[r.length - 2] & 0xFF) << 8 | (r[r.length - 1] & 0xFF);
      }
      assertEquals(0x6a84, sw);
      assertTrue(emu.user().prompts().isEmpty());
    }
  }

  @Test
  void wrongAppIsDeviceUnavailable() {
    try (LedgerEmulator emu = LedgerEmulator.builder().app(CosmosEmulatorApp.create()).build()) {
      SignerException e = assertThrows(SignerException.class,
          () -> SolanaLedgerSigner.open(SolanaApp.over(emu.transport()), PATH));
      assertEquals(SignerException.Reason.DEVICE_UNAVAILABLE, e.reason());
    }
  }

  @Test
  void shortOrLongResponsesAreMalformed() {
    SolanaApp app = SolanaApp.over(new dev.cairn.hsm.ledger.apps.ReplayTransport(java.util.List.of(
        new String[] {"e004000000", "01009000"},
        new String[] {"e005000009028000002c800001f5", "00119000"})));
    assertEquals(LedgerException.Kind.MALFORMED_FRAME, assertThrows(LedgerException.class, app::getAppConfiguration).kind());
    assertEquals(LedgerException.Kind.MALFORMED_FRAME,
        assertThrows(LedgerException.class, () -> app.getPubkey(SolanaApp.path("44'/501'"), false)).kind());
  }
}

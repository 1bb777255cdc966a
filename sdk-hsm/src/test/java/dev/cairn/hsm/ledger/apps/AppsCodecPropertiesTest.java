package dev.cairn.hsm.ledger.apps;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.core.crypto.Ed25519PublicKey;
import dev.cairn.core.hd.DerivationPath;
import dev.cairn.core.hash.Hashes;
import dev.cairn.core.crypto.Secp256k1PublicKey;
import dev.cairn.core.crypto.EcdsaSignature;
import dev.cairn.hsm.emulator.CosmosEmulatorApp;
import dev.cairn.hsm.emulator.LedgerEmulator;
import dev.cairn.hsm.emulator.SolanaEmulatorApp;
import dev.cairn.hsm.ledger.cosmos.CosmosApp;
import dev.cairn.hsm.ledger.solana.SolanaAppConfiguration;
import dev.cairn.hsm.ledger.solana.SolanaApp;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import net.jqwik.api.constraints.AlphaChars;

/**
 * Properties of the app codecs, checked through the emulator: whatever the length, a chunked
 * message reaches the app whole (the signature verifies over exactly the bytes sent), and random
 * command APDUs never crash the emulated apps (they answer a status word).
 */
class AppsCodecPropertiesTest {
  private static final LedgerEmulator EMU = LedgerEmulator.builder()
      .app(SolanaEmulatorApp.of(SolanaAppConfiguration.of(1, 4, 1, true, 0)))
      .app(CosmosEmulatorApp.create())
      .build();
  private static final Set<Integer> KNOWN = Set.of(0x9000, 0x6A80, 0x6A84, 0x6B00, 0x6D00, 0x6700, 0x6808, 0x6984,
      0x6986, 0x6988, 0x6989, 0x698A, 0x6E00);

  @Property(tries = 60)
  void solanaMessagesOfAnyLengthAreSignedWhole(@ForAll @Size(min = 1, max = 3000) byte[] message,
      @ForAll @IntRange(min = 0, max = 1000) int account) {
    synchronized (EMU) {
      EMU.openApp("Solana");
      SolanaApp app = SolanaApp.over(EMU.transport());
      DerivationPath path = SolanaApp.path("44'/501'/" + account + "'");
      byte[] sig = app.signTransaction(path, message);
      assertTrue(Ed25519PublicKey.of(app.getPubkey(path, false)).verify(message, sig));
    }
  }

  @Property(tries = 40)
  void cosmosDocumentsOfAnyLengthAreSignedWhole(@ForAll @AlphaChars @StringLength(max = 3000) String memo,
      @ForAll @IntRange(min = 0, max = 1000) int index) {
    byte[] doc = ("{\"account_number\":\"1\",\"chain_id\":\"c\",\"fee\":{\"amount\":[],\"gas\":\"1\"},\"memo\":\"" + memo
        + "\",\"msgs\":[],\"sequence\":\"0\"}").getBytes(StandardCharsets.UTF_8);
    synchronized (EMU) {
      EMU.openApp("Cosmos");
      CosmosApp app = CosmosApp.over(EMU.transport());
      DerivationPath path = DerivationPath.parse("m/44'/118'/0'/0/" + index);
      byte[] rs = app.sign(path, doc, index % 2 == 0 ? "cosmos" : null);
      EcdsaSignature e = EcdsaSignature.fromCompact(rs);
      assertTrue(e.isLowS());
      assertTrue(Secp256k1PublicKey.fromBytes(app.getAddressAndPubKey(path, "cosmos", false).publicKey())
          .verify(Hashes.sha256(doc), e));
    }
  }

  @Property(tries = 400)
  void randomCommandsAnswerAStatusWord(@ForAll @IntRange(min = 0, max = 1) int which,
      @ForAll @IntRange(min = 0, max = 8) int ins, @ForAll @IntRange(min = 0, max = 3) int p1,
      @ForAll @IntRange(min = 0, max = 11) int p2, @ForAll @Size(max = 255) byte[] data) {
    synchronized (EMU) {
      EMU.openApp(which == 0 ? "Solana" : "Cosmos");
      byte[] apdu = new byte[5 + data.length];
      apdu[0] = (byte) (which == 0 ? 0xE0 : 0x55);
      apdu[1] = (byte) ins;
      apdu[2] = (byte) p1;
      apdu[3] = (byte) p2;
      apdu[4] = (byte) data.length;
      System.arraycopy(data, 0, apdu, 5, data.length);
      byte[] r = EMU.process(apdu);
      assertTrue(r.length >= 2);
      int sw = (r[r.length - 2] & 0xFF) << 8 | (r[r.length - 1] & 0xFF);
      assertTrue(KNOWN.contains(sw), "unexpected status word " + Integer.toHexString(sw));
      EMU.user().setDefault(dev.cairn.hsm.emulator.ScriptedUser.Decision.APPROVE);
    }
  }

  @Property(tries = 100)
  void offchainHeaderRoundTrip(@ForAll @Size(min = 1, max = 2000) byte[] text) {
    byte[] m = SolanaApp.offchainMessage(text);
    assertTrue(SolanaApp.isOffchainMessage(m));
    assertEquals(text.length, (m[18] & 0xFF) | (m[19] & 0xFF) << 8);
    byte[] back = new byte[m.length - SolanaApp.OFFCHAIN_HEADER_LENGTH];
    System.arraycopy(m, SolanaApp.OFFCHAIN_HEADER_LENGTH, back, 0, back.length);
    assertArrayEquals(text, back);
    byte[] cut = java.util.Arrays.copyOf(m, m.length - 1);
    assertTrue(!SolanaApp.isOffchainMessage(cut), "a truncated message is not well formed");
  }
}

package dev.cairn.hsm.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.hsm.ledger.hid.HidFraming;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Bounded resources (issue 13): APDU data (255 bytes, short APDUs) and the HID framing of an APDU
 * (at most 0xFFFF bytes, the two-byte length of the first frame), at the limit and one past it.
 */
class LedgerLimitsTest {

  @Test
  void apduDataLength() {
    ApduCommand at = ApduCommand.of(0xE0, 0x02, 0, 0, new byte[ApduCommand.MAX_DATA]);
    assertEquals(ApduCommand.MAX_DATA, at.data().length);
    assertEquals(at, ApduCommand.parse(at.encode()));
    RuntimeException e = assertThrows(RuntimeException.class,
        () -> ApduCommand.of(0xE0, 0x02, 0, 0, new byte[ApduCommand.MAX_DATA + 1]));
    assertTrue(e.getMessage().contains(String.valueOf(ApduCommand.MAX_DATA)), e.getMessage());
  }

  @Test
  void hidFramedApduLength() {
    List<byte[]> frames = HidFraming.encode(HidFraming.DEFAULT_CHANNEL, new byte[HidFraming.MAX_APDU]);
    HidFraming.Decoder d = HidFraming.decoder(HidFraming.DEFAULT_CHANNEL);
    for (byte[] f : frames) {
      d.accept(f);
    }
    assertTrue(d.isComplete());
    assertEquals(HidFraming.MAX_APDU, d.result().length);
    RuntimeException e = assertThrows(RuntimeException.class,
        () -> HidFraming.encode(HidFraming.DEFAULT_CHANNEL, new byte[HidFraming.MAX_APDU + 1]));
    assertTrue(e.getMessage().contains(String.valueOf(HidFraming.MAX_APDU)) || e.getMessage().contains("65535"),
        e.getMessage());
  }

  @Test
  void pkcs11LabelAndIdLength() {
    String at = "k".repeat(dev.cairn.hsm.pkcs11.Pkcs11Key.MAX_LENGTH);
    dev.cairn.hsm.pkcs11.Pkcs11Key.byLabel(dev.cairn.core.signer.KeyType.SECP256K1, at);
    dev.cairn.hsm.pkcs11.Pkcs11Key.byId(dev.cairn.core.signer.KeyType.SECP256K1, new byte[dev.cairn.hsm.pkcs11.Pkcs11Key.MAX_LENGTH]);
    RuntimeException l = assertThrows(RuntimeException.class,
        () -> dev.cairn.hsm.pkcs11.Pkcs11Key.byLabel(dev.cairn.core.signer.KeyType.SECP256K1, at + "k"));
    assertTrue(l.getMessage().contains("128"), l.getMessage());
    RuntimeException i = assertThrows(RuntimeException.class, () -> dev.cairn.hsm.pkcs11.Pkcs11Key.byId(
        dev.cairn.core.signer.KeyType.SECP256K1, new byte[dev.cairn.hsm.pkcs11.Pkcs11Key.MAX_LENGTH + 1]));
    assertTrue(i.getMessage().contains("128"), i.getMessage());
  }
}

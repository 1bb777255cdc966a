/**
 * Ledger over USB-HID: the HID framing ({@link dev.cairn.hsm.ledger.hid.HidFraming}: channel, tag
 * 0x05, sequence index, 64-byte reports, big-endian length), a {@link
 * dev.cairn.hsm.ledger.hid.HidDevice} seen as a stream of reports, {@link
 * dev.cairn.hsm.ledger.hid.HidTransport} (a LedgerTransport over any HidDevice, e.g. an Android USB
 * host connection the app wraps), and {@link dev.cairn.hsm.ledger.hid.HidApi}, the optional hidapi
 * binding (jnr-ffi and libhidapi-hidraw found at run time; without them it reports itself
 * unavailable).
 *
 * <pre>{@code
 * if (HidApi.isAvailable()) {
 *   for (HidApi.DeviceInfo info : HidApi.enumerateLedgers()) {
 *     try (LedgerTransport t = HidTransport.open(HidApi.open(info))) {
 *       byte[] config = t.exchange(ApduCommand.of(0xE0, 0x06, 0, 0, new byte[0])).dataOrThrow();
 *     }
 *   }
 * }
 * }</pre>
 */
package dev.cairn.hsm.ledger.hid;

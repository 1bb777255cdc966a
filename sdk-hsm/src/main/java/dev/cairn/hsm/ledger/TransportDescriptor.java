package dev.cairn.hsm.ledger;

import java.util.Objects;

/**
 * What a {@link LedgerTransport} is connected to: a kind ({@code "hid"}, {@code "speculos"},
 * {@code "emulator"}, {@code "android-usb"}, {@code "ble"}, ...) and a location (a hidraw path, a
 * host:port, a device name). Never a secret.
 */
public final class TransportDescriptor {
  private final String kind;
  private final String location;

  private TransportDescriptor(String kind, String location) {
    this.kind = kind;
    this.location = location;
  }

  /**
   * A descriptor.
   *
   * @throws LedgerException (INVALID_ARGUMENT) on a null or empty kind or a null location
   */
  public static TransportDescriptor of(String kind, String location) {
    if (kind == null || kind.isEmpty()) {
      throw new LedgerException(LedgerException.Kind.INVALID_ARGUMENT, "kind", "is null or empty");
    }
    if (location == null) {
      throw new LedgerException(LedgerException.Kind.INVALID_ARGUMENT, "location", "is null");
    }
    return new TransportDescriptor(kind, location);
  }

  /** The transport kind. */
  public String kind() {
    return kind;
  }

  /** Where the device is. */
  public String location() {
    return location;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TransportDescriptor && ((TransportDescriptor) o).kind.equals(kind)
        && ((TransportDescriptor) o).location.equals(location);
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, location);
  }

  @Override
  public String toString() {
    return kind + ":" + location;
  }
}

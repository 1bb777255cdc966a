package dev.cairn.hsm.ledger.solana;

import java.util.Objects;

/** What the Ledger Solana app reports about itself (INS 0x04): version, blind signing, pubkey display mode. Immutable. */
public final class SolanaAppConfiguration {
  private final int major;
  private final int minor;
  private final int patch;
  private final boolean blindSigningEnabled;
  private final int pubKeyDisplayMode;

  private SolanaAppConfiguration(int major, int minor, int patch, boolean blindSigningEnabled, int pubKeyDisplayMode) {
    this.major = major;
    this.minor = minor;
    this.patch = patch;
    this.blindSigningEnabled = blindSigningEnabled;
    this.pubKeyDisplayMode = pubKeyDisplayMode;
  }

  /** A configuration (each version part and the display mode 0..255). */
  public static SolanaAppConfiguration of(int major, int minor, int patch, boolean blindSigningEnabled,
      int pubKeyDisplayMode) {
    return new SolanaAppConfiguration(major & 0xFF, minor & 0xFF, patch & 0xFF, blindSigningEnabled,
        pubKeyDisplayMode & 0xFF);
  }

  /** The app version, {@code major.minor.patch}. */
  public String version() {
    return major + "." + minor + "." + patch;
  }

  public int major() {
    return major;
  }

  public int minor() {
    return minor;
  }

  public int patch() {
    return patch;
  }

  /** Whether the user enabled blind signing (needed for messages the app cannot parse). */
  public boolean blindSigningEnabled() {
    return blindSigningEnabled;
  }

  /** How the app shows public keys: 0 long, 1 short. */
  public int pubKeyDisplayMode() {
    return pubKeyDisplayMode;
  }

  /** The 5-byte encoding the app answers: blind signing, display mode, major, minor, patch. */
  public byte[] encode() {
    return new byte[] {(byte) (blindSigningEnabled ? 1 : 0), (byte) pubKeyDisplayMode, (byte) major, (byte) minor,
        (byte) patch};
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof SolanaAppConfiguration)) {
      return false;
    }
    SolanaAppConfiguration c = (SolanaAppConfiguration) o;
    return major == c.major && minor == c.minor && patch == c.patch && blindSigningEnabled == c.blindSigningEnabled
        && pubKeyDisplayMode == c.pubKeyDisplayMode;
  }

  @Override
  public int hashCode() {
    return Objects.hash(major, minor, patch, blindSigningEnabled, pubKeyDisplayMode);
  }

  @Override
  public String toString() {
    return "SolanaAppConfiguration{" + version() + ", blindSigning=" + blindSigningEnabled + ", pubKeyDisplayMode="
        + pubKeyDisplayMode + "}";
  }
}

package dev.cairn.hsm.ledger.cosmos;

import java.util.Objects;

/** What the Ledger Cosmos app reports (INS 0x00): test mode, version, device locked, target id. Immutable. */
public final class CosmosAppVersion {
  private final boolean testMode;
  private final int major;
  private final int minor;
  private final int patch;
  private final boolean deviceLocked;
  private final long targetId;

  private CosmosAppVersion(boolean testMode, int major, int minor, int patch, boolean deviceLocked, long targetId) {
    this.testMode = testMode;
    this.major = major;
    this.minor = minor;
    this.patch = patch;
    this.deviceLocked = deviceLocked;
    this.targetId = targetId;
  }

  /** A version report; {@code targetId} -1 when the app did not send one. */
  public static CosmosAppVersion of(boolean testMode, int major, int minor, int patch, boolean deviceLocked, long targetId) {
    return new CosmosAppVersion(testMode, major, minor, patch, deviceLocked, targetId);
  }

  /** {@code major.minor.patch}. */
  public String version() {
    return major + "." + minor + "." + patch;
  }

  public boolean testMode() {
    return testMode;
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

  public boolean deviceLocked() {
    return deviceLocked;
  }

  /** The device's target id (e.g. 0x33000004 for a Nano X), or -1 when absent. */
  public long targetId() {
    return targetId;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof CosmosAppVersion)) {
      return false;
    }
    CosmosAppVersion v = (CosmosAppVersion) o;
    return testMode == v.testMode && major == v.major && minor == v.minor && patch == v.patch
        && deviceLocked == v.deviceLocked && targetId == v.targetId;
  }

  @Override
  public int hashCode() {
    return Objects.hash(testMode, major, minor, patch, deviceLocked, targetId);
  }

  @Override
  public String toString() {
    return "CosmosAppVersion{" + version() + (testMode ? ", test mode" : "") + (deviceLocked ? ", locked" : "")
        + (targetId < 0 ? "" : ", target=0x" + Long.toHexString(targetId)) + "}";
  }
}

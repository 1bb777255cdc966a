package dev.cairn.hsm.ledger.eth;

/** The Ethereum app's configuration (getAppConfiguration): feature flags and version. */
public final class EthAppConfiguration {
  private final int flags;
  private final int major;
  private final int minor;
  private final int patch;

  EthAppConfiguration(int flags, int major, int minor, int patch) {
    this.flags = flags;
    this.major = major;
    this.minor = minor;
    this.patch = patch;
  }

  /** The raw flags byte. */
  public int flags() {
    return flags;
  }

  /** Blind signing ("contract data" / arbitrary data) is enabled (flag 0x01). */
  public boolean arbitraryDataEnabled() {
    return (flags & 0x01) != 0;
  }

  /** The app wants ERC-20 token information provided before signing (flag 0x02). */
  public boolean erc20ProvisioningNecessary() {
    return (flags & 0x02) != 0;
  }

  /** StarkEx enabled (flag 0x04). */
  public boolean starkEnabled() {
    return (flags & 0x04) != 0;
  }

  /** StarkEx v2 supported (flag 0x08). */
  public boolean starkV2Supported() {
    return (flags & 0x08) != 0;
  }

  /** {@code major.minor.patch}. */
  public String version() {
    return major + "." + minor + "." + patch;
  }

  @Override
  public String toString() {
    return "EthAppConfiguration{version=" + version() + ", flags=0x" + Integer.toHexString(flags) + "}";
  }
}

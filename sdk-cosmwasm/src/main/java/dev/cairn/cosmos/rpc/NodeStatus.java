package dev.cairn.cosmos.rpc;

import java.util.Objects;

/** CometBFT {@code status}: the network (chain id), node version, latest block and whether the node is catching up. Immutable. */
public final class NodeStatus {
  private final String network;
  private final String version;
  private final long latestBlockHeight;
  private final String latestBlockHash;
  private final String latestBlockTime;
  private final boolean catchingUp;

  private NodeStatus(String network, String version, long latestBlockHeight, String latestBlockHash,
      String latestBlockTime, boolean catchingUp) {
    this.network = network;
    this.version = version;
    this.latestBlockHeight = latestBlockHeight;
    this.latestBlockHash = latestBlockHash;
    this.latestBlockTime = latestBlockTime;
    this.catchingUp = catchingUp;
  }

  /** A status. */
  public static NodeStatus of(String network, String version, long latestBlockHeight, String latestBlockHash,
      String latestBlockTime, boolean catchingUp) {
    return new NodeStatus(Objects.requireNonNull(network, "network"), version == null ? "" : version, latestBlockHeight,
        latestBlockHash == null ? "" : latestBlockHash, latestBlockTime == null ? "" : latestBlockTime, catchingUp);
  }

  /** {@code node_info.network}: the chain id, e.g. {@code cosmoshub-4}. */
  public String network() {
    return network;
  }

  /** {@code node_info.version}: the CometBFT version, e.g. {@code 0.38.12}. */
  public String version() {
    return version;
  }

  /** {@code sync_info.latest_block_height}. */
  public long latestBlockHeight() {
    return latestBlockHeight;
  }

  /** {@code sync_info.latest_block_hash}, upper-case hex. */
  public String latestBlockHash() {
    return latestBlockHash;
  }

  /** {@code sync_info.latest_block_time} as the node rendered it (RFC 3339). */
  public String latestBlockTime() {
    return latestBlockTime;
  }

  /** {@code sync_info.catching_up}: the node is still syncing and its state is behind. */
  public boolean catchingUp() {
    return catchingUp;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof NodeStatus)) {
      return false;
    }
    NodeStatus s = (NodeStatus) o;
    return s.network.equals(network) && s.version.equals(version) && s.latestBlockHeight == latestBlockHeight
        && s.latestBlockHash.equals(latestBlockHash) && s.latestBlockTime.equals(latestBlockTime)
        && s.catchingUp == catchingUp;
  }

  @Override
  public int hashCode() {
    return Objects.hash(network, latestBlockHeight, catchingUp);
  }

  @Override
  public String toString() {
    return "NodeStatus{" + network + " @" + latestBlockHeight + (catchingUp ? ", catching up" : "") + "}";
  }
}

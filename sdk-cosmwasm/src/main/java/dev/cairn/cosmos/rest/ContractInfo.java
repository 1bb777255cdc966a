package dev.cairn.cosmos.rest;

import java.util.Objects;
import java.util.Optional;

/** {@code /cosmwasm/wasm/v1/contract/{address}}: a contract's code id, creator, admin and label. Immutable. */
public final class ContractInfo {
  private final String address;
  private final long codeId;
  private final String creator;
  private final String admin;
  private final String label;
  private final long createdHeight;

  private ContractInfo(String address, long codeId, String creator, String admin, String label, long createdHeight) {
    this.address = address;
    this.codeId = codeId;
    this.creator = creator;
    this.admin = admin;
    this.label = label;
    this.createdHeight = createdHeight;
  }

  /** Contract info; {@code admin} {@code null} or empty when there is none; {@code createdHeight} -1 if unknown. */
  public static ContractInfo of(String address, long codeId, String creator, String admin, String label,
      long createdHeight) {
    return new ContractInfo(Objects.requireNonNull(address, "address"), codeId, Objects.requireNonNull(creator, "creator"),
        admin == null || admin.isEmpty() ? null : admin, label == null ? "" : label, createdHeight);
  }

  /** The contract address. */
  public String address() {
    return address;
  }

  /** The code id it runs. */
  public long codeId() {
    return codeId;
  }

  /** Who instantiated it. */
  public String creator() {
    return creator;
  }

  /** Who may migrate it, if anyone. */
  public Optional<String> admin() {
    return Optional.ofNullable(admin);
  }

  /** Its label. */
  public String label() {
    return label;
  }

  /** The block height it was created at, or -1 when the node did not say. */
  public long createdHeight() {
    return createdHeight;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof ContractInfo)) {
      return false;
    }
    ContractInfo c = (ContractInfo) o;
    return c.address.equals(address) && c.codeId == codeId && c.creator.equals(creator) && Objects.equals(c.admin, admin)
        && c.label.equals(label) && c.createdHeight == createdHeight;
  }

  @Override
  public int hashCode() {
    return Objects.hash(address, codeId, creator, admin, label);
  }

  @Override
  public String toString() {
    return "ContractInfo{" + address + ", code " + codeId + ", " + label + "}";
  }
}

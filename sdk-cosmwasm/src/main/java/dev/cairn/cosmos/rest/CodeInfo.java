package dev.cairn.cosmos.rest;

import java.util.Objects;

/**
 * {@code /cosmwasm/wasm/v1/code/{id}}: a stored code's id, creator, checksum (upper-case hex
 * SHA-256 of the wasm) and instantiate permission; the byte code itself is skipped. Immutable.
 */
public final class CodeInfo {
  private final long codeId;
  private final String creator;
  private final String checksum;
  private final String permission;

  private CodeInfo(long codeId, String creator, String checksum, String permission) {
    this.codeId = codeId;
    this.creator = creator;
    this.checksum = checksum;
    this.permission = permission;
  }

  /** Code info. */
  public static CodeInfo of(long codeId, String creator, String checksum, String permission) {
    return new CodeInfo(codeId, Objects.requireNonNull(creator, "creator"), Objects.requireNonNull(checksum, "checksum"),
        permission == null ? "" : permission);
  }

  /** The code id. */
  public long codeId() {
    return codeId;
  }

  /** Who stored it. */
  public String creator() {
    return creator;
  }

  /** The wasm checksum ({@code data_hash}), upper-case hex. */
  public String checksum() {
    return checksum;
  }

  /** The instantiate permission ({@code Everybody}, {@code Nobody}, {@code AnyOfAddresses}), or {@code ""}. */
  public String permission() {
    return permission;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof CodeInfo)) {
      return false;
    }
    CodeInfo c = (CodeInfo) o;
    return c.codeId == codeId && c.creator.equals(creator) && c.checksum.equals(checksum) && c.permission.equals(permission);
  }

  @Override
  public int hashCode() {
    return Objects.hash(codeId, creator, checksum, permission);
  }

  @Override
  public String toString() {
    return "CodeInfo{" + codeId + ", " + checksum + "}";
  }
}

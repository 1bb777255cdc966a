package dev.cairn.cosmos.rpc;

import java.util.Arrays;
import java.util.Objects;

/** CometBFT {@code abci_query}'s {@code response}: code, codespace, log, value and the height it was read at. Immutable. */
public final class AbciQueryResult {
  private final long code;
  private final String codespace;
  private final String log;
  private final byte[] value;
  private final long height;

  private AbciQueryResult(long code, String codespace, String log, byte[] value, long height) {
    this.code = code;
    this.codespace = codespace;
    this.log = log;
    this.value = value;
    this.height = height;
  }

  /** A result. */
  public static AbciQueryResult of(long code, String codespace, String log, byte[] value, long height) {
    return new AbciQueryResult(code, codespace == null ? "" : codespace, log == null ? "" : log,
        value == null ? new byte[0] : value.clone(), height);
  }

  /** 0 on success. */
  public long code() {
    return code;
  }

  /** The codespace of a non-zero code. */
  public String codespace() {
    return codespace;
  }

  /** The log. */
  public String log() {
    return log;
  }

  /** The value (protobuf for gRPC paths), a copy; empty when none. */
  public byte[] value() {
    return value.clone();
  }

  /** The height the state was read at. */
  public long height() {
    return height;
  }

  /** Whether {@link #code()} is 0. */
  public boolean isSuccess() {
    return code == 0;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof AbciQueryResult)) {
      return false;
    }
    AbciQueryResult a = (AbciQueryResult) o;
    return a.code == code && a.codespace.equals(codespace) && a.log.equals(log) && Arrays.equals(a.value, value)
        && a.height == height;
  }

  @Override
  public int hashCode() {
    return Objects.hash(code, codespace, height) * 31 + Arrays.hashCode(value);
  }

  @Override
  public String toString() {
    return "AbciQueryResult{code=" + code + ", " + value.length + " bytes @" + height + "}";
  }
}

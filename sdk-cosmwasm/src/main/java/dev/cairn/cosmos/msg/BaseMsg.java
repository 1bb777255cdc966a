package dev.cairn.cosmos.msg;

import java.util.Arrays;

/** Equality by type URL and protobuf bytes; {@code toString} as the CosmJS JSON. */
abstract class BaseMsg implements CosmosMsg {
  @Override
  public final boolean equals(Object o) {
    return o instanceof CosmosMsg && ((CosmosMsg) o).typeUrl().equals(typeUrl())
        && Arrays.equals(((CosmosMsg) o).encode(), encode());
  }

  @Override
  public final int hashCode() {
    return typeUrl().hashCode() * 31 + Arrays.hashCode(encode());
  }

  @Override
  public String toString() {
    return typeUrl() + " " + toJson();
  }
}

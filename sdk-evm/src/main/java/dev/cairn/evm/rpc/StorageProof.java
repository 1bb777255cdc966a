package dev.cairn.evm.rpc;

import com.fasterxml.jackson.core.JsonParser;
import dev.cairn.evm.rpc.internal.Json;
import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** One storage slot's Merkle-Patricia proof from {@code eth_getProof}. Immutable. */
public final class StorageProof {
  private final Hash32 key;
  private final BigInteger value;
  private final List<byte[]> proof;

  private StorageProof(Hash32 key, BigInteger value, List<byte[]> proof) {
    this.key = key;
    this.value = value;
    this.proof = proof;
  }

  static StorageProof read(JsonParser p) throws IOException {
    Json.expectObject(p);
    Hash32 key = null;
    BigInteger value = null;
    List<byte[]> proof = null;
    String f;
    while ((f = Json.nextField(p)) != null) {
      switch (f) {
        case "key": key = Hash32.wrap(Json.slotKey(p)); break;
        case "value": value = Json.quantity(p); break;
        case "proof": proof = Json.list(p, Json::data); break;
        default: Json.skip(p);
      }
    }
    if (key == null) {
      throw Json.missing(p, "key");
    }
    if (value == null) {
      throw Json.missing(p, "value");
    }
    if (proof == null) {
      throw Json.missing(p, "proof");
    }
    return new StorageProof(key, value, proof);
  }

  static List<byte[]> copy(List<byte[]> nodes) {
    List<byte[]> out = new ArrayList<>(nodes.size());
    for (byte[] n : nodes) {
      out.add(n.clone());
    }
    return Collections.unmodifiableList(out);
  }

  /** The storage slot (left-padded to 32 bytes). */
  public Hash32 key() {
    return key;
  }

  /** The slot's value. */
  public BigInteger value() {
    return value;
  }

  /** Copies of the RLP-encoded trie nodes from the storage root towards the slot. */
  public List<byte[]> proof() {
    return copy(proof);
  }

  @Override
  public String toString() {
    return "StorageProof{key=" + key + ", value=" + value + ", nodes=" + proof.size() + "}";
  }
}

package dev.cairn.cosmos.tx;

import dev.cairn.core.encoding.DecodingException;
import dev.cairn.core.encoding.Hex;
import dev.cairn.core.hash.Hashes;
import dev.cairn.cosmos.CosmosException;
import dev.cairn.cosmos.internal.ProtoReader;
import dev.cairn.cosmos.internal.ProtoWriter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * {@code cosmos.tx.v1beta1.TxRaw}: the signed body and auth info bytes exactly as signed, and one
 * signature per signer. What is broadcast; its sha256 is the transaction hash. Immutable.
 */
public final class TxRaw {
  /** Largest encoded transaction accepted by {@link #decode}: 4 MiB (CometBFT's default is 1 MiB). */
  public static final int MAX_TX_BYTES = 4 << 20;

  private final byte[] bodyBytes;
  private final byte[] authInfoBytes;
  private final List<byte[]> signatures;

  private TxRaw(byte[] bodyBytes, byte[] authInfoBytes, List<byte[]> signatures) {
    this.bodyBytes = bodyBytes;
    this.authInfoBytes = authInfoBytes;
    this.signatures = signatures;
  }

  /** A TxRaw from its parts (arrays copied). */
  public static TxRaw of(byte[] bodyBytes, byte[] authInfoBytes, List<byte[]> signatures) {
    if (bodyBytes == null || authInfoBytes == null || signatures == null) {
      throw CosmosException.invalid("txRaw", "needs body bytes, auth info bytes and signatures");
    }
    List<byte[]> sigs = new ArrayList<>(signatures.size());
    for (byte[] s : signatures) {
      if (s == null) {
        throw CosmosException.invalid("txRaw.signatures", "contains null");
      }
      sigs.add(s.clone());
    }
    return new TxRaw(bodyBytes.clone(), authInfoBytes.clone(), Collections.unmodifiableList(sigs));
  }

  /**
   * Decodes a broadcastable transaction.
   *
   * @throws DecodingException naming the field and offset (including input over {@link #MAX_TX_BYTES})
   */
  public static TxRaw decode(byte[] bytes) {
    if (bytes != null && bytes.length > MAX_TX_BYTES) {
      throw new DecodingException("TxRaw", -1, bytes.length + " bytes, limit " + MAX_TX_BYTES);
    }
    ProtoReader r = ProtoReader.of(bytes, "TxRaw");
    byte[] body = new byte[0];
    byte[] auth = new byte[0];
    List<byte[]> sigs = new ArrayList<>();
    while (r.next()) {
      switch (r.field()) {
        case 1:
          body = r.bytes("body_bytes");
          break;
        case 2:
          auth = r.bytes("auth_info_bytes");
          break;
        case 3:
          sigs.add(r.bytes("signatures"));
          break;
        default:
          r.skip();
      }
    }
    return new TxRaw(body, auth, Collections.unmodifiableList(sigs));
  }

  /** The protobuf encoding. */
  public byte[] encode() {
    ProtoWriter w = new ProtoWriter().bytes(1, bodyBytes).bytes(2, authInfoBytes);
    for (byte[] s : signatures) {
      w.message(3, s); // written even when empty, as repeated bytes are
    }
    return w.toByteArray();
  }

  /** The transaction hash: uppercase hex sha256 of the encoding, as CometBFT and explorers show it. */
  public String hash() {
    return Hex.encode(Hashes.sha256(encode())).toUpperCase(java.util.Locale.ROOT);
  }

  public byte[] bodyBytes() {
    return bodyBytes.clone();
  }

  public byte[] authInfoBytes() {
    return authInfoBytes.clone();
  }

  /** Copies of the signatures, in signer order. */
  public List<byte[]> signatures() {
    List<byte[]> out = new ArrayList<>(signatures.size());
    for (byte[] s : signatures) {
      out.add(s.clone());
    }
    return out;
  }

  /** The decoded body (messages typed where known). */
  public TxBody body() {
    return TxBody.decode(bodyBytes);
  }

  /** The decoded auth info. */
  public AuthInfo authInfo() {
    return AuthInfo.decode(authInfoBytes);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TxRaw && java.util.Arrays.equals(((TxRaw) o).encode(), encode());
  }

  @Override
  public int hashCode() {
    return java.util.Arrays.hashCode(encode());
  }

  @Override
  public String toString() {
    return "TxRaw{" + hash() + ", " + signatures.size() + " signatures}";
  }
}

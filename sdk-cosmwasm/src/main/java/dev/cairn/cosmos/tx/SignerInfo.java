package dev.cairn.cosmos.tx;

import dev.cairn.cosmos.CosmosException;
import dev.cairn.cosmos.CosmosPublicKey;
import dev.cairn.cosmos.internal.ProtoReader;
import dev.cairn.cosmos.internal.ProtoWriter;
import dev.cairn.cosmos.msg.Any;
import java.util.Optional;

/**
 * {@code cosmos.tx.v1beta1.SignerInfo}: a signer's public key (an Any; absent when the chain
 * already knows it), mode info and sequence. Immutable.
 */
public final class SignerInfo {
  private final Any publicKey; // nullable
  private final ModeInfo modeInfo;
  private final long sequence;

  private SignerInfo(Any publicKey, ModeInfo modeInfo, long sequence) {
    this.publicKey = publicKey;
    this.modeInfo = modeInfo;
    this.sequence = sequence;
  }

  /** A signer info. {@code publicKey} may be null. */
  public static SignerInfo of(Any publicKey, ModeInfo modeInfo, long sequence) {
    if (modeInfo == null) {
      throw CosmosException.invalid("signerInfo.modeInfo", "is null");
    }
    return new SignerInfo(publicKey, modeInfo, sequence);
  }

  /** The Any of a key: {@code {typeUrl, PubKey{key = 1: compressed}}}. */
  public static Any publicKeyAny(CosmosPublicKey key) {
    return Any.of(key.type().typeUrl(), new ProtoWriter().bytes(1, key.compressed()).toByteArray());
  }

  /**
   * The key in {@link #publicKey()} when it is a single secp256k1 or eth_secp256k1 key.
   *
   * @return empty for no key or another key type (multisig, ed25519...)
   */
  public Optional<CosmosPublicKey> cosmosPublicKey() {
    if (publicKey == null) {
      return Optional.empty();
    }
    CosmosPublicKey.Type t = CosmosPublicKey.Type.fromTypeUrl(publicKey.typeUrl());
    if (t == null) {
      return Optional.empty();
    }
    ProtoReader r = ProtoReader.of(publicKey.value(), "PubKey");
    byte[] key = new byte[0];
    while (r.next()) {
      if (r.field() == 1) {
        key = r.bytes("key");
      } else {
        r.skip();
      }
    }
    try {
      return Optional.of(CosmosPublicKey.of(t, key));
    } catch (CosmosException e) {
      throw new dev.cairn.core.encoding.DecodingException("PubKey.key", -1, e.getMessage());
    }
  }

  public Optional<Any> publicKey() {
    return Optional.ofNullable(publicKey);
  }

  public ModeInfo modeInfo() {
    return modeInfo;
  }

  /** The account sequence (unsigned). */
  public long sequence() {
    return sequence;
  }

  byte[] encode() {
    ProtoWriter w = new ProtoWriter();
    if (publicKey != null) {
      w.message(1, publicKey.encode());
    }
    return w.message(2, modeInfo.encode()).uint64(3, sequence).toByteArray();
  }

  static SignerInfo read(ProtoReader parent, byte[] b) {
    ProtoReader r = parent.nested(b, "SignerInfo", parent.payloadOffset(b));
    Any key = null;
    ModeInfo mode = null;
    long seq = 0;
    while (r.next()) {
      switch (r.field()) {
        case 1: {
          byte[] k = r.bytes("public_key");
          ProtoReader kr = r.nested(k, "Any", r.payloadOffset(k));
          String url = "";
          byte[] value = new byte[0];
          while (kr.next()) {
            switch (kr.field()) {
              case 1:
                url = kr.string("type_url");
                break;
              case 2:
                value = kr.bytes("value");
                break;
              default:
                kr.skip();
            }
          }
          if (url.isEmpty()) {
            throw r.error("public_key", -1, "Any without a type URL");
          }
          key = Any.of(url, value);
          break;
        }
        case 2:
          mode = ModeInfo.read(r, r.bytes("mode_info"));
          break;
        case 3:
          seq = r.uint64("sequence");
          break;
        default:
          r.skip();
      }
    }
    if (mode == null) {
      throw r.error("mode_info", -1, "is missing");
    }
    return new SignerInfo(key, mode, seq);
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof SignerInfo)) {
      return false;
    }
    SignerInfo s = (SignerInfo) o;
    return java.util.Objects.equals(s.publicKey, publicKey) && s.modeInfo.equals(modeInfo) && s.sequence == sequence;
  }

  @Override
  public int hashCode() {
    return modeInfo.hashCode() * 31 + Long.hashCode(sequence);
  }

  @Override
  public String toString() {
    return "SignerInfo{" + publicKey + ", " + modeInfo + ", sequence=" + Long.toUnsignedString(sequence) + "}";
  }
}

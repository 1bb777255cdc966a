package dev.cairn.cosmos.tx;

import dev.cairn.cosmos.CosmosException;
import dev.cairn.cosmos.internal.ProtoReader;
import dev.cairn.cosmos.internal.ProtoWriter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** {@code cosmos.tx.v1beta1.AuthInfo}: the signer infos and the fee. Immutable. */
public final class AuthInfo {
  private final List<SignerInfo> signerInfos;
  private final Fee fee;

  private AuthInfo(List<SignerInfo> signerInfos, Fee fee) {
    this.signerInfos = signerInfos;
    this.fee = fee;
  }

  public static AuthInfo of(List<SignerInfo> signerInfos, Fee fee) {
    if (signerInfos == null || fee == null) {
      throw CosmosException.invalid("authInfo", "needs signer infos and a fee");
    }
    return new AuthInfo(Collections.unmodifiableList(new ArrayList<>(signerInfos)), fee);
  }

  public List<SignerInfo> signerInfos() {
    return signerInfos;
  }

  public Fee fee() {
    return fee;
  }

  /** The protobuf encoding (the {@code auth_info_bytes} signed in direct mode). */
  public byte[] encode() {
    ProtoWriter w = new ProtoWriter();
    for (SignerInfo s : signerInfos) {
      w.message(1, s.encode());
    }
    return w.message(2, fee.encode()).toByteArray(); // gogoproto writes Fee even when empty
  }

  /**
   * Decodes {@code auth_info_bytes}.
   *
   * @throws dev.cairn.core.encoding.DecodingException naming the field and offset
   */
  public static AuthInfo decode(byte[] bytes) {
    ProtoReader r = ProtoReader.of(bytes, "AuthInfo");
    List<SignerInfo> infos = new ArrayList<>();
    Fee fee = null;
    while (r.next()) {
      switch (r.field()) {
        case 1:
          infos.add(SignerInfo.read(r, r.bytes("signer_infos")));
          break;
        case 2:
          fee = Fee.read(r, r.bytes("fee"));
          break;
        default:
          r.skip(); // tip (3, deprecated) and later fields
      }
    }
    if (fee == null) {
      throw r.error("fee", -1, "is missing");
    }
    return new AuthInfo(Collections.unmodifiableList(infos), fee);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AuthInfo && ((AuthInfo) o).signerInfos.equals(signerInfos) && ((AuthInfo) o).fee.equals(fee);
  }

  @Override
  public int hashCode() {
    return signerInfos.hashCode() * 31 + fee.hashCode();
  }

  @Override
  public String toString() {
    return "AuthInfo{" + signerInfos + ", " + fee + "}";
  }
}

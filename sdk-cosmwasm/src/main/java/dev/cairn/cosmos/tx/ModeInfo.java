package dev.cairn.cosmos.tx;

import dev.cairn.cosmos.CosmosException;
import dev.cairn.cosmos.internal.ProtoReader;
import dev.cairn.cosmos.internal.ProtoWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * {@code cosmos.tx.v1beta1.ModeInfo}: a single signer's sign mode, or a multisig's bit array and
 * the mode infos of its signing members. Immutable. Multisig mode infos are decoded and re-encoded;
 * this library signs single-key signers only.
 */
public final class ModeInfo {
  /** SIGN_MODE_DIRECT. */
  public static final int DIRECT = 1;
  /** SIGN_MODE_TEXTUAL. */
  public static final int TEXTUAL = 2;
  /** SIGN_MODE_DIRECT_AUX. */
  public static final int DIRECT_AUX = 3;
  /** SIGN_MODE_LEGACY_AMINO_JSON. */
  public static final int LEGACY_AMINO_JSON = 127;
  /** SIGN_MODE_EIP_191. */
  public static final int EIP_191 = 191;

  private final int mode; // single
  private final int extraBitsStored; // multi
  private final byte[] bitarray; // multi; null for single
  private final List<ModeInfo> modeInfos; // multi

  private ModeInfo(int mode, int extraBitsStored, byte[] bitarray, List<ModeInfo> modeInfos) {
    this.mode = mode;
    this.extraBitsStored = extraBitsStored;
    this.bitarray = bitarray;
    this.modeInfos = modeInfos;
  }

  /** A single signer with sign mode {@code mode} (a SignMode number such as {@link #DIRECT}). */
  public static ModeInfo single(int mode) {
    return new ModeInfo(mode, 0, null, Collections.emptyList());
  }

  /** A multisig: the CompactBitArray of who signed and the members' mode infos. */
  public static ModeInfo multi(int extraBitsStored, byte[] bitarray, List<ModeInfo> modeInfos) {
    if (bitarray == null || modeInfos == null || extraBitsStored < 0 || extraBitsStored > 7) {
      throw CosmosException.invalid("modeInfo.multi", "needs a bit array, 0..7 extra bits and mode infos");
    }
    return new ModeInfo(0, extraBitsStored, bitarray.clone(), Collections.unmodifiableList(new ArrayList<>(modeInfos)));
  }

  public boolean isMulti() {
    return bitarray != null;
  }

  /** The single signer's mode number. */
  public int mode() {
    return mode;
  }

  public int extraBitsStored() {
    return extraBitsStored;
  }

  /** A copy of the multisig bit array (empty for a single signer). */
  public byte[] bitarray() {
    return bitarray == null ? new byte[0] : bitarray.clone();
  }

  public List<ModeInfo> modeInfos() {
    return modeInfos;
  }

  byte[] encode() {
    if (bitarray == null) {
      return new ProtoWriter().message(1, new ProtoWriter().int32(1, mode).toByteArray()).toByteArray();
    }
    ProtoWriter m = new ProtoWriter()
        .message(1, new ProtoWriter().uint32(1, extraBitsStored).bytes(2, bitarray).toByteArray());
    for (ModeInfo i : modeInfos) {
      m.message(2, i.encode());
    }
    return new ProtoWriter().message(2, m.toByteArray()).toByteArray();
  }

  static ModeInfo read(ProtoReader parent, byte[] b) {
    ProtoReader r = parent.nested(b, "ModeInfo", parent.payloadOffset(b));
    ModeInfo out = null;
    while (r.next()) {
      switch (r.field()) {
        case 1: {
          byte[] s = r.bytes("single");
          ProtoReader sr = r.nested(s, "ModeInfo.Single", r.payloadOffset(s));
          int mode = 0;
          while (sr.next()) {
            if (sr.field() == 1) {
              mode = sr.int32("mode");
            } else {
              sr.skip();
            }
          }
          out = single(mode);
          break;
        }
        case 2: {
          byte[] mb = r.bytes("multi");
          ProtoReader mr = r.nested(mb, "ModeInfo.Multi", r.payloadOffset(mb));
          int extra = 0;
          byte[] bits = new byte[0];
          List<ModeInfo> infos = new ArrayList<>();
          while (mr.next()) {
            switch (mr.field()) {
              case 1: {
                byte[] cb = mr.bytes("bitarray");
                ProtoReader cr = mr.nested(cb, "CompactBitArray", mr.payloadOffset(cb));
                while (cr.next()) {
                  switch (cr.field()) {
                    case 1:
                      extra = cr.uint32("extra_bits_stored");
                      break;
                    case 2:
                      bits = cr.bytes("elems");
                      break;
                    default:
                      cr.skip();
                  }
                }
                break;
              }
              case 2:
                infos.add(read(mr, mr.bytes("mode_infos")));
                break;
              default:
                mr.skip();
            }
          }
          if (extra > 7) {
            throw mr.error("bitarray.extra_bits_stored", -1, "must be 0..7");
          }
          out = new ModeInfo(0, extra, bits, Collections.unmodifiableList(infos));
          break;
        }
        default:
          r.skip();
      }
    }
    if (out == null) {
      throw r.error("sum", -1, "neither single nor multi");
    }
    return out;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof ModeInfo)) {
      return false;
    }
    ModeInfo m = (ModeInfo) o;
    return m.mode == mode && m.extraBitsStored == extraBitsStored && Arrays.equals(m.bitarray, bitarray)
        && m.modeInfos.equals(modeInfos);
  }

  @Override
  public int hashCode() {
    return mode * 31 + modeInfos.hashCode();
  }

  @Override
  public String toString() {
    return isMulti() ? "ModeInfo{multi, " + modeInfos + "}" : "ModeInfo{single, mode=" + mode + "}";
  }
}

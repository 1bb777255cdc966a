package dev.cairn.svm.rpc;

import dev.cairn.svm.Pubkey;
import java.util.Arrays;
import java.util.Objects;

/** The data a program returned with {@code set_return_data}, and which program set it. Immutable. */
public final class ReturnData {
  private final Pubkey programId;
  private final byte[] data;

  private ReturnData(Pubkey programId, byte[] data) {
    this.programId = programId;
    this.data = data;
  }

  /** A value (data copied). */
  public static ReturnData of(Pubkey programId, byte[] data) {
    return new ReturnData(Objects.requireNonNull(programId, "programId"), Objects.requireNonNull(data, "data").clone());
  }

  /** The program that set the data. */
  public Pubkey programId() {
    return programId;
  }

  /** The data (a copy). */
  public byte[] data() {
    return data.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ReturnData && ((ReturnData) o).programId.equals(programId) && Arrays.equals(((ReturnData) o).data, data);
  }

  @Override
  public int hashCode() {
    return programId.hashCode() * 31 + Arrays.hashCode(data);
  }

  @Override
  public String toString() {
    return "ReturnData[" + programId.toBase58() + ", " + data.length + " bytes]";
  }
}

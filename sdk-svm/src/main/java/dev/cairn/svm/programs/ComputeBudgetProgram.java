package dev.cairn.svm.programs;

import dev.cairn.svm.Pubkey;
import dev.cairn.svm.SvmException;
import dev.cairn.svm.internal.ByteWriter;
import dev.cairn.svm.tx.Instruction;
import java.util.List;

/**
 * Instructions of the Compute Budget program: the compute-unit limit, the priority fee (price per
 * unit in micro-lamports) and the heap size. Data: a u8 index and the value; no accounts.
 *
 * <pre>{@code
 * List<Instruction> budget = List.of(
 *     ComputeBudgetProgram.setComputeUnitLimit(200_000),
 *     ComputeBudgetProgram.setComputeUnitPrice(5_000));
 * }</pre>
 */
public final class ComputeBudgetProgram {
  /** The Compute Budget program's id. */
  public static final Pubkey PROGRAM_ID = Pubkey.fromBase58("ComputeBudget111111111111111111111111111111");

  private static final int REQUEST_HEAP_FRAME = 1;
  private static final int SET_COMPUTE_UNIT_LIMIT = 2;
  private static final int SET_COMPUTE_UNIT_PRICE = 3;

  private ComputeBudgetProgram() {}

  /** Requests {@code bytes} of heap (a multiple of 1024, 32 KiB to 256 KiB; checked by the runtime). */
  public static Instruction requestHeapFrame(long bytes) {
    return Instruction.of(PROGRAM_ID, List.of(), new ByteWriter(5).u8(REQUEST_HEAP_FRAME).u32(Programs.unsigned32("bytes", bytes)).toByteArray());
  }

  /** Sets the transaction's compute-unit limit (u32). */
  public static Instruction setComputeUnitLimit(long units) {
    return Instruction.of(PROGRAM_ID, List.of(), new ByteWriter(5).u8(SET_COMPUTE_UNIT_LIMIT).u32(Programs.unsigned32("units", units)).toByteArray());
  }

  /** Sets the priority fee: micro-lamports per compute unit (unsigned u64, non-negative here). */
  public static Instruction setComputeUnitPrice(long microLamports) {
    if (microLamports < 0) {
      throw new SvmException(SvmException.Reason.INVALID_INPUT, "microLamports: negative");
    }
    return Instruction.of(PROGRAM_ID, List.of(), new ByteWriter(9).u8(SET_COMPUTE_UNIT_PRICE).u64(microLamports).toByteArray());
  }
}

package dev.cairn.svm.errors;

import dev.cairn.svm.Pubkey;
import java.util.Objects;
import java.util.Optional;

/**
 * Names a program's custom error codes ({@code InstructionError(i, Custom(code))}): the built-in
 * tables for the System, Token, Token-2022 and Associated Token programs ({@link
 * SvmErrors#standard()}), or a program's Anchor IDL error list. Plugged into {@link
 * SvmErrors#with(ProgramErrorDecoder)}. Implementations must be thread-safe and must not throw.
 */
@FunctionalInterface
public interface ProgramErrorDecoder {
  /**
   * What {@code code} raised by {@code programId} means, or empty when this decoder does not know.
   *
   * @param programId the failing program
   * @param code the custom error code (a u32)
   */
  Optional<ProgramError> decode(Pubkey programId, long code);

  /** This decoder, then {@code next} when this one does not know the code. */
  default ProgramErrorDecoder orElse(ProgramErrorDecoder next) {
    Objects.requireNonNull(next, "next");
    return (program, code) -> {
      Optional<ProgramError> e = decode(program, code);
      return e.isPresent() ? e : next.decode(program, code);
    };
  }

  /** A decoder for one program: {@code table} is consulted only when the program id matches. */
  static ProgramErrorDecoder forProgram(Pubkey programId, ProgramErrorDecoder table) {
    Objects.requireNonNull(programId, "programId");
    Objects.requireNonNull(table, "table");
    return (program, code) -> programId.equals(program) ? table.decode(program, code) : Optional.empty();
  }
}

package dev.cairn.svm.idl;

import dev.cairn.core.chain.ChainErrors;
import dev.cairn.core.chain.ErrorKind;
import dev.cairn.svm.Pubkey;
import dev.cairn.svm.errors.ProgramError;
import dev.cairn.svm.errors.ProgramErrorDecoder;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The errors of one or more programs with IDLs, as sdk-core's {@link
 * ChainErrors.ProgramErrorMapping}: hand it to {@link ChainErrors#svmCustomProgramError(
 * dev.cairn.core.chain.ChainId, int, String, long, String, String, ChainErrors.ProgramErrorMapping)}
 * (or the Solana RPC error mapping that calls it) and a {@code Custom(code)} of a known program is
 * classified; {@link #describe} gives the error's name and message for the error text. Only
 * programs whose IDL has an address are mapped; a code is looked up only for its own program.
 *
 * <p>Classification: the IDL's own errors and Anchor's constraint and {@code require!} errors
 * (2000-2999) are {@link ErrorKind#REVERTED} (the program refused); Anchor's other framework errors —
 * instruction (100-103), IDL (1000-1999), account (3000-3999), program-id (4100-4102), deprecated
 * (5000) — are {@link ErrorKind#INVALID_INPUT} (the transaction was built wrong: bad data, wrong or
 * missing accounts);
 * unknown codes are {@code null} (the default applies). Immutable and thread-safe.
 *
 * <pre>{@code
 * IdlErrorMapping errors = IdlErrorMapping.of(List.of(vaultIdl, marketIdl));
 * ErrorKind kind = errors.classify(programId, 6001);
 * String text = errors.describe(programId, 6001).map(IdlError::toString).orElse("custom 6001");
 * }</pre>
 *
 * <p>It is also a {@link ProgramErrorDecoder}, so the RPC error mapping names IDL errors too: {@code
 * SvmErrors.standard().with(IdlErrorMapping.of(idls))}.
 */
public final class IdlErrorMapping implements ChainErrors.ProgramErrorMapping, ProgramErrorDecoder {
  private final Map<String, Idl> byProgram;

  private IdlErrorMapping(Map<String, Idl> byProgram) {
    this.byProgram = byProgram;
  }

  /**
   * A mapping over {@code idls} (those without an address are skipped).
   *
   * @throws IdlException when two IDLs have the same address
   */
  public static IdlErrorMapping of(Collection<Idl> idls) {
    Map<String, Idl> m = new LinkedHashMap<>();
    if (idls != null) {
      for (Idl idl : idls) {
        if (idl == null) {
          throw new IdlException("idls", "contains null");
        }
        Optional<Pubkey> a = idl.address();
        if (a.isPresent() && m.put(a.get().toBase58(), idl) != null) {
          throw new IdlException("idls", "two IDLs for program " + a.get());
        }
      }
    }
    return new IdlErrorMapping(Collections.unmodifiableMap(m));
  }

  /** The programs mapped, in base58. */
  public List<String> programs() {
    return new ArrayList<>(byProgram.keySet());
  }

  /**
   * The error {@code programId} (base58) returned as {@code Custom(code)}; empty when the program
   * or the code is unknown, or {@code programId} is null.
   */
  public Optional<IdlError> describe(String programId, long code) {
    Idl idl = programId == null ? null : byProgram.get(programId);
    return idl == null ? Optional.empty() : idl.decodeError(code);
  }

  @Override
  public ErrorKind classify(String programId, long code) {
    Optional<IdlError> e = describe(programId, code);
    if (!e.isPresent()) {
      return null;
    }
    if (e.get().source() == IdlError.Source.PROGRAM) {
      return ErrorKind.REVERTED;
    }
    return code >= 2000 && code < 3000 ? ErrorKind.REVERTED : ErrorKind.INVALID_INPUT;
  }

  /**
   * The IDL error of {@code code} raised by {@code programId}, as the Solana error mapping's
   * {@link ProgramError} (name, message and the kind {@link #classify} gives), or empty.
   */
  @Override
  public Optional<ProgramError> decode(Pubkey programId, long code) {
    if (programId == null) {
      return Optional.empty();
    }
    String id = programId.toBase58();
    Optional<IdlError> e = describe(id, code);
    if (!e.isPresent()) {
      return Optional.empty();
    }
    String message = e.get().message() == null ? e.get().name() : e.get().message();
    return Optional.of(ProgramError.of(e.get().name(), message, classify(id, code)));
  }

  @Override
  public String toString() {
    return "IdlErrorMapping" + byProgram.keySet();
  }
}

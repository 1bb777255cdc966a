package dev.cairn.svm.idl;

import dev.cairn.svm.Pubkey;
import java.util.Optional;

/**
 * One account an IDL instruction takes, in order: its name (nested account groups flattened, the
 * inner name kept), whether it is writable, a signer or optional, and — when the IDL says — its fixed
 * address or the seeds of its program-derived address. Immutable.
 */
public final class IdlAccountSpec {
  private final String name;
  private final boolean writable;
  private final boolean signer;
  private final boolean optional;
  private final Pubkey address;
  final IdlPda pda;

  IdlAccountSpec(String name, boolean writable, boolean signer, boolean optional, Pubkey address, IdlPda pda) {
    this.name = name;
    this.writable = writable;
    this.signer = signer;
    this.optional = optional;
    this.address = address;
    this.pda = pda;
  }

  /** The name as the IDL writes it (snake_case in 0.30+, camelCase in older IDLs). */
  public String name() {
    return name;
  }

  /** Whether the instruction writes it. */
  public boolean isWritable() {
    return writable;
  }

  /** Whether it must sign. */
  public boolean isSigner() {
    return signer;
  }

  /** Whether it may be left out (the program id is passed in its place, as Anchor does). */
  public boolean isOptional() {
    return optional;
  }

  /** Its fixed address, when the IDL gives one. */
  public Optional<Pubkey> address() {
    return Optional.ofNullable(address);
  }

  /** Whether the IDL gives seeds from which the address can be derived. */
  public boolean hasPda() {
    return pda != null;
  }

  @Override
  public String toString() {
    return name + (writable ? " (writable" : " (readonly") + (signer ? ", signer" : "") + (optional ? ", optional" : "")
        + (address != null ? ", " + address : "") + (pda != null ? ", pda" : "") + ")";
  }
}

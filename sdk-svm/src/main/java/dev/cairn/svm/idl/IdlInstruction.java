package dev.cairn.svm.idl;

import dev.cairn.svm.borsh.BorshType;
import java.util.List;

/**
 * An instruction of an IDL: its name, discriminator (the data's first bytes), arguments (Borsh
 * fields, encoded in order after the discriminator) and accounts. Immutable.
 */
public final class IdlInstruction {
  private final String name;
  private final byte[] discriminator;
  private final List<BorshType.Field> args;
  private final List<IdlAccountSpec> accounts;
  final BorshType argsType;
  private final BorshType returns;

  IdlInstruction(String name, byte[] discriminator, List<BorshType.Field> args, List<IdlAccountSpec> accounts, BorshType returns) {
    this.name = name;
    this.discriminator = discriminator;
    this.args = args;
    this.accounts = accounts;
    this.argsType = BorshType.struct(name, args);
    this.returns = returns;
  }

  /** The type of the value the instruction returns ({@code set_return_data}), when the IDL declares one. */
  public java.util.Optional<BorshType> returns() {
    return java.util.Optional.ofNullable(returns);
  }

  /** The name as the IDL writes it. */
  public String name() {
    return name;
  }

  /** The discriminator (a copy): 8 bytes of sha256("global:" + snake_case name) unless the IDL says otherwise. */
  public byte[] discriminator() {
    return discriminator.clone();
  }

  byte[] disc() {
    return discriminator;
  }

  /** The arguments as one struct type (for {@link BorshType#fromJson} and {@link BorshType#toJson} of a whole argument map). */
  public BorshType argsType() {
    return argsType;
  }

  /** The arguments, in order (unmodifiable). */
  public List<BorshType.Field> args() {
    return args;
  }

  /** The accounts, in order (unmodifiable). */
  public List<IdlAccountSpec> accounts() {
    return accounts;
  }

  @Override
  public String toString() {
    return name + args + accounts;
  }
}

package dev.cairn.svm.tx;

import dev.cairn.svm.Pubkey;
import dev.cairn.svm.SvmException;
import dev.cairn.svm.programs.SystemProgram;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds a {@link Message} when there is more to say than payer, instructions and blockhash: a
 * durable nonce instead of a recent blockhash, lookup tables. Not thread-safe; each build compiles
 * afresh.
 *
 * <pre>{@code
 * Message m = Message.builder()
 *     .feePayer(payer)
 *     .durableNonce(nonceAccount, nonceAuthority, nonceValue) // advance-nonce goes first
 *     .add(SystemProgram.transfer(payer, to, 1_000_000))
 *     .buildLegacy();
 * }</pre>
 */
public final class MessageBuilder {
  private Pubkey feePayer;
  private Blockhash recentBlockhash;
  private Pubkey nonceAccount;
  private Pubkey nonceAuthority;
  private final List<Instruction> instructions = new ArrayList<>();
  private final List<AddressLookupTable> tables = new ArrayList<>();

  MessageBuilder() {}

  /** The account that pays the fee; it signs first. */
  public MessageBuilder feePayer(Pubkey feePayer) {
    this.feePayer = feePayer;
    return this;
  }

  /** A recent blockhash (the transaction expires about 150 blocks later). */
  public MessageBuilder recentBlockhash(Blockhash recentBlockhash) {
    this.recentBlockhash = recentBlockhash;
    this.nonceAccount = null;
    this.nonceAuthority = null;
    return this;
  }

  /**
   * Use a durable nonce: the nonce account's stored value takes the blockhash's place and an
   * {@code AdvanceNonceAccount} instruction is put first, signed by {@code nonceAuthority}.
   */
  public MessageBuilder durableNonce(Pubkey nonceAccount, Pubkey nonceAuthority, Blockhash nonceValue) {
    if (nonceAccount == null || nonceAuthority == null || nonceValue == null) {
      throw new SvmException(SvmException.Reason.INVALID_INPUT, "durableNonce: nonceAccount, nonceAuthority and nonceValue are required");
    }
    this.nonceAccount = nonceAccount;
    this.nonceAuthority = nonceAuthority;
    this.recentBlockhash = nonceValue;
    return this;
  }

  /** Appends an instruction. */
  public MessageBuilder add(Instruction instruction) {
    if (instruction == null) {
      throw new SvmException(SvmException.Reason.INVALID_INPUT, "instructions[" + instructions.size() + "]: is null");
    }
    instructions.add(instruction);
    return this;
  }

  /** Appends instructions. */
  public MessageBuilder addAll(List<Instruction> instructions) {
    for (Instruction i : instructions) {
      add(i);
    }
    return this;
  }

  /** Adds lookup tables for {@link #buildV0()}. */
  public MessageBuilder lookupTables(List<AddressLookupTable> tables) {
    for (AddressLookupTable t : tables) {
      if (t == null) {
        throw new SvmException(SvmException.Reason.INVALID_INPUT, "addressLookupTables: null entry");
      }
      this.tables.add(t);
    }
    return this;
  }

  private List<Instruction> all() {
    if (nonceAccount == null) {
      return instructions;
    }
    List<Instruction> out = new ArrayList<>(instructions.size() + 1);
    out.add(SystemProgram.advanceNonceAccount(nonceAccount, nonceAuthority));
    out.addAll(instructions);
    return out;
  }

  /** A legacy message (lookup tables, if any were given, are an error). */
  public Message buildLegacy() {
    if (!tables.isEmpty()) {
      throw new SvmException(SvmException.Reason.INVALID_INPUT, "addressLookupTables: a legacy message cannot use lookup tables");
    }
    return Message.compile(Message.Version.LEGACY, feePayer, all(), recentBlockhash, List.of());
  }

  /** A v0 message through the given lookup tables. */
  public Message buildV0() {
    return Message.compile(Message.Version.V0, feePayer, all(), recentBlockhash, tables);
  }
}

package dev.cairn.svm.inspect;

import dev.cairn.svm.Pubkey;
import java.math.BigInteger;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One instruction of an inspected Solana message: the program, what the inspector recognised it as,
 * and the parties and amounts where the instruction carries them. Accounts loaded through lookup
 * tables that were not supplied are empty. Immutable.
 */
public final class InspectedInstruction {
  /** What an instruction does, as far as the inspector knows. */
  public enum Kind {
    /** Lamports move: System transfer, transferWithSeed, createAccount(WithSeed) funding, nonce withdraw. */
    SOL_TRANSFER,
    /** Token or Token-2022 transfer / transferChecked (the mint is known only for transferChecked). */
    TOKEN_TRANSFER,
    /** Token or Token-2022 approve / approveChecked. */
    TOKEN_APPROVAL,
    /** A Compute Budget instruction (unit limit, unit price, heap, loaded data size). */
    COMPUTE_BUDGET,
    /** System advanceNonceAccount (the first instruction of a durable-nonce transaction). */
    NONCE_ADVANCE,
    /** Another instruction of a known program (named in {@link #name()}). */
    CALL,
    /** An instruction of an unknown program, or one whose data a known program would not accept. */
    UNKNOWN
  }

  private final int index;
  private final Pubkey programId;
  private final String program;
  private final String name;
  private final Kind kind;
  private final Pubkey from;
  private final Pubkey to;
  private final Pubkey authority;
  private final Pubkey mint;
  private final BigInteger amount;
  private final int decimals;

  InspectedInstruction(int index, Pubkey programId, String program, String name, Kind kind, Pubkey from, Pubkey to,
      Pubkey authority, Pubkey mint, BigInteger amount, int decimals) {
    this.index = index;
    this.programId = programId;
    this.program = program;
    this.name = name;
    this.kind = kind;
    this.from = from;
    this.to = to;
    this.authority = authority;
    this.mint = mint;
    this.amount = amount;
    this.decimals = decimals;
  }

  /** Position in the message. */
  public int index() {
    return index;
  }

  /** The program called. */
  public Pubkey programId() {
    return programId;
  }

  /** A short program name ({@code system}, {@code spl-token}, {@code spl-token-2022}, {@code compute-budget}, ...), or {@code unknown}. */
  public String program() {
    return program;
  }

  /**
   * The instruction's name ({@code transfer}, {@code transferChecked}, {@code setComputeUnitPrice},
   * ...), or for an unknown one the hex of its first (up to 8) data bytes, or {@code "(no data)"}.
   */
  public String name() {
    return name;
  }

  /** What it does. */
  public Kind kind() {
    return kind;
  }

  /** The account lamports or tokens leave (the source token account for token transfers). */
  public Optional<Pubkey> from() {
    return Optional.ofNullable(from);
  }

  /** The receiving account (a token account for token transfers), or the delegate of an approval. */
  public Optional<Pubkey> to() {
    return Optional.ofNullable(to);
  }

  /** The signing owner or authority of a token transfer or approval (a multisig account for multisig owners). */
  public Optional<Pubkey> authority() {
    return Optional.ofNullable(authority);
  }

  /** The mint of a checked token instruction. */
  public Optional<Pubkey> mint() {
    return Optional.ofNullable(mint);
  }

  /** Lamports or token base units. */
  public Optional<BigInteger> amount() {
    return Optional.ofNullable(amount);
  }

  /** The decimals a checked token instruction states. */
  public OptionalInt decimals() {
    return decimals < 0 ? OptionalInt.empty() : OptionalInt.of(decimals);
  }

  @Override
  public String toString() {
    return "#" + index + " " + program + "." + name + " " + kind + (from == null ? "" : " from=" + from)
        + (to == null ? "" : " to=" + to) + (mint == null ? "" : " mint=" + mint) + (amount == null ? "" : " amount=" + amount)
        + (decimals < 0 ? "" : " decimals=" + decimals);
  }
}

package dev.cairn.svm.inspect;

import dev.cairn.svm.Pubkey;
import dev.cairn.svm.tx.Message;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What a Solana message does: fee payer and signers, each instruction recognised or marked unknown,
 * the programs called, the compute budget and the most the fee can cost, whether it is a
 * durable-nonce transaction, and whether accounts loaded through lookup tables were unknown. Made
 * by {@link SolanaInspector#inspect(Message, List)}. Immutable.
 */
public final class MessageSummary {
  /** Lamports per signature (the base fee). */
  public static final long LAMPORTS_PER_SIGNATURE = 5_000;

  private final Message.Version version;
  private final Pubkey feePayer;
  private final List<Pubkey> signers;
  private final List<InspectedInstruction> instructions;
  private final List<Pubkey> programs;
  private final Long unitLimit;
  private final long effectiveUnitLimit;
  private final Long unitPrice;
  private final Pubkey nonceAccount;
  private final Pubkey nonceAuthority;
  private final boolean unresolvedLookups;

  MessageSummary(Message.Version version, Pubkey feePayer, List<Pubkey> signers, List<InspectedInstruction> instructions,
      List<Pubkey> programs, Long unitLimit, long effectiveUnitLimit, Long unitPrice, Pubkey nonceAccount, Pubkey nonceAuthority,
      boolean unresolvedLookups) {
    this.version = version;
    this.feePayer = feePayer;
    this.signers = signers;
    this.instructions = instructions;
    this.programs = programs;
    this.unitLimit = unitLimit;
    this.effectiveUnitLimit = effectiveUnitLimit;
    this.unitPrice = unitPrice;
    this.nonceAccount = nonceAccount;
    this.nonceAuthority = nonceAuthority;
    this.unresolvedLookups = unresolvedLookups;
  }

  /** Legacy or v0. */
  public Message.Version version() {
    return version;
  }

  /** The fee payer (the first signer). */
  public Pubkey feePayer() {
    return feePayer;
  }

  /** The required signers, fee payer first (unmodifiable). */
  public List<Pubkey> signers() {
    return signers;
  }

  /** Every instruction, in order (unmodifiable). */
  public List<InspectedInstruction> instructions() {
    return instructions;
  }

  /** The programs called, each once, in order of first call (unmodifiable). */
  public List<Pubkey> programs() {
    return programs;
  }

  /** The compute-unit limit a SetComputeUnitLimit instruction sets, if any. */
  public OptionalLong computeUnitLimit() {
    return unitLimit == null ? OptionalLong.empty() : OptionalLong.of(unitLimit);
  }

  /**
   * The limit the fee is computed with: the one set, else the runtime's default upper bound (200,000
   * per instruction other than Compute Budget ones, at most 1,400,000).
   */
  public long effectiveComputeUnitLimit() {
    return effectiveUnitLimit;
  }

  /** The priority fee in micro-lamports per compute unit a SetComputeUnitPrice instruction sets, if any. */
  public OptionalLong computeUnitPriceMicroLamports() {
    return unitPrice == null ? OptionalLong.empty() : OptionalLong.of(unitPrice);
  }

  /** The most the priority fee can cost: ceil(limit × price / 1,000,000) lamports. */
  public BigInteger maxPriorityFeeLamports() {
    if (unitPrice == null || unitPrice == 0) {
      return BigInteger.ZERO;
    }
    BigInteger[] qr = BigInteger.valueOf(effectiveUnitLimit).multiply(new BigInteger(Long.toUnsignedString(unitPrice)))
        .divideAndRemainder(BigInteger.valueOf(1_000_000));
    return qr[1].signum() == 0 ? qr[0] : qr[0].add(BigInteger.ONE);
  }

  /**
   * The most the fee can cost: {@link #LAMPORTS_PER_SIGNATURE} per required signature plus {@link
   * #maxPriorityFeeLamports()} (signatures verified by precompile instructions are not counted).
   */
  public BigInteger maxFeeLamports() {
    return BigInteger.valueOf(LAMPORTS_PER_SIGNATURE * signers.size()).add(maxPriorityFeeLamports());
  }

  /** Whether the first instruction advances a nonce (a durable-nonce transaction: the blockhash is the nonce). */
  public boolean isDurableNonce() {
    return nonceAccount != null;
  }

  /** The nonce account of a durable-nonce transaction. */
  public Optional<Pubkey> nonceAccount() {
    return Optional.ofNullable(nonceAccount);
  }

  /** The nonce authority of a durable-nonce transaction (empty when loaded through an unsupplied table). */
  public Optional<Pubkey> nonceAuthority() {
    return Optional.ofNullable(nonceAuthority);
  }

  /**
   * True when the message loads accounts through lookup tables that were not supplied: those
   * accounts are unknown, so instructions using them may lack a recipient or be reported as calls.
   */
  public boolean hasUnresolvedLookups() {
    return unresolvedLookups;
  }

  @Override
  public String toString() {
    return "MessageSummary{" + version + ", feePayer=" + feePayer + ", instructions=" + instructions
        + (unitLimit == null ? "" : ", unitLimit=" + unitLimit) + (unitPrice == null ? "" : ", unitPrice=" + unitPrice)
        + ", maxFee=" + maxFeeLamports() + (nonceAccount == null ? "" : ", durableNonce=" + nonceAccount)
        + (unresolvedLookups ? ", lookup-table accounts unknown (tables not supplied)" : "") + "}";
  }
}

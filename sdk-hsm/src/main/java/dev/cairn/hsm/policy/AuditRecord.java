package dev.cairn.hsm.policy;

import dev.cairn.core.chain.AccountId;
import dev.cairn.core.chain.ChainId;
import dev.cairn.core.chain.TransactionSummary;
import dev.cairn.core.encoding.Hex;
import dev.cairn.core.signer.SignRequest;
import dev.cairn.core.signer.SignerDescriptor;
import java.time.Instant;
import java.util.Optional;

/**
 * One audit event of a sign request: what was to be signed (kind, chain, account, digest, payload
 * length, the inspector's summary of recipients, amounts, contracts and programs), by which key (the
 * wrapped signer's descriptor: backend, key type, public key, key id, path), the decision and why,
 * and when. Never the payload bytes or any secret. Immutable.
 */
public final class AuditRecord {
  /** What happened to the request. */
  public enum Decision {
    /** The policy allowed it; the wrapped signer is being asked. */
    ALLOWED,
    /** The policy denied it; the wrapped signer was not asked. */
    DENIED,
    /** The wrapped signer produced a signature. */
    SIGNED,
    /** The wrapped signer failed (rejected by the user, device unavailable, ...). */
    FAILED
  }

  private final long requestId;
  private final Instant time;
  private final Decision decision;
  private final SignRequest.Kind kind;
  private final ChainId chain;
  private final AccountId account;
  private final String digestHex;
  private final int payloadLength;
  private final TransactionSummary summary;
  private final SignerDescriptor signer;
  private final String rule;
  private final String reason;

  AuditRecord(long requestId, Instant time, Decision decision, SignRequest request, TransactionSummary summary,
      SignerDescriptor signer, String rule, String reason) {
    this.requestId = requestId;
    this.time = time;
    this.decision = decision;
    this.kind = request.kind();
    this.account = request.account().orElse(null);
    this.chain = summary != null ? summary.chainId() : account == null ? null : account.chainId();
    this.digestHex = request.digest().map(Hex::encode).orElse(null);
    this.payloadLength = request.payloadLength();
    this.summary = summary;
    this.signer = signer;
    this.rule = rule;
    this.reason = reason;
  }

  /** Identifies the request within its {@link PolicySigner}: the decision and completion records share it. */
  public long requestId() {
    return requestId;
  }

  /** When the event happened (by the policy signer's clock). */
  public Instant time() {
    return time;
  }

  /** The decision or outcome. */
  public Decision decision() {
    return decision;
  }

  /** The request's kind. */
  public SignRequest.Kind kind() {
    return kind;
  }

  /** The chain: the inspected payload's, else the request account's; empty for raw requests without account. */
  public Optional<ChainId> chain() {
    return Optional.ofNullable(chain);
  }

  /** The request's signing account, if it names one. */
  public Optional<AccountId> account() {
    return Optional.ofNullable(account);
  }

  /** The lowercase hex of the request's digest (the hash of the payload), if the kind has one. */
  public Optional<String> digestHex() {
    return Optional.ofNullable(digestHex);
  }

  /** The payload's length in bytes. */
  public int payloadLength() {
    return payloadLength;
  }

  /** What the inspector read from the payload; empty when the request could not be inspected. */
  public Optional<TransactionSummary> summary() {
    return Optional.ofNullable(summary);
  }

  /** The wrapped signer's descriptor (public information only). */
  public SignerDescriptor signer() {
    return signer;
  }

  /** The policy rule that denied the request (e.g. {@code recipients}); empty unless DENIED. */
  public Optional<String> rule() {
    return Optional.ofNullable(rule);
  }

  /** Why, in words: the denial's problem, the failure's message, or what was allowed or signed. */
  public String reason() {
    return reason;
  }

  @Override
  public String toString() {
    return "AuditRecord{#" + requestId + " " + time + " " + decision + " " + kind + (chain == null ? "" : " " + chain)
        + (digestHex == null ? "" : " digest=" + digestHex) + (rule == null ? "" : " rule=" + rule) + " " + reason + "}";
  }
}

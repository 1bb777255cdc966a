package dev.cairn.core.chain.spi;

import dev.cairn.core.chain.TransactionSummary;
import dev.cairn.core.signer.SignRequest;

/**
 * Turns a sign request's payload into a chain-neutral {@link TransactionSummary}, for signing
 * policies. Each chain module implements it for its kinds and registers it in {@code
 * META-INF/services/dev.cairn.core.chain.spi.TransactionInspector}; {@link
 * dev.cairn.core.chain.Inspectors} finds them with {@link java.util.ServiceLoader}.
 *
 * <p>Contract: work only from the request (payload, account, document), never from anything a
 * caller claims beside it; check that the payload is for the request account's chain; throw {@link
 * dev.cairn.core.chain.ChainException} with kind INVALID_INPUT, naming the field or offset, for a
 * malformed payload; be thread-safe and stateless.
 */
public interface TransactionInspector {

  /** A short name for diagnostics, e.g. {@code "evm"}. */
  String name();

  /** Whether this inspector reads requests of {@code kind}. */
  boolean supports(SignRequest.Kind kind);

  /**
   * The summary of {@code request}.
   *
   * @throws dev.cairn.core.chain.ChainException INVALID_INPUT for a malformed payload or one that
   *     is not for the request account's chain
   */
  TransactionSummary inspect(SignRequest request);
}

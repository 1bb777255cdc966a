package dev.cairn.core.signer;

import dev.cairn.core.CairnException;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One key that can sign, wherever it lives: in memory ({@link Signers#software}), on a hardware
 * wallet, in an HSM, or behind a remote signing service. Chain modules only ever talk to this
 * interface, so any backend works with any chain whose key type it holds.
 *
 * <p>The primary operation is asynchronous, because some backends are slow by nature (a Ledger
 * waits for the user to press a button; a network HSM has a round trip). {@link #sign(SignRequest)}
 * is a blocking convenience that waits.
 *
 * <h2>Contract for implementations</h2>
 *
 * <ul>
 *   <li>{@link #signAsync} never throws: every failure, including a malformed or unsupported
 *       request, completes the future exceptionally with a {@link SignerException}.
 *   <li>The future is completed on whatever thread finishes the work; implementations that
 *       complete in the caller's thread (software keys) must not hop threads.
 *   <li>Implementations are thread-safe. Devices that can handle one request at a time queue them.
 *   <li>Secp256k1 signatures are low-s and carry a recovery id whenever the backend can compute
 *       it (backends that cannot recover it themselves may do so by trial recovery against {@link
 *       #publicKey()}).
 *   <li>Key material never appears in {@code toString()} or exception messages.
 * </ul>
 */
public interface Signer extends AutoCloseable {

  /** The key's signature scheme. */
  KeyType keyType();

  /**
   * The public key: 33-byte compressed SEC1 for secp256k1, 32 bytes for Ed25519. A copy; the
   * result never changes for a given signer.
   */
  byte[] publicKey();

  /**
   * Whether this signer can sign requests of the given kind. A software secp256k1 key signs every
   * digest-carrying kind; a Ledger only the kinds its app understands; an HSM only digests.
   */
  boolean supports(SignRequest.Kind kind);

  /**
   * What a chain adapter or a policy may know about this signer: key type, public key, supported
   * kinds, backend, key id and derivation path. The default builds it from {@link #keyType()},
   * {@link #publicKey()} and {@link #supports}, with backend {@value SignerDescriptor#UNSPECIFIED_BACKEND};
   * backends override it to name themselves and their key.
   */
  default SignerDescriptor descriptor() {
    return SignerDescriptor.describe(this);
  }

  /**
   * Signs asynchronously.
   *
   * @return a future completed with the signature, or exceptionally with a {@link
   *     SignerException} (never thrown directly)
   */
  CompletableFuture<Signature> signAsync(SignRequest request);

  /**
   * Signs and waits without a time limit (a device may wait for the user indefinitely; prefer
   * {@link #sign(SignRequest, Duration)} for devices).
   *
   * @throws SignerException when signing fails; reason {@link SignerException.Reason#CANCELLED} if
   *     the thread is interrupted (the interrupt flag is restored)
   */
  default Signature sign(SignRequest request) {
    return await(signAsync(request), null);
  }

  /**
   * Signs and waits at most {@code timeout}.
   *
   * @throws SignerException when signing fails; reason {@link SignerException.Reason#TIMEOUT}
   *     when the time is up (the pending future is cancelled)
   */
  default Signature sign(SignRequest request, Duration timeout) {
    if (timeout == null || timeout.isNegative()) {
      throw new SignerException(SignerException.Reason.INVALID_REQUEST, "timeout", "is null or negative");
    }
    return await(signAsync(request), timeout);
  }

  /**
   * Releases the device or connection behind this signer. Software signers destroy their key.
   * Idempotent; the default does nothing. Does not throw checked exceptions.
   */
  @Override
  default void close() {}

  /**
   * Waits for a signing future, unwrapping its failure into a {@link SignerException} (other
   * {@link CairnException}s pass through unchanged).
   *
   * @param timeout how long to wait, or {@code null} for no limit
   */
  static Signature await(CompletableFuture<Signature> future, Duration timeout) {
    try {
      return timeout == null ? future.get() : future.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SignerException(SignerException.Reason.CANCELLED, "signer", "interrupted while waiting", e);
    } catch (TimeoutException e) {
      future.cancel(true);
      throw new SignerException(SignerException.Reason.TIMEOUT, "signer", "no signature within " + timeout, e);
    } catch (CancellationException e) {
      throw new SignerException(SignerException.Reason.CANCELLED, "signer", "signing was cancelled", e);
    } catch (ExecutionException e) {
      throw unwrap(e.getCause());
    }
  }

  private static CairnException unwrap(Throwable t) {
    while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
      t = t.getCause();
    }
    if (t instanceof CairnException) {
      return (CairnException) t;
    }
    return new SignerException(SignerException.Reason.FAILED, "signer",
        "signing failed: " + (t == null ? "unknown error" : t.getClass().getSimpleName()), t);
  }
}

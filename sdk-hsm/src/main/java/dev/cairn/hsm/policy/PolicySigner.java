package dev.cairn.hsm.policy;

import dev.cairn.core.chain.AccountId;
import dev.cairn.core.chain.ChainException;
import dev.cairn.core.chain.ChainId;
import dev.cairn.core.chain.ErrorKind;
import dev.cairn.core.chain.Inspectors;
import dev.cairn.core.chain.TransactionSummary;
import dev.cairn.core.signer.KeyType;
import dev.cairn.core.signer.SignRequest;
import dev.cairn.core.signer.Signature;
import dev.cairn.core.signer.Signer;
import dev.cairn.core.signer.SignerDescriptor;
import dev.cairn.core.signer.SignerException;
import java.math.BigInteger;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.security.auth.Destroyable;

/**
 * A {@link Signer} that checks every request against a {@link Policy} <em>before</em> the wrapped
 * signer (a Ledger, an HSM, a software key) is asked, and reports every request to an {@link
 * AuditListener}. The decision is made only on what {@link Inspectors#inspect} reads from the
 * request's payload: a payload no inspector reads is denied unless the policy allows its kind
 * uninspected, a malformed one always (except under {@link Policy#allowAll()}).
 *
 * <p>A denial completes the future with {@link SignerException} of reason {@link
 * SignerException.Reason#POLICY_DENIED}, its field {@code policy.<rule>} and a message naming the
 * rule and the offending value. Window limits are accounted per {@code PolicySigner} instance
 * (wrap a key once and share the wrapper): approved requests reserve their amounts atomically, a
 * signature commits them, a failure releases them.
 *
 * <p>Thread-safe. {@link #keyType()}, {@link #publicKey()}, {@link #supports}, {@link
 * #descriptor()} and {@link #close()} are the wrapped signer's.
 */
public final class PolicySigner implements Signer, Destroyable {
  private static final Logger LOG = Logger.getLogger(PolicySigner.class.getName());

  private final Signer signer;
  private final Policy policy;
  private final Clock clock;
  private final AuditListener listener;
  private final Consumer<RuntimeException> onListenerFailure;
  private final SpendingLedger ledger = new SpendingLedger();
  private final AtomicLong ids = new AtomicLong();
  private final AtomicLong auditFailures = new AtomicLong();
  private volatile boolean closed;

  private PolicySigner(Builder b) {
    this.signer = b.signer;
    this.policy = b.policy;
    this.clock = b.clock;
    this.listener = b.listener;
    this.onListenerFailure = b.onListenerFailure;
  }

  /** {@code signer} under {@code policy}, with the system clock and no audit listener. */
  public static PolicySigner wrap(Signer signer, Policy policy) {
    return builder(signer, policy).build();
  }

  /** A builder for {@code signer} under {@code policy}. */
  public static Builder builder(Signer signer, Policy policy) {
    if (signer == null) {
      throw new SignerException(SignerException.Reason.INVALID_REQUEST, "signer", "is null");
    }
    if (policy == null) {
      throw new SignerException(SignerException.Reason.INVALID_REQUEST, "policy", "is null");
    }
    return new Builder(signer, policy);
  }

  /** Builder of {@link PolicySigner}. */
  public static final class Builder {
    private final Signer signer;
    private final Policy policy;
    private Clock clock = Clock.systemUTC();
    private AuditListener listener;
    private Consumer<RuntimeException> onListenerFailure;

    private Builder(Signer signer, Policy policy) {
      this.signer = signer;
      this.policy = policy;
    }

    /** The clock for window limits and audit times (inject a fixed or stepping clock in tests). */
    public Builder clock(Clock c) {
      if (c == null) {
        throw new SignerException(SignerException.Reason.INVALID_REQUEST, "clock", "is null");
      }
      this.clock = c;
      return this;
    }

    /** Where every request is reported. */
    public Builder auditListener(AuditListener l) {
      if (l == null) {
        throw new SignerException(SignerException.Reason.INVALID_REQUEST, "auditListener", "is null");
      }
      this.listener = l;
      return this;
    }

    /**
     * What to do with an exception thrown by the audit listener (the signing outcome is not
     * changed). Default: log at WARNING through {@code java.util.logging}. A handler that throws is
     * itself ignored after counting.
     */
    public Builder onAuditFailure(Consumer<RuntimeException> handler) {
      if (handler == null) {
        throw new SignerException(SignerException.Reason.INVALID_REQUEST, "onAuditFailure", "is null");
      }
      this.onListenerFailure = handler;
      return this;
    }

    /** The policy signer. */
    public PolicySigner build() {
      return new PolicySigner(this);
    }
  }

  /** The policy. */
  public Policy policy() {
    return policy;
  }

  /**
   * Base units of {@code asset} signed within its window ending now (committed signatures only), or
   * zero when the policy has no window limit for it.
   */
  public BigInteger spentInWindow(Asset asset) {
    Policy.WindowLimit w = policy.windowLimits().get(asset);
    return w == null ? BigInteger.ZERO : ledger.committed(asset, w.window, clock.instant());
  }

  /** How many times the audit listener threw (each also handed to the failure handler). */
  public long auditFailures() {
    return auditFailures.get();
  }

  @Override
  public KeyType keyType() {
    return signer.keyType();
  }

  @Override
  public byte[] publicKey() {
    return signer.publicKey();
  }

  @Override
  public boolean supports(SignRequest.Kind kind) {
    return signer.supports(kind);
  }

  @Override
  public SignerDescriptor descriptor() {
    return signer.descriptor();
  }

  @Override
  public void close() {
    closed = true;
    signer.close();
  }

  /**
   * Closes the wrapped signer ({@link #close()}): a software signer destroys its key, a device
   * signer releases its device. Idempotent.
   */
  @Override
  public void destroy() {
    close();
  }

  /** Whether {@link #close()} or {@link #destroy()} was called, or the wrapped signer's key is destroyed. */
  @Override
  public boolean isDestroyed() {
    return closed || (signer instanceof Destroyable d && d.isDestroyed());
  }

  @Override
  public CompletableFuture<Signature> signAsync(SignRequest request) {
    if (request == null) {
      return failed(new SignerException(SignerException.Reason.INVALID_REQUEST, "request", "is null"));
    }
    long id = ids.incrementAndGet();
    SignerDescriptor descriptor;
    try {
      descriptor = signer.descriptor();
    } catch (RuntimeException e) {
      return failed(new SignerException(SignerException.Reason.FAILED, "signer", "descriptor unavailable: "
          + e.getClass().getSimpleName(), e));
    }
    // 1. inspect the payload (never trust anything beside it)
    TransactionSummary summary = null;
    Policy.Denial denial = null;
    try {
      summary = Inspectors.inspect(request);
    } catch (ChainException e) {
      if (e.kind() == ErrorKind.UNSUPPORTED) {
        if (!policy.uninspectedKinds().contains(request.kind())) {
          denial = new Policy.Denial("uninspected", "no inspector reads " + request.kind()
              + " and the policy does not allow it uninspected (blind signing)");
        }
      } else {
        denial = new Policy.Denial("inspection", "the payload could not be inspected: " + e.getMessage());
      }
    } catch (RuntimeException e) {
      denial = new Policy.Denial("inspection", "the payload could not be inspected: " + e.getClass().getSimpleName());
    }
    // 2. the rules
    SpendingLedger.Reservation reservation = null;
    if (policy.allowsAll()) {
      denial = null;
    } else {
      if (denial == null) {
        ChainId chain = summary != null ? summary.chainId() : request.account().map(AccountId::chainId).orElse(null);
        AccountId account = summary != null ? summary.signer().orElse(request.account().orElse(null)) : request.account().orElse(null);
        denial = policy.checkIdentity(chain, account, descriptor);
      }
      if (denial == null && summary != null) {
        denial = policy.checkContent(summary);
      }
      if (denial == null && summary != null && policy.hasWindowLimits()) {
        Map<Asset, BigInteger> amounts = Policy.amounts(summary);
        Object r = ledger.reserve(amounts, policy.windowLimits(), clock.instant());
        if (r instanceof Policy.Denial) {
          denial = (Policy.Denial) r;
        } else {
          reservation = (SpendingLedger.Reservation) r;
        }
      }
    }
    if (denial != null) {
      audit(id, AuditRecord.Decision.DENIED, request, summary, descriptor, denial.rule, denial.problem);
      return failed(denial.exception());
    }
    audit(id, AuditRecord.Decision.ALLOWED, request, summary, descriptor, null,
        summary == null ? "allowed uninspected" : "allowed by the policy");
    // 3. the wrapped signer
    CompletableFuture<Signature> inner;
    try {
      inner = signer.signAsync(request);
      if (inner == null) {
        throw new IllegalStateException("the wrapped signer returned no future");
      }
    } catch (RuntimeException e) {
      inner = new CompletableFuture<>();
      inner.completeExceptionally(e instanceof SignerException ? e
          : new SignerException(SignerException.Reason.FAILED, "signer", "signing failed: " + e.getClass().getSimpleName(), e));
    }
    final SpendingLedger.Reservation held = reservation;
    final TransactionSummary s = summary;
    CompletableFuture<Signature> outer = inner.whenComplete((sig, err) -> {
      if (err == null && sig != null) {
        if (held != null) {
          ledger.commit(held, clock.instant());
        }
        audit(id, AuditRecord.Decision.SIGNED, request, s, descriptor, null, "signed");
      } else {
        if (held != null) {
          ledger.release(held);
        }
        Throwable t = unwrap(err);
        String why = t == null ? "the wrapped signer returned no signature"
            : t instanceof SignerException ? t.getMessage() : t.getClass().getSimpleName();
        audit(id, AuditRecord.Decision.FAILED, request, s, descriptor, null, why);
      }
    });
    final CompletableFuture<Signature> device = inner;
    outer.whenComplete((sig, err) -> {
      if (outer.isCancelled()) {
        device.cancel(true);
      }
    });
    return outer;
  }

  private static Throwable unwrap(Throwable t) {
    while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }

  private void audit(long id, AuditRecord.Decision d, SignRequest r, TransactionSummary s, SignerDescriptor desc,
      String rule, String reason) {
    if (listener == null) {
      return;
    }
    try {
      listener.onRecord(new AuditRecord(id, clock.instant(), d, r, s, desc, rule, reason));
    } catch (RuntimeException e) {
      auditFailures.incrementAndGet();
      try {
        if (onListenerFailure != null) {
          onListenerFailure.accept(e);
        } else {
          LOG.log(Level.WARNING, "audit listener failed for request #" + id + " (" + d + "): " + e.getClass().getName(), e);
        }
      } catch (RuntimeException ignored) {
        // counted above; a failing failure handler cannot be reported anywhere else
      }
    }
  }

  private static CompletableFuture<Signature> failed(SignerException e) {
    CompletableFuture<Signature> f = new CompletableFuture<>();
    f.completeExceptionally(e);
    return f;
  }

  @Override
  public String toString() {
    return "PolicySigner{" + policy + ", " + signer + "}";
  }
}

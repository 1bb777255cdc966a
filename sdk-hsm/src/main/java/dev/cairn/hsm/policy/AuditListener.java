package dev.cairn.hsm.policy;

/**
 * Receives an {@link AuditRecord} for every sign request a {@link PolicySigner} sees: one when it
 * decides ({@link AuditRecord.Decision#ALLOWED} or {@link AuditRecord.Decision#DENIED}) and, for an
 * allowed request, one when the wrapped signer finishes ({@link AuditRecord.Decision#SIGNED} or
 * {@link AuditRecord.Decision#FAILED}). Records never carry secret material.
 *
 * <p>Called synchronously, on the thread that decides or that completes the signature, possibly
 * from many threads at once: implementations must be thread-safe and quick. An exception thrown by a
 * listener does not change the signing outcome; the {@link PolicySigner} counts it ({@link
 * PolicySigner#auditFailures()}) and hands it to its failure handler (by default logged at WARNING
 * through {@code java.util.logging}), so a broken audit sink is visible, never silently dropped.
 */
@FunctionalInterface
public interface AuditListener {
  /** Receives one record. */
  void onRecord(AuditRecord record);
}

package dev.cairn.hsm.pkcs11.internal;

import dev.cairn.core.signer.SignerException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import jnr.ffi.byref.NativeLongByReference;

/**
 * A bounded pool of logged-in read-write sessions on one token. At most {@code size} sessions are
 * in use at once (a PKCS#11 session runs one operation at a time); callers beyond that wait up to
 * the acquire timeout. Sessions are opened lazily and logged in with the PIN from the caller's
 * source, which is asked again for each new session and zeroised after use. Thread-safe.
 */
public final class SessionPool implements AutoCloseable {
  private final Pkcs11Module module;
  private final long slot;
  private final Supplier<char[]> pin;
  private final Semaphore permits;
  private final ConcurrentLinkedDeque<Long> idle = new ConcurrentLinkedDeque<>();
  private final long timeoutNanos;
  private volatile boolean closed;

  public SessionPool(Pkcs11Module module, long slot, Supplier<char[]> pin, int size, long timeoutNanos) {
    this.module = module;
    this.slot = slot;
    this.pin = pin;
    this.permits = new Semaphore(size, true);
    this.timeoutNanos = timeoutNanos;
  }

  /**
   * A session for the calling thread's exclusive use; give it back with {@link #release} or
   * {@link #discard}.
   *
   * @throws SignerException DEVICE_UNAVAILABLE (closed, open or login failed), TIMEOUT (all busy),
   *     CANCELLED (interrupted)
   */
  public long acquire() {
    if (closed) {
      throw new SignerException(SignerException.Reason.DEVICE_UNAVAILABLE, "signer", "is closed");
    }
    try {
      if (!permits.tryAcquire(timeoutNanos, TimeUnit.NANOSECONDS)) {
        throw new SignerException(SignerException.Reason.TIMEOUT, "session",
            "no PKCS#11 session free within " + TimeUnit.NANOSECONDS.toMillis(timeoutNanos) + " ms");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SignerException(SignerException.Reason.CANCELLED, "session", "interrupted while waiting for a session", e);
    }
    Long s = idle.pollFirst();
    if (s != null) {
      return s;
    }
    try {
      return open();
    } catch (RuntimeException e) {
      permits.release();
      throw e;
    }
  }

  /** Returns a healthy session to the pool. */
  public void release(long session) {
    if (closed) {
      closeQuietly(session);
    } else {
      idle.offerFirst(session);
    }
    permits.release();
  }

  /** Closes a session that failed instead of returning it. */
  public void discard(long session) {
    closeQuietly(session);
    permits.release();
  }

  /** Closes every idle session (after a token reset they are all dead). */
  public void dropIdle() {
    Long s;
    while ((s = idle.pollFirst()) != null) {
      closeQuietly(s);
    }
  }

  private long open() {
    NativeLongByReference h = new NativeLongByReference(0L);
    long rv = module.ck().C_OpenSession(slot, Ck.CKF_SERIAL_SESSION | Ck.CKF_RW_SESSION, null, null, h);
    Pkcs11Module.check(rv, "C_OpenSession", "session");
    long session = h.longValue();
    try {
      login(session);
    } catch (RuntimeException e) {
      closeQuietly(session);
      throw e;
    }
    return session;
  }

  private void login(long session) {
    char[] p = pin.get();
    if (p == null) {
      throw new SignerException(SignerException.Reason.DEVICE_UNAVAILABLE, "pin", "the PIN source returned null");
    }
    ByteBuffer encoded = StandardCharsets.UTF_8.encode(CharBuffer.wrap(p));
    byte[] bytes = new byte[encoded.remaining()];
    encoded.get(bytes);
    Arrays.fill(p, '\0');
    if (encoded.hasArray()) {
      Arrays.fill(encoded.array(), (byte) 0);
    }
    long rv;
    try {
      rv = module.ck().C_Login(session, Ck.CKU_USER, bytes, bytes.length);
    } finally {
      Arrays.fill(bytes, (byte) 0);
    }
    if (rv != Ck.CKR_OK && rv != Ck.CKR_USER_ALREADY_LOGGED_IN) {
      throw Pkcs11Module.failure(SignerException.Reason.DEVICE_UNAVAILABLE, "pin", "C_Login", rv);
    }
  }

  private void closeQuietly(long session) {
    module.ck().C_CloseSession(session);
  }

  /** Closes the idle sessions; sessions in use are closed when released. Idempotent. */
  @Override
  public void close() {
    closed = true;
    dropIdle();
  }
}

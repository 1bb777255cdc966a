package dev.cairn.transport.internal;

import java.io.IOException;

/**
 * The request provably never left this process (no connection could be made, or every connection
 * it was queued on closed before writing it): safe to retry even when the call is not idempotent.
 * Internal.
 */
public final class NotSentException extends IOException {
  private static final long serialVersionUID = 1L;

  /** With this message and cause. */
  public NotSentException(String message, Throwable cause) {
    super(message, cause);
  }
}

package dev.cairn.transport.internal;

import java.io.IOException;

/** The channel is closed: nothing was sent. Internal. */
public final class ChannelClosedException extends IOException {
  private static final long serialVersionUID = 1L;

  /** With this message. */
  public ChannelClosedException(String message) {
    super(message);
  }
}

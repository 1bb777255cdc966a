package dev.cairn.evm.nonce;

import dev.cairn.core.chain.ChainException;
import java.util.Locale;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** Classifies node answers to eth_sendRawTransaction by their text, which differs between clients. */
final class NodeErrors {
  enum Kind {
    /** The node has this exact transaction already (geth "already known", anvil "already imported"...). */
    ALREADY_KNOWN,
    /** The nonce is below the account's (geth/anvil "nonce too low", nethermind "OldNonce"). */
    NONCE_TOO_LOW,
    /** Another transaction with the same nonce is pending and the fees are not bumped enough. */
    REPLACEMENT_UNDERPRICED,
    /** No answer (connection failure, timeout): the node may or may not have the transaction. */
    TRANSPORT,
    /** Any other rejection: the transaction was not accepted and its nonce is unused. */
    REJECTED
  }

  private NodeErrors() {}

  static Throwable unwrap(Throwable t) {
    while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }

  static Kind classify(Throwable failure) {
    Throwable t = unwrap(failure);
    StringBuilder text = new StringBuilder();
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c.getMessage() != null) {
        text.append(c.getMessage()).append(' ');
      }
      if (c instanceof ChainException) {
        ((ChainException) c).error().nativeMessage().ifPresent(m -> text.append(m).append(' '));
      }
      if (c.getCause() == c) {
        break;
      }
    }
    String m = text.toString().toLowerCase(Locale.ROOT);
    if (m.contains("already known") || m.contains("alreadyknown") || m.contains("known transaction")
        || m.contains("already imported") || m.contains("already exists") || m.contains("already in the mempool")) {
      return Kind.ALREADY_KNOWN;
    }
    if (m.contains("nonce too low") || m.contains("oldnonce") || m.contains("nonce is too low")
        || m.contains("invalid nonce") && m.contains("lower")) {
      return Kind.NONCE_TOO_LOW;
    }
    if (m.contains("replacement transaction underpriced") || m.contains("replacement underpriced")
        || m.contains("replacementunderpriced") || m.contains("insufficient gas price to replace")) {
      return Kind.REPLACEMENT_UNDERPRICED;
    }
    if (t instanceof dev.cairn.transport.TransportException) {
      dev.cairn.transport.TransportException.Kind k = ((dev.cairn.transport.TransportException) t).kind();
      if (k == dev.cairn.transport.TransportException.Kind.CONNECT || k == dev.cairn.transport.TransportException.Kind.IO
          || k == dev.cairn.transport.TransportException.Kind.TIMEOUT
          || k == dev.cairn.transport.TransportException.Kind.CLOSED) {
        return Kind.TRANSPORT;
      }
    }
    if (t instanceof java.io.IOException || t instanceof java.util.concurrent.TimeoutException
        || t instanceof java.io.UncheckedIOException
        || t instanceof ChainException && (((ChainException) t).kind() == dev.cairn.core.chain.ErrorKind.TRANSPORT
            || ((ChainException) t).kind() == dev.cairn.core.chain.ErrorKind.TIMEOUT)) {
      return Kind.TRANSPORT;
    }
    return Kind.REJECTED;
  }
}

package dev.cairn.cosmos.rpc;

import com.fasterxml.jackson.core.JsonParser;
import dev.cairn.cosmos.client.TxResult;
import java.io.IOException;

/** Test access to the package-private readers of {@link CometRpcClient} (for the fuzz targets). */
public final class CometReaders {
  private CometReaders() {}

  /** The WebSocket Tx event reader of {@link CometRpcClient#subscribeTxs}. */
  public static TxResult txEvent(JsonParser p) throws IOException {
    return CometRpcClient.readTxEvent(p);
  }
}

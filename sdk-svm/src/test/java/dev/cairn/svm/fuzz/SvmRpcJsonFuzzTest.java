package dev.cairn.svm.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.cairn.svm.Pubkey;
import dev.cairn.svm.rpc.internal.RpcJson;
import dev.cairn.transport.JsonLimits;
import dev.cairn.transport.JsonValues;
import dev.cairn.transport.ResultReader;
import dev.cairn.transport.TransportException;
import java.io.CharConversionException;
import java.io.IOException;
import java.util.Arrays;

/**
 * The JSON readers of {@code SvmRpcClient} and {@code SvmSubscriptions}: JSON-RPC results (account
 * info, signature statuses, transactions with their meta, simulations, blockhashes, fees, token
 * amounts) and WebSocket notification payloads, read from the body bytes with the transport's
 * limited JSON factory exactly as the transport feeds them. A reader returns a value or throws
 * {@link TransportException} (MALFORMED_RESPONSE) — or Jackson's {@link JsonProcessingException} for
 * text that is not JSON, which the transport turns into the same — and nothing else. (The transport
 * would also wrap any other RuntimeException as MALFORMED_RESPONSE; this target calls the readers
 * directly so that such an escape fails.)
 *
 * <p>data[0] picks the reader; the rest is the body.
 */
class SvmRpcJsonFuzzTest {
  static final Pubkey ADDRESS = Pubkey.fromBase58("11111111111111111111111111111111");

  static final ResultReader<?>[] READERS = {
    RpcJson::nullableAccount,
    RpcJson.value(RpcJson::nullableAccount),
    p -> JsonValues.list(p, RpcJson::nullableAccount),
    RpcJson::keyedAccounts,
    RpcJson::latestBlockhash,
    RpcJson.value(RpcJson::tokenAmount),
    RpcJson.value(q -> JsonValues.list(q, RpcJson::signatureStatus)),
    RpcJson::simulation,
    RpcJson::prioritizationFees,
    RpcJson::transaction,
    RpcJson.value(RpcJson::u64Value),
    RpcJson::nullableU64,
    RpcJson::signature,
    RpcJson::blockhash,
    RpcJson::transactionError,
    RpcJson::returnData,
    p -> RpcJson.accountNotification(p, ADDRESS),
    RpcJson::programNotification,
    RpcJson::signatureNotification,
    RpcJson::logsNotification,
    RpcJson::slotNotification,
  };

  @FuzzTest(maxDuration = "10m")
  void rpcResult(byte[] data) throws IOException {
    if (data.length == 0) {
      return;
    }
    ResultReader<?> reader = READERS[(data[0] & 0xff) % READERS.length];
    byte[] body = Arrays.copyOfRange(data, 1, data.length);
    try (JsonParser p = JsonLimits.jsonFactory().createParser(body)) {
      if (p.nextToken() == null) {
        return;
      }
      reader.read(p);
      JsonToken last = p.currentToken();
      if (last == JsonToken.START_OBJECT || last == JsonToken.START_ARRAY) {
        throw new AssertionError("a reader must consume the whole value, it stopped on " + last);
      }
    } catch (TransportException | JsonProcessingException e) {
      // the typed rejection
    } catch (CharConversionException e) {
      // Jackson's own encoding detection (a body starting 00 00 00 xx reads as UTF-32) fails before
      // any reader runs, with an IOException that is not a JsonProcessingException: a transport
      // matter (reported to sdk-transport), not one of these readers'. crash-5e5445ca... replays it.
    }
  }
}

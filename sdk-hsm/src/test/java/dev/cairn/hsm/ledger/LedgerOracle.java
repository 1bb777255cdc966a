package dev.cairn.hsm.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.core.encoding.Hex;
import dev.cairn.testing.oracle.OracleProcess;
import dev.cairn.testing.oracle.OracleScript;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The Java side of tools/ledger-oracle/ledger.cjs: ledgerjs apps over a recording transport that
 * answers with responses captured from this module's client talking to the emulator. {@link
 * Recorder} is the capturing transport.
 */
public final class LedgerOracle implements AutoCloseable {
  public static final ObjectMapper JSON = new ObjectMapper();
  private final OracleProcess process;

  private LedgerOracle(OracleProcess process) {
    this.process = process;
  }

  public static LedgerOracle start() {
    Path dir = Path.of(System.getProperty("cairn.ledgerOracle", "../tools/ledger-oracle"));
    return new LedgerOracle(OracleScript.of(dir.resolve("ledger.cjs")).requirePackages("@ledgerhq/hw-app-eth",
        "@ledgerhq/hw-transport-mocker").start());
  }

  /** Sends {@code request} (an op and its arguments) with the recorded responses; returns the answer. */
  public JsonNode call(ObjectNode request, List<String> responses) {
    ArrayNode r = request.putArray("responses");
    responses.forEach(r::add);
    try {
      return JSON.readTree(process.call(JSON.writeValueAsString(request)));
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }

  public static List<String> commands(JsonNode answer) {
    List<String> out = new ArrayList<>();
    answer.path("commands").forEach(c -> out.add(c.asText()));
    return out;
  }

  @Override
  public void close() {
    process.close();
  }

  /** A transport that forwards to a device and records commands and responses (hex). */
  public static final class Recorder implements LedgerTransport {
    private final LedgerTransport device;
    public final List<String> commands = new ArrayList<>();
    public final List<String> responses = new ArrayList<>();

    public Recorder(LedgerTransport device) {
      this.device = device;
    }

    @Override
    public byte[] exchange(byte[] commandApdu) {
      commands.add(Hex.encode(commandApdu));
      byte[] r = device.exchange(commandApdu);
      responses.add(Hex.encode(r));
      return r;
    }

    public void clear() {
      commands.clear();
      responses.clear();
    }

    @Override
    public TransportDescriptor descriptor() {
      return device.descriptor();
    }

    @Override
    public void close() {
      device.close();
    }
  }
}

package dev.cairn.abi.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;

/** Writes fragment specs as a Solidity JSON ABI (jackson-core streaming). */
public final class AbiJsonWriter {
  private static final JsonFactory FACTORY = new JsonFactory();

  private AbiJsonWriter() {}

  /** The JSON ABI array of the given entries, in solc's member order. */
  public static String write(List<FragmentSpec> specs) {
    StringWriter w = new StringWriter(256 * specs.size() + 2);
    try (JsonGenerator g = FACTORY.createGenerator(w)) {
      g.writeStartArray();
      for (FragmentSpec s : specs) {
        entry(g, s);
      }
      g.writeEndArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a StringWriter does not fail
    }
    return w.toString();
  }

  private static void entry(JsonGenerator g, FragmentSpec s) throws IOException {
    g.writeStartObject();
    switch (s.kind()) {
      case EVENT:
        g.writeBooleanField("anonymous", s.anonymous());
        params(g, "inputs", s.inputs(), true);
        g.writeStringField("name", s.name());
        break;
      case ERROR:
        params(g, "inputs", s.inputs(), false);
        g.writeStringField("name", s.name());
        break;
      case FUNCTION:
        params(g, "inputs", s.inputs(), false);
        g.writeStringField("name", s.name());
        params(g, "outputs", s.outputs(), false);
        g.writeStringField("stateMutability", s.stateMutability());
        break;
      case CONSTRUCTOR:
        params(g, "inputs", s.inputs(), false);
        g.writeStringField("stateMutability", s.stateMutability());
        break;
      default:
        g.writeStringField("stateMutability", s.stateMutability());
        break;
    }
    g.writeStringField("type", s.kind().json());
    g.writeEndObject();
  }

  private static void params(JsonGenerator g, String field, List<ParamSpec> ps, boolean event)
      throws IOException {
    g.writeArrayFieldStart(field);
    for (ParamSpec p : ps) {
      g.writeStartObject();
      if (p.isTuple()) {
        params(g, "components", p.components(), false);
      }
      if (event) {
        g.writeBooleanField("indexed", p.indexed());
      }
      if (p.internalType() != null) {
        g.writeStringField("internalType", p.internalType());
      }
      g.writeStringField("name", p.name());
      g.writeStringField("type", p.type());
      g.writeEndObject();
    }
    g.writeEndArray();
  }
}

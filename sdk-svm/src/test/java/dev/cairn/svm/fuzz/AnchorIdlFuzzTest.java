package dev.cairn.svm.fuzz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.cairn.core.encoding.DecodingException;
import dev.cairn.svm.SvmException;
import dev.cairn.svm.idl.Decoded;
import dev.cairn.svm.idl.Idl;
import dev.cairn.svm.idl.IdlException;
import dev.cairn.svm.idl.IdlInstruction;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

/**
 * Anchor IDLs from outside: the JSON parser (0.30+ and legacy formats) throws {@link
 * dev.cairn.svm.idl.IdlException} (an {@link SvmException}) or, for text that is not JSON, {@link
 * DecodingException}, and nothing else. The IDL coders decode instruction data, account data,
 * event log lines and return data from outside with {@link DecodingException} only; a decoded
 * instruction or event re-encodes to exactly its bytes (strict), a decoded account to a prefix of
 * them (Anchor allows the account's reserved space after the value).
 */
class AnchorIdlFuzzTest {
  static final Idl[] IDLS = {load("/idl/vault-0.30.json"), load("/idl/vault-legacy.json")};

  static Idl load(String resource) {
    try (InputStream in = AnchorIdlFuzzTest.class.getResourceAsStream(resource)) {
      return Idl.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @FuzzTest(maxDuration = "10m")
  void idlJson(byte[] data) {
    Idl idl;
    try {
      idl = Idl.parse(new String(data, StandardCharsets.UTF_8));
    } catch (SvmException | DecodingException e) {
      return;
    }
    idl.toString();
    for (IdlInstruction ix : idl.instructions()) {
      ix.argsType().toString();
assertTrue(idl.instructionName(ix.discriminator()).isPresent(), "an instruction's discriminator names an instruction");
    }
    // an account or event the coders cannot read (a zero-copy layout, a serialization other than
    // Borsh, an account that is not a struct) loads with the IDL and is refused when used, with an
    // IdlException naming the path of the account or of its type in $.types (docs/svm.md)
    for (String a : idl.accountNames()) {
      try {
        idl.accountType(a).toString();
      } catch (IdlException refusedWhenUsed) {
        assertTrue(refusedWhenUsed.getMessage().startsWith("$."), refusedWhenUsed.getMessage()); // names the IDL path
      }
    }
    for (String e : idl.eventNames()) {
      try {
        idl.eventType(e).toString();
      } catch (IdlException refusedWhenUsed) {
        assertTrue(refusedWhenUsed.getMessage().startsWith("$."), refusedWhenUsed.getMessage()); // names the IDL path
      }
    }
  }

  /** data[0]: bit 0 picks the IDL, bits 1-2 the coder; the rest is the bytes to decode. */
  @FuzzTest(maxDuration = "10m")
  void idlCoders(byte[] data) {
    if (data.length == 0) {
      return;
    }
    Idl idl = IDLS[data[0] & 1];
    byte[] b = Arrays.copyOfRange(data, 1, data.length);
    try {
      switch ((data[0] >> 1) & 3) {
        case 0: {
          Decoded d = idl.decodeInstruction(b);
          assertArrayEquals(b, idl.encodeInstructionData(d.name(), d.fields()), "instruction " + d.name());
          break;
        }
        case 1: {
          Decoded d = idl.decodeAccount(b);
          byte[] again = idl.encodeAccount(d.name(), d.fields());
          assertTrue(again.length <= b.length, "account " + d.name());
          assertArrayEquals(Arrays.copyOf(b, again.length), again, "account " + d.name());
          break;
        }
        case 2: {
          Optional<Decoded> d = idl.decodeEvent("Program data: " + Base64.getEncoder().encodeToString(b));
          if (d.isPresent()) {
            assertArrayEquals(b, idl.encodeEvent(d.get().name(), d.get().fields()), "event " + d.get().name());
          }
          break;
        }
        default: {
          for (IdlInstruction ix : idl.instructions()) {
            if (ix.returns().isPresent()) {
              Object v = idl.decodeReturn(ix.name(), b);
              assertArrayEquals(b, ix.returns().get().encode(v), "return of " + ix.name());
            }
          }
        }
      }
    } catch (DecodingException e) {
      // the typed rejection
    }
  }
}

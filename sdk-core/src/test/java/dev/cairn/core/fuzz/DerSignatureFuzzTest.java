package dev.cairn.core.fuzz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.cairn.core.crypto.CryptoException;
import dev.cairn.core.crypto.EcdsaSignature;
import dev.cairn.core.encoding.DecodingException;

/** Strict DER ECDSA signatures: typed rejection only; an accepted encoding is the canonical one. */
class DerSignatureFuzzTest {

  @FuzzTest
  void fromDer(byte[] der) {
    EcdsaSignature sig;
    try {
      sig = EcdsaSignature.fromDer(der);
    } catch (DecodingException | CryptoException expected) {
      return;
    }
    assertArrayEquals(der, sig.toDer());
    EcdsaSignature again = EcdsaSignature.fromDer(sig.toDer());
    assertEquals(sig.r(), again.r());
    assertEquals(sig.s(), again.s());
    assertEquals(sig.normalizedS().s(), EcdsaSignature.fromDer(sig.normalizedS().toDer()).s());
  }

  /** 64 bytes r||s or 65 bytes r||s||recoveryId: compact, recoverable and DER forms agree. */
  @FuzzTest
  void fromCompact(byte[] compact) {
    EcdsaSignature sig;
    try {
      sig = EcdsaSignature.fromCompact(compact);
    } catch (CryptoException | DecodingException expected) {
      return;
    }
    if (compact.length == 65) {
      assertArrayEquals(compact, sig.toRecoverable());
    } else {
      assertArrayEquals(compact, sig.toCompact());
    }
    EcdsaSignature der = EcdsaSignature.fromDer(sig.toDer());
    assertEquals(sig.r(), der.r());
    assertEquals(sig.s(), der.s());
  }
}

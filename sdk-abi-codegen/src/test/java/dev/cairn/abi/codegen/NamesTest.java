package dev.cairn.abi.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.abi.codegen.internal.Names;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

/** Identifier rules of the generator. */
class NamesTest {
  @Test
  void upperSnake() {
    assertEquals("BALANCE_OF", Names.upperSnake("balanceOf"));
    assertEquals("TOKEN_URI", Names.upperSnake("tokenURI"));
    assertEquals("ERC20_INSUFFICIENT_BALANCE", Names.upperSnake("ERC20InsufficientBalance"));
    assertEquals("SAFE_TRANSFER_FROM4", Names.upperSnake("safeTransferFrom4"));
    assertEquals("URI", Names.upperSnake("URI"));
    assertEquals("_OWNER", Names.upperSnake("_owner"));
  }

  @Test
  void variables() {
    assertEquals("class_", Names.variable("class", "a0"));
    assertEquals("hashCode_", Names.variable("hashCode", "a0"));
    assertEquals("e0_", Names.variable("e0", "a0"));
    assertEquals("a0", Names.variable("", "a0"));
    assertEquals("amount", Names.variable("amount", "a0"));
  }

  @Property
  void upperSnakeIsAnUpperCaseIdentifier(@ForAll @AlphaChars @StringLength(min = 1, max = 30) String s) {
    String u = Names.upperSnake(s);
    assertTrue(Names.isIdentifier(u), u);
    assertEquals(u.toUpperCase(java.util.Locale.ROOT), u);
    assertEquals(s.toUpperCase(java.util.Locale.ROOT), u.replace("_", ""));
  }

  @Property
  void variablesAreUsableJavaNames(@ForAll @StringLength(max = 12) String s) {
    String v = Names.variable(s, "arg0");
    assertTrue(Names.isIdentifier(v) && !Names.isKeyword(v), v);
  }
}

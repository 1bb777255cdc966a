package dev.cairn.svm.errors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.core.encoding.DecodingException;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TransactionErrorTest {

  @ParameterizedTest
  @ValueSource(strings = {"BlockhashNotFound", "AlreadyProcessed", "InsufficientFundsForFee", "AccountNotFound",
      "SignatureFailure", "WouldExceedMaxBlockCostLimit"})
  void unitVariants(String name) {
    TransactionError e = TransactionError.parse("\"" + name + "\"");
    assertEquals(name, e.variant());
    assertFalse(e.isInstructionError());
    assertEquals(OptionalInt.empty(), e.instructionIndex());
    assertEquals(OptionalLong.empty(), e.customCode());
    assertEquals("\"" + name + "\"", e.json());
    assertEquals(TransactionError.of(name), e);
  }

  @Test
  void customInstructionError() {
    TransactionError e = TransactionError.parse("{\"InstructionError\":[2,{\"Custom\":6001}]}");
    assertTrue(e.isInstructionError());
    assertEquals(OptionalInt.of(2), e.instructionIndex());
    assertEquals(Optional.of("Custom"), e.instructionError());
    assertEquals(OptionalLong.of(6001), e.customCode());
    assertEquals(TransactionError.custom(2, 6001), e);
    assertEquals(OptionalLong.of(0xFFFF_FFFFL), TransactionError.parse("{\"InstructionError\":[0,{\"Custom\":4294967295}]}").customCode());
  }

  @Test
  void namedInstructionErrors() {
    TransactionError e = TransactionError.parse("{\"InstructionError\":[0,\"ComputationalBudgetExceeded\"]}");
    assertEquals(Optional.of("ComputationalBudgetExceeded"), e.instructionError());
    assertEquals(OptionalLong.empty(), e.customCode());
    assertEquals(TransactionError.instruction(0, "ComputationalBudgetExceeded"), e);
    TransactionError borsh = TransactionError.parse("{\"InstructionError\":[1,{\"BorshIoError\":\"Unexpected length of input\"}]}");
    assertEquals(Optional.of("BorshIoError"), borsh.instructionError());
    assertEquals(Optional.of("Unexpected length of input"), borsh.detail());
  }

  @Test
  void accountIndexedAndOtherForms() {
    TransactionError rent = TransactionError.parse("{\"InsufficientFundsForRent\":{\"account_index\":3}}");
    assertEquals("InsufficientFundsForRent", rent.variant());
    assertEquals(OptionalInt.of(3), rent.accountIndex());
    assertEquals(OptionalInt.of(1), TransactionError.parse("{\"ProgramExecutionTemporarilyRestricted\":{\"account_index\":1}}").accountIndex());
    TransactionError dup = TransactionError.parse("{\"DuplicateInstruction\":4}");
    assertEquals(OptionalInt.of(4), dup.instructionIndex());
    TransactionError future = TransactionError.parse("{\"SomeFutureVariant\":{\"x\":[1,2]}}");
    assertEquals("SomeFutureVariant", future.variant());
    assertEquals(Optional.of("{\"x\":[1,2]}"), future.detail());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "1", "null", "[]", "{}", "\"\"", "\"Bad Name\"", "{\"a\":1,\"b\":2}",
      "{\"InstructionError\":[0]}", "{\"InstructionError\":[256,\"X\"]}", "{\"InstructionError\":[-1,\"X\"]}",
      "{\"InstructionError\":[0,{\"Custom\":-1}]}", "{\"InstructionError\":[0,{\"Custom\":4294967296}]}",
      "{\"InstructionError\":[0,{\"Custom\":1.5}]}", "{\"InstructionError\":[0,{\"Custom\":\"1\"}]}",
      "{\"InstructionError\":[0,{}]}", "{\"InstructionError\":\"x\"}", "{\"InsufficientFundsForRent\":{}}",
      "{\"InsufficientFundsForRent\":{\"account_index\":\"1\"}}", "{\"DuplicateInstruction\":\"a\"}", "{\"Inst"})
  void malformedFormsAreTypedErrors(String json) {
    DecodingException e = assertThrows(DecodingException.class, () -> TransactionError.parse(json));
    assertFalse(e.getMessage().isEmpty());
  }

  @Test
  void errorMessagesNameTheMember() {
    DecodingException e = assertThrows(DecodingException.class,
        () -> TransactionError.parse("{\"InstructionError\":[0,{\"Custom\":-5}]}"));
    assertTrue(e.getMessage().contains("err.InstructionError[1].Custom"), e.getMessage());
  }
}

package dev.cairn.svm.idl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.core.chain.ChainErrors;
import dev.cairn.core.chain.ChainId;
import dev.cairn.core.chain.ChainError;
import dev.cairn.core.chain.ErrorKind;
import dev.cairn.core.encoding.DecodingException;
import dev.cairn.core.encoding.Hex;
import dev.cairn.core.json.Json;
import dev.cairn.core.json.JsonObject;
import dev.cairn.svm.Keypair;
import dev.cairn.svm.Pubkey;
import dev.cairn.svm.errors.SvmErrors;
import dev.cairn.svm.errors.TransactionError;
import dev.cairn.svm.borsh.BorshEnum;
import dev.cairn.svm.tx.AccountMeta;
import dev.cairn.svm.tx.Blockhash;
import dev.cairn.svm.tx.Instruction;
import dev.cairn.svm.tx.Message;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** A realistic program's IDL in both formats: instructions with PDAs, accounts, events, errors. */
class IdlFixtureTest {
  static final Pubkey USER = Pubkey.fromBase58("9WzDXwBbmkg8ZTbNMqUxvQRAyrZzDsGYdLVL9zYtAWWM");
  static final Pubkey SYSTEM = Pubkey.fromBase58("11111111111111111111111111111111");

  @AfterAll
  static void stop() {
    AnchorOracle.ORACLE.close();
  }

  static String resource(String name) {
    try (InputStream in = IdlFixtureTest.class.getResourceAsStream("/idl/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static Idl modern() {
    return Idl.parse(resource("vault-0.30.json"));
  }

  static Idl legacy() {
    return Idl.parse(resource("vault-legacy.json"));
  }

  static Map<String, Object> depositArgs() {
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("amount", new BigInteger("18446744073709551615"));
    params.put("tag", "gold");
    params.put("lock", Optional.of(-5L));
    params.put("memo", List.of(1, 2, 3, 4));
    return Map.of("slot", BigInteger.valueOf(42), "params", params);
  }

  @Test
  void bothFormatsReadTheSameProgram() {
    Idl m = modern();
    Idl l = legacy();
    assertEquals(Idl.Format.ANCHOR_0_30, m.format());
    assertEquals(Idl.Format.LEGACY, l.format());
    assertEquals("vault", m.name());
    assertEquals(m.address(), l.address());
    for (String ix : List.of("initialize", "deposit")) {
      assertArrayEquals(m.instruction(ix).discriminator(), l.instruction(ix).discriminator(), ix);
    }
    Map<String, Object> args = depositArgs();
    assertArrayEquals(m.encodeInstructionData("deposit", args), l.encodeInstructionData("deposit", args));
    Instruction a = m.encodeInstruction("deposit", args, Map.of("user", USER));
    Instruction b = l.encodeInstruction("deposit", args, Map.of("user", USER, "systemProgram", SYSTEM));
    assertEquals(a, b);
  }

  @Test
  void accountsResolvedFromSeedsAndFlags() {
    Idl idl = modern();
    Pubkey program = idl.address().orElseThrow();
    Instruction ix = idl.encodeInstruction("deposit", depositArgs(), Map.of("user", USER));
    Pubkey config = Pubkey.findProgramAddress(List.of("config".getBytes(StandardCharsets.UTF_8)), program).address();
    Pubkey position = Pubkey.findProgramAddress(List.of("pos".getBytes(StandardCharsets.UTF_8), USER.bytes(),
        Hex.decode("2a00000000000000"), "gold".getBytes(StandardCharsets.UTF_8)), program).address();
    assertEquals(List.of(
        AccountMeta.writableSigner(USER),
        AccountMeta.readonly(config),
        AccountMeta.writable(position),
        AccountMeta.readonly(program), // the optional referrer left out: the program id, as Anchor passes it
        AccountMeta.readonly(SYSTEM)), ix.accounts());
    assertEquals(program, ix.programId());
    // a given account wins over derivation, camelCase and snake_case both match
    Pubkey ref = Pubkey.fromBase58("SysvarRent111111111111111111111111111111111");
    Instruction withRef = idl.encodeInstruction("deposit", depositArgs(), Map.of("user", USER, "referrer", ref, "systemProgram", SYSTEM));
    assertEquals(AccountMeta.readonly(ref), withRef.accounts().get(3));
    IdlException missing = assertThrows(IdlException.class, () -> idl.encodeInstruction("deposit", depositArgs(), Map.of()));
    assertEquals("instruction deposit accounts.user", missing.path());
    IdlException unknown = assertThrows(IdlException.class, () -> idl.encodeInstruction("deposit", depositArgs(), Map.of("user", USER, "nobody", USER)));
    assertTrue(unknown.getMessage().contains("nobody"));
  }

  @Test
  void decodesInstructionsAccountsEventsAndErrors() {
    Idl idl = modern();
    Instruction ix = idl.encodeInstruction("initialize", Map.of("fee_bps", 30, "label", "main"), Map.of("authority", USER));
    Decoded d = idl.decodeInstruction(ix);
    assertEquals("initialize", d.name());
    assertEquals(30, d.get("fee_bps"));
    assertEquals("main", d.get("label"));
    // account data, longer than the value (space reserved), decodes; a wrong discriminator does not
    Map<String, Object> cfg = Map.of("authority", USER, "fee_bps", 7, "label", "x", "state", BorshEnum.of("Paused", Map.of("until", 99L)));
    byte[] data = idl.encodeAccount("Config", cfg);
    byte[] padded = java.util.Arrays.copyOf(data, data.length + 100);
    assertEquals(cfg, idl.decodeAccount("Config", padded));
    assertEquals("Config", idl.decodeAccount(padded).name());
    assertThrows(DecodingException.class, () -> idl.decodeAccount("Position", padded));
    // event from a log line
    byte[] ev = idl.encodeEvent("Deposited", Map.of("user", USER, "amount", BigInteger.TEN));
    List<Decoded> events = idl.decodeEvents(List.of("Program log: Instruction: Deposit",
        "Program data: " + Base64.getEncoder().encodeToString(ev), "Program data: AAAA"));
    assertEquals(1, events.size());
    assertEquals(BigInteger.TEN, events.get(0).get("amount"));
    // errors: the IDL's, then Anchor's
    assertEquals("6001 InsufficientDeposit: Deposit below the minimum", idl.decodeError(6001).orElseThrow().toString());
    assertEquals("", idl.decodeError(6002).orElseThrow().message());
    assertEquals("ConstraintSeeds", idl.decodeError(2006).orElseThrow().name());
    assertEquals(IdlError.Source.ANCHOR, idl.decodeError(3012).orElseThrow().source());
    assertEquals("AccountNotInitialized", idl.decodeError(3012).orElseThrow().name());
    assertFalse(idl.decodeError(7777).isPresent());
  }

  @Test
  void errorMappingPlugsIntoTheSdkCoreTaxonomy() {
    Idl idl = modern();
    IdlErrorMapping mapping = idl.errorMapping();
    String program = idl.address().orElseThrow().toBase58();
    assertEquals(ErrorKind.REVERTED, mapping.classify(program, 6000));
    assertEquals(ErrorKind.REVERTED, mapping.classify(program, 2006));
    assertEquals(ErrorKind.INVALID_INPUT, mapping.classify(program, 3005));
    assertEquals(ErrorKind.INVALID_INPUT, mapping.classify(program, 102));
    assertNull(mapping.classify(program, 7777));
    assertNull(mapping.classify(SYSTEM.toBase58(), 6000)); // another program's code
    assertNull(mapping.classify(null, 6000));
    ChainError e = ChainErrors.svmCustomProgramError(ChainId.parse("solana:5eykt4UsFv8P8NJdTREpY1vzqKqZKvdp"), 1, program, 3005,
        "logs", null, mapping);
    assertEquals(ErrorKind.INVALID_INPUT, e.kind());
    assertEquals("3005 AccountNotEnoughKeys: Not enough account keys given to the instruction",
        mapping.describe(program, 3005).orElseThrow().toString());
  }

  @Test
  void theRpcErrorMappingNamesIdlErrorsThroughTheDecoderHook() {
    Idl idl = modern();
    Pubkey program = idl.address().orElseThrow();
    Keypair payer = Keypair.fromSeed(new byte[32]);
    Message message = Message.compileLegacy(payer.publicKey(),
        List.of(Instruction.of(program, List.of(AccountMeta.writableSigner(payer.publicKey())), new byte[8])),
        Blockhash.of(new byte[32]));
    SvmErrors errors = SvmErrors.standard().with(idl.errorMapping());
    List<String> logs = List.of("Program " + program + " invoke [1]",
        "Program " + program + " failed: custom program error: 0x1771");
    ChainError e = errors.toChainError(ChainId.SOLANA_DEVNET,
        TransactionError.parse("{\"InstructionError\":[0,{\"Custom\":6001}]}"), message, logs, "sig");
    assertEquals(ErrorKind.REVERTED, e.kind());
    assertTrue(e.revertReason().orElseThrow().contains("InsufficientDeposit"), e.revertReason().toString());
    ChainError anchor = errors.toChainError(ChainId.SOLANA_DEVNET,
        TransactionError.parse("{\"InstructionError\":[0,{\"Custom\":3012}]}"), message, logs, "sig");
    assertEquals(ErrorKind.INVALID_INPUT, anchor.kind());
    assertTrue(anchor.revertReason().orElseThrow().contains("AccountNotInitialized"), anchor.revertReason().toString());
    // another program's code is not named by this IDL
    assertFalse(idl.errorMapping().decode(Keypair.fromSeed(new byte[] {
        1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32}).publicKey(), 6001).isPresent());
  }

  @Test
  void returnData() {
    Idl idl = modern();
    assertEquals(Optional.of(BigInteger.valueOf(7)), idl.decodeReturn("deposit", Hex.decode("010700000000000000")));
    assertEquals(Optional.empty(), idl.decodeReturn("deposit", Hex.decode("00")));
    DecodingException e = assertThrows(DecodingException.class, () -> idl.decodeReturn("deposit", Hex.decode("0107")));
    assertEquals("return deposit", e.field());
    assertThrows(IdlException.class, () -> idl.decodeReturn("initialize", new byte[0]));
  }

  @Test
  void jsonArgumentsAndTypes() {
    Idl idl = modern();
    Instruction fromJson = idl.encodeInstruction("deposit", Json.parse(
        "{\"slot\":\"42\",\"params\":{\"amount\":\"18446744073709551615\",\"tag\":\"gold\",\"lock\":-5,\"memo\":\"0x01020304\"}}"),
        Map.of("user", USER));
    assertEquals(idl.encodeInstruction("deposit", depositArgs(), Map.of("user", USER)), fromJson);
    assertEquals(List.of("authority", "fee_bps", "label", "state"), List.copyOf(idl.accountType("Config").fields().keySet()));
    assertTrue(idl.eventType("Deposited").isStruct());
    assertEquals("{\"fee_bps\":30,\"label\":\"x\"}",
        Json.write(idl.instruction("initialize").argsType().toJson(Map.of("fee_bps", 30, "label", "x"))));
    IdlException e = assertThrows(IdlException.class, () -> idl.encodeInstruction("deposit", Json.parse("{\"slot\":\"-1\"}"), Map.of("user", USER)));
    assertTrue(e.getMessage().contains("slot"), e.getMessage());
  }

  @Test
  void genericTypesAreResolvedWhereUsed() {
    String json = resource("vault-0.30.json").replace("\"args\": [ { \"name\": \"fee_bps\", \"type\": \"u16\" }",
        "\"args\": [ { \"name\": \"w\", \"type\": { \"defined\": { \"name\": \"Wrapper\", \"generics\": [ { \"kind\": \"type\", \"type\": \"u16\" }, { \"kind\": \"const\", \"value\": \"2\" } ] } } }, { \"name\": \"fee_bps\", \"type\": \"u16\" }");
    Idl idl = Idl.parse(json);
    byte[] data = idl.encodeInstructionData("initialize", Map.of("w", Map.of("items", List.of(1, 2)), "fee_bps", 3, "label", ""));
    assertEquals("afaf6d1f0d989bed" + "01000200" + "0300" + "00000000", Hex.encode(data));
    IdlException e = assertThrows(IdlException.class, () -> Idl.parse(json.replace(", { \"kind\": \"const\", \"value\": \"2\" } ", "")));
    assertTrue(e.path().startsWith("$.instructions[0].args[0].type.defined"), e.path());
  }

  @Test
  void agreesWithAnchorOnTheFixture() {
    Idl idl = modern();
    JsonObject args = (JsonObject) idl.instruction("deposit").argsType.toJson(depositArgs());
    Map<String, Object> cfg = Map.of("authority", USER, "fee_bps", 7, "label", "x", "state", BorshEnum.ofTuple("Closed", List.of(USER)));
    String req = "{\"op\":\"roundtrip\",\"idl\":" + resource("vault-0.30.json").replace('\n', ' ')
        + ",\"ix\":{\"name\":\"deposit\",\"args\":" + Json.write(args) + "}"
        + ",\"account\":{\"name\":\"Config\",\"value\":" + Json.write(idl.types().get("Config").toJson(cfg)) + "}}";
    JsonObject a = Json.parse(AnchorOracle.ORACLE.get().call(req)).asObject("answer");
    assertTrue(a.get("ok").asBoolean("ok"), a.toString());
    assertEquals(a.get("ixData").asString("ixData"), Hex.encode(idl.encodeInstructionData("deposit", depositArgs())));
    assertEquals(a.get("accountData").asString("accountData"), Hex.encode(idl.encodeAccount("Config", cfg)));
  }
}

package dev.cairn.svm.rpc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.svm.Pubkey;
import dev.cairn.svm.errors.TransactionError;
import dev.cairn.svm.tx.Blockhash;
import dev.cairn.transport.RpcCall;
import dev.cairn.transport.TransportException;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.Supplier;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Valid responses with random values parse to exactly those values; random garbling of valid
 * responses gives a value or a TransportException (malformed response), never another exception.
 */
class SvmRpcResponsePropertiesTest {
  private static final String SIG = "1".repeat(64);
  private static CannedNode node;

  @BeforeContainer
  static void start() throws Exception {
    node = new CannedNode();
  }

  @AfterContainer
  static void stop() throws Exception {
    node.close();
  }

  @Property(tries = 300)
  void accountsParseToTheirValues(@ForAll long lamports, @ForAll @Size(32) byte[] owner, @ForAll @Size(max = 300) byte[] data,
      @ForAll boolean executable, @ForAll long rentEpoch, @ForAll @IntRange(min = 0, max = 1_000_000) int slot) {
    Pubkey ownerKey = Pubkey.of(owner);
    node.result("{\"context\":{\"slot\":" + slot + "},\"value\":{\"data\":[\"" + Base64.getEncoder().encodeToString(data)
        + "\",\"base64\"],\"executable\":" + executable + ",\"lamports\":" + Long.toUnsignedString(lamports) + ",\"owner\":\""
        + ownerKey.toBase58() + "\",\"rentEpoch\":" + Long.toUnsignedString(rentEpoch) + ",\"space\":" + data.length + "}}");
    AccountInfo a = node.client.getAccountInfo(ownerKey).send().orElseThrow();
    assertEquals(AccountInfo.of(lamports, ownerKey, data, executable, rentEpoch), a);
    assertArrayEquals(data, a.data());
  }

  @Property(tries = 300)
  void blockhashesAndStatusesParseToTheirValues(@ForAll @Size(32) byte[] hash, @ForAll @IntRange(min = 0) int lastValid,
      @ForAll @IntRange(min = 0) int slot, @ForAll @IntRange(min = 0, max = 255) int index, @ForAll @IntRange(min = 0) int code,
      @ForAll boolean failed) {
    Blockhash bh = Blockhash.of(hash);
    node.result("{\"context\":{\"slot\":" + slot + "},\"value\":{\"lastValidBlockHeight\":" + lastValid + ",\"blockhash\":\"" + bh.toBase58() + "\"}}");
    assertEquals(LatestBlockhash.of(bh, lastValid, slot), node.client.getLatestBlockhash().send());
    TransactionError err = failed ? TransactionError.custom(index, code) : null;
    node.result("{\"context\":{\"slot\":" + slot + "},\"value\":[{\"slot\":" + slot + ",\"confirmations\":" + (index % 2 == 0 ? "null" : index)
        + ",\"err\":" + (err == null ? "null" : err.json()) + ",\"confirmationStatus\":\"confirmed\"}]}");
    SignatureStatus s = node.client.getSignatureStatuses(List.of(SIG)).send().get(0).orElseThrow();
    assertEquals(SignatureStatus.of(slot, index % 2 == 0 ? -1 : index, err, Commitment.CONFIRMED), s);
  }

  private static final String TX_B64 = dev.cairn.svm.tx.Transaction.unsigned(dev.cairn.svm.tx.Message.compileLegacy(
      dev.cairn.svm.Keypair.fromSeed(new byte[32]).publicKey(),
      List.of(dev.cairn.svm.programs.SystemProgram.transfer(dev.cairn.svm.Keypair.fromSeed(new byte[32]).publicKey(),
          Pubkey.of(new byte[32]), 1)), Blockhash.of(new byte[32]))).sign(dev.cairn.svm.Keypair.fromSeed(new byte[32])).serializeBase64();

  private static final String[] TEMPLATES = {
      "{\"context\":{\"slot\":5},\"value\":{\"data\":[\"AQID\",\"base64\"],\"executable\":false,\"lamports\":10,"
          + "\"owner\":\"11111111111111111111111111111111\",\"rentEpoch\":18446744073709551615,\"space\":3}}",
      "{\"context\":{\"slot\":5},\"value\":{\"blockhash\":\"4sGjMW1sUnHzSxGspuhpqLDx6wiyjNtZAMdL4VZHirAn\",\"lastValidBlockHeight\":155}}",
      "{\"context\":{\"slot\":9},\"value\":[{\"slot\":7,\"confirmations\":null,\"err\":{\"InstructionError\":[0,{\"Custom\":1}]},"
          + "\"confirmationStatus\":\"finalized\"}]}",
      "{\"context\":{\"slot\":4},\"value\":{\"err\":null,\"logs\":[\"a\"],\"accounts\":null,\"unitsConsumed\":2100,"
          + "\"returnData\":{\"programId\":\"11111111111111111111111111111111\",\"data\":[\"CQ==\",\"base64\"]}}}",
      "[{\"pubkey\":\"11111111111111111111111111111111\",\"account\":{\"data\":{\"program\":\"x\",\"parsed\":{\"a\":[1,2]}},"
          + "\"executable\":true,\"lamports\":5,\"owner\":\"11111111111111111111111111111111\",\"rentEpoch\":0}}]",
      "{\"context\":{\"slot\":9},\"value\":{\"amount\":\"1000\",\"decimals\":2,\"uiAmount\":10.0,\"uiAmountString\":\"10\"}}",
      "{\"slot\":3,\"blockTime\":null,\"transaction\":[\"" + TX_B64 + "\",\"base64\"],"
          + "\"meta\":{\"err\":null,\"fee\":5000,\"preBalances\":[1,2],\"postBalances\":[0,2],\"logMessages\":[],\"computeUnitsConsumed\":3}}",
  };

  @SuppressWarnings("unchecked")
  private static final Supplier<RpcCall<?>>[] CALLS = new Supplier[] {
      () -> node.client.getAccountInfo(Pubkey.of(new byte[32])),
      () -> node.client.getLatestBlockhash(),
      () -> node.client.getSignatureStatuses(List.of(SIG)),
      () -> node.client.simulateTransaction(dev.cairn.svm.tx.Transaction.deserializeBase64(
          TX_B64)),
      () -> node.client.getProgramAccounts(Pubkey.of(new byte[32]), List.of()),
      () -> node.client.getTokenAccountBalance(Pubkey.of(new byte[32])),
      () -> node.client.getTransaction(SIG),
  };

  @Provide
  Arbitrary<Integer> template() {
    return Arbitraries.integers().between(0, TEMPLATES.length - 1);
  }

  @Property(tries = 1000)
  void garbledResponsesGiveValuesOrTypedErrors(@ForAll("template") int which, @ForAll long seed) {
    String garbled = garble(TEMPLATES[which], new Random(seed));
    node.result(garbled);
    try {
      Object v = CALLS[which].get().send();
      assertTrue(v != null);
    } catch (TransportException e) {
      assertTrue(e.kind() == TransportException.Kind.MALFORMED_RESPONSE || e.kind() == TransportException.Kind.RPC_ERROR,
          () -> e.kind() + " " + e.getMessage() + " for " + garbled);
      assertTrue(e.getMessage().length() < 2_000, "bounded message");
    }
  }

  @Property(tries = 50)
  void templatesParseUngarbled(@ForAll("template") int which) {
    node.result(TEMPLATES[which]);
    Object v = CALLS[which].get().send();
    assertTrue(v instanceof Optional ? ((Optional<?>) v).isPresent() : v != null, String.valueOf(v));
  }

  private static final String POOL = "{}[]\",:0123456789-+eE.\\ntrufalsAQ/=_x\u00e9\u0000 ";

  static String garble(String s, Random r) {
    StringBuilder b = new StringBuilder(s);
    int ops = 1 + r.nextInt(4);
    for (int i = 0; i < ops && b.length() > 0; i++) {
      int at = r.nextInt(b.length());
      switch (r.nextInt(6)) {
        case 0:
          b.delete(at, Math.min(b.length(), at + 1 + r.nextInt(8)));
          break;
        case 1:
          for (int k = r.nextInt(6); k >= 0; k--) {
            b.insert(at, POOL.charAt(r.nextInt(POOL.length())));
          }
          break;
        case 2:
          b.setCharAt(at, POOL.charAt(r.nextInt(POOL.length())));
          break;
        case 3:
          b.setLength(at);
          break;
        case 4:
          b.insert(at, "99999999999999999999999");
          break;
        default: {
          int end = Math.min(b.length(), at + 1 + r.nextInt(20));
          b.insert(at, b.substring(at, end));
        }
      }
    }
    return b.toString();
  }
}

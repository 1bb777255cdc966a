package dev.cairn.evm.tx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cairn.core.crypto.CryptoException;
import dev.cairn.core.encoding.DecodingException;
import dev.cairn.core.encoding.Hex;
import dev.cairn.core.testing.TestData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * ethereum/tests TransactionTests (tt*): each test has a raw {@code txbytes} and a result per fork,
 * either {@code hash}/{@code sender} (valid) or an {@code exception}. We check every test at the
 * newest fork listed in its file (Cancun for most; Shanghai or London for tests retired before
 * Cancun), on chain id 1 (the chain the tests are filled for): a valid transaction must decode,
 * pass {@link SignedTransaction#validate(Fork, long)} and give the expected hash, sender and
 * intrinsic gas; an invalid one must be refused with a DecodingException, CryptoException or
 * EvmTxException, never another exception.
 */
class EthereumTransactionTestsTest {

  private static final Map<String, Fork> FORKS = new TreeMap<>();

  static {
    FORKS.put("Frontier", Fork.FRONTIER);
    FORKS.put("Homestead", Fork.HOMESTEAD);
    FORKS.put("EIP150", Fork.TANGERINE_WHISTLE);
    FORKS.put("EIP158", Fork.SPURIOUS_DRAGON);
    FORKS.put("Byzantium", Fork.BYZANTIUM);
    FORKS.put("Constantinople", Fork.CONSTANTINOPLE);
    FORKS.put("ConstantinopleFix", Fork.PETERSBURG);
    FORKS.put("Istanbul", Fork.ISTANBUL);
    FORKS.put("Berlin", Fork.BERLIN);
    FORKS.put("London", Fork.LONDON);
    FORKS.put("Paris", Fork.PARIS);
    FORKS.put("Shanghai", Fork.SHANGHAI);
    FORKS.put("Cancun", Fork.CANCUN);
    FORKS.put("Prague", Fork.PRAGUE);
  }

  /** Exceptions that are about a state-free rule of validate(), with the reason it must give. */
  private static final Map<String, EvmTxException.Reason> REASONS = Map.of(
      "INTRINSIC_GAS_TOO_LOW", EvmTxException.Reason.INTRINSIC_GAS_TOO_LOW,
      "INITCODE_SIZE_EXCEEDED", EvmTxException.Reason.INITCODE_TOO_LARGE,
      "NONCE_TOO_BIG", EvmTxException.Reason.NONCE_TOO_BIG,
      "PRIORITY_GREATER_THAN_MAX_FEE_PER_GAS_2", EvmTxException.Reason.PRIORITY_FEE_ABOVE_MAX_FEE,
      "GASLIMIT_PRICE_PRODUCT_OVERFLOW", EvmTxException.Reason.GAS_PRICE_PRODUCT_OVERFLOW);

  @Test
  void newestForkOfEveryTest() throws IOException {
    Path dir = TestData.path("ethereum-tests/TransactionTests");
    List<Path> files = new ArrayList<>();
    try (Stream<Path> s = Files.walk(dir)) {
      s.filter(p -> p.toString().endsWith(".json")).sorted().forEach(files::add);
    }
    ObjectMapper mapper = new ObjectMapper();
    int ruleChecks = 0;
    int valid = 0;
    int invalid = 0;
    Map<String, Integer> refusedBy = new TreeMap<>();
    Map<Fork, Integer> forks = new TreeMap<>();
    List<String> failures = new ArrayList<>();
    for (Path file : files) {
      JsonNode root = mapper.readTree(file.toFile());
      Iterator<Map.Entry<String, JsonNode>> tests = root.fields();
      while (tests.hasNext()) {
        Map.Entry<String, JsonNode> t = tests.next();
        String name = dir.relativize(file) + ":" + t.getKey();
        JsonNode results = t.getValue().get("result");
        Fork fork = null;
        String forkName = null;
        Iterator<String> names = results.fieldNames();
        while (names.hasNext()) {
          String n = names.next();
          Fork f = FORKS.get(n);
          if (f == null) {
            fail(name + ": unknown fork " + n);
          }
          if (fork == null || f.compareTo(fork) > 0) {
            fork = f;
            forkName = n;
          }
        }
        forks.merge(fork, 1, Integer::sum);
        JsonNode expected = results.get(forkName);
        String txbytes = t.getValue().get("txbytes").asText();
        if (expected.has("exception")) {
          invalid++;
          try {
            byte[] raw = Hex.decode(txbytes);
            SignedTransaction st = SignedTransaction.decode(raw);
            st.validate(fork, 1);
            failures.add(name + " (" + forkName + "): accepted, expected "
                + expected.get("exception").asText());
          } catch (DecodingException | CryptoException | EvmTxException e) {
            refusedBy.merge(e.getClass().getSimpleName(), 1, Integer::sum);
            String exc = expected.get("exception").asText();
            EvmTxException.Reason want = REASONS.get(exc.substring(exc.indexOf('.') + 1));
            if (want != null) {
              ruleChecks++;
              if (!(e instanceof EvmTxException) || ((EvmTxException) e).reason() != want) {
                failures.add(name + ": expected rule " + want + " for " + exc + ", got " + e);
              }
            }
          } catch (RuntimeException e) {
            failures.add(name + ": untyped " + e);
          }
        } else {
          valid++;
          try {
            SignedTransaction st = SignedTransaction.decode(Hex.decode(txbytes));
            st.validate(fork, 1);
            String hash = expected.get("hash").asText();
            String sender = expected.get("sender").asText();
            if (!st.hashHex().equals(hash)) {
              failures.add(name + ": hash " + st.hashHex() + " expected " + hash);
            }
            if (!st.from().toHexLowercase().equals(sender.toLowerCase())) {
              failures.add(name + ": sender " + st.from() + " expected " + sender);
            }
            long gas = Long.decode(expected.get("intrinsicGas").asText());
            if (st.transaction().intrinsicGas(fork) != gas) {
              failures.add(name + ": intrinsic gas " + st.transaction().intrinsicGas(fork)
                  + " expected " + gas);
            }
            // re-encoding the decoded fields gives the same bytes
            SignedTransaction again = st.transaction().withSignature(st.signature());
            if (!again.toHex().equals(Hex.encodePrefixed(Hex.decode(txbytes)))) {
              failures.add(name + ": re-encoding differs");
            }
          } catch (RuntimeException e) {
            failures.add(name + " (" + forkName + "): rejected valid transaction: " + e);
          }
        }
      }
    }
    System.out.printf("TransactionTests: %d files, %d valid, %d invalid (%d checked for the exact"
        + " validate() rule), forks %s, refused by %s%n",
        files.size(), valid, invalid, ruleChecks, forks, refusedBy);
    assertTrue(failures.isEmpty(), failures.size() + " failures:\n" + String.join("\n", failures));
    assertEquals(210, files.size());
    assertEquals(50, valid);
    assertEquals(160, invalid);
    assertEquals(12, ruleChecks);
  }
}

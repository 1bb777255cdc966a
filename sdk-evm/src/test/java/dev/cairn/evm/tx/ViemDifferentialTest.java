package dev.cairn.evm.tx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.abi.Address;
import dev.cairn.core.crypto.Secp256k1PrivateKey;
import dev.cairn.core.encoding.Hex;
import dev.cairn.evm.sign.EvmSigning;
import dev.cairn.testing.oracle.OracleProcess;
import dev.cairn.testing.oracle.OracleScript;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Differential test against viem (tools/oracle/tx.mjs): random transactions of every type are
 * signed here and by viem with the same key, and must give byte-identical unsigned and signed
 * serializations, the same hash and the same recovered sender. The same batch checks EIP-7702
 * authorization signatures and personal_sign signatures. One node process for the whole batch.
 *
 * <p>Seed: {@code -Dcairn.seed=N} (default fixed) to reproduce or vary.
 */
class ViemDifferentialTest {
  private static final int PER_TYPE = 5_000;
  private static final int AUTHS = 1_000;
  private static final int MESSAGES = 1_000;

  @Test
  void viemAgreesOnEveryType() throws Exception {
    long seed = Long.getLong("cairn.seed", 0x7e57_2024L);
    RandomTxs gen = new RandomTxs(seed);
    ObjectMapper mapper = new ObjectMapper();
    List<String> lines = new ArrayList<>();
    List<Object[]> expected = new ArrayList<>();
    Map<TxType, Integer> perType = new EnumMap<>(TxType.class);
    int creations = 0;
    int eip155 = 0;
    for (TxType type : TxType.values()) {
      for (int i = 0; i < PER_TYPE; i++) {
        Secp256k1PrivateKey key = gen.key();
        Transaction tx = gen.tx(type);
        SignedTransaction st = tx.sign(key);
        ObjectNode req = mapper.createObjectNode();
        req.put("op", "tx");
        req.put("privateKey", Hex.encodePrefixed(key.bytes()));
        req.set("tx", mapper.readTree(TransactionJson.toJson(tx))); // the codec's format
        lines.add(mapper.writeValueAsString(req));
        expected.add(new Object[] {"tx", tx, st});
        perType.merge(type, 1, Integer::sum);
        creations += tx.isContractCreation() ? 1 : 0;
        eip155 += tx.isEip155() ? 1 : 0;
      }
    }
    for (int i = 0; i < AUTHS; i++) {
      Secp256k1PrivateKey key = gen.key();
      BigInteger chainId = i % 3 == 0 ? BigInteger.ZERO : BigInteger.valueOf(gen.chainId());
      Address address = gen.address();
      long nonce = gen.safeLong();
      Authorization a = Authorization.sign(chainId, address, nonce, key);
      ObjectNode req = mapper.createObjectNode();
      req.put("op", "auth");
      req.put("privateKey", Hex.encodePrefixed(key.bytes()));
      req.put("chainId", chainId.toString());
      req.put("address", address.toChecksumString());
      req.put("nonce", Long.toUnsignedString(nonce));
      lines.add(mapper.writeValueAsString(req));
      expected.add(new Object[] {"auth", a});
    }
    for (int i = 0; i < MESSAGES; i++) {
      Secp256k1PrivateKey key = gen.key();
      byte[] message = gen.data();
      ObjectNode req = mapper.createObjectNode();
      req.put("op", "personal");
      req.put("privateKey", Hex.encodePrefixed(key.bytes()));
      req.put("message", Hex.encodePrefixed(message));
      lines.add(mapper.writeValueAsString(req));
      expected.add(new Object[] {"personal", EvmSigning.signPersonalMessage(message, key).toHex()});
    }

    List<String> answers;
    try (OracleProcess viem = OracleScript.project("tx.mjs").requirePackages("viem").start()) {
      answers = viem.callAll(lines);
    }
    List<String> failures = new ArrayList<>();
    for (int i = 0; i < answers.size() && failures.size() < 20; i++) {
      JsonNode a = mapper.readTree(answers.get(i));
      Object[] e = expected.get(i);
      String where = "case " + i + " (seed " + seed + ")";
      if (a.has("error")) {
        failures.add(where + ": viem error " + a.get("error").asText() + " for " + lines.get(i));
        continue;
      }
      switch ((String) e[0]) {
        case "tx": {
          Transaction tx = (Transaction) e[1];
          SignedTransaction st = (SignedTransaction) e[2];
          check(failures, where + " unsigned " + tx.type(), a.get("unsigned").asText(),
              Hex.encodePrefixed(tx.signingPayload()));
          check(failures, where + " raw " + tx.type(), a.get("raw").asText(), st.toHex());
          check(failures, where + " hash", a.get("hash").asText(), st.hashHex());
          check(failures, where + " from", a.get("from").asText(), st.from().toChecksumString());
          SignedTransaction back = SignedTransaction.decode(st.encoded());
          if (!back.transaction().equals(tx) || !back.from().equals(st.from())) {
            failures.add(where + ": decode(raw) differs from the signed transaction");
          }
          break;
        }
        case "auth": {
          Authorization au = (Authorization) e[1];
          check(failures, where + " auth digest", a.get("hash").asText(),
              Hex.encodePrefixed(au.signingHash()));
          check(failures, where + " auth yParity", a.get("yParity").asText(),
              Integer.toString(au.yParity()));
          check(failures, where + " auth r", a.get("r").asText(), hex32(au.r()));
          check(failures, where + " auth s", a.get("s").asText(), hex32(au.s()));
          break;
        }
        default:
          check(failures, where + " personal_sign", a.get("signature").asText(), (String) e[1]);
      }
    }
    System.out.printf("viem differential (seed %d): %s transactions (%d EIP-155, %d contract"
        + " creations), %d authorizations, %d personal messages%n",
        seed, perType, eip155, creations, AUTHS, MESSAGES);
    assertTrue(failures.isEmpty(), String.join("\n", failures));
    assertEquals(PER_TYPE * TxType.values().length + AUTHS + MESSAGES, answers.size());
    assertTrue(creations > 1000 && eip155 > 2000, "creations and EIP-155 both well represented");
  }

  private static String hex32(BigInteger v) {
    String h = v.toString(16);
    return "0x" + "0".repeat(64 - h.length()) + h;
  }

  private static void check(List<String> failures, String what, String viem, String cairn) {
    if (!viem.equals(cairn)) {
      failures.add(what + ": viem " + viem + " cairn " + cairn);
    }
  }
}

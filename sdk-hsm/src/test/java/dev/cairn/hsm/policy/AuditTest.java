package dev.cairn.hsm.policy;

import static dev.cairn.hsm.policy.Fixtures.denied;
import static dev.cairn.hsm.policy.Fixtures.signed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.core.chain.AccountId;
import dev.cairn.core.encoding.Hex;
import dev.cairn.core.json.Json;
import dev.cairn.core.json.JsonObject;
import dev.cairn.core.json.JsonValue;
import dev.cairn.core.signer.SignRequest;
import dev.cairn.core.signer.SignerException;
import dev.cairn.core.signer.Signers;
import dev.cairn.cosmos.msg.MsgSend;
import dev.cairn.svm.Pubkey;
import dev.cairn.svm.programs.SystemProgram;
import dev.cairn.svm.tx.Blockhash;
import dev.cairn.svm.tx.Message;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class AuditTest {
  static final Asset ETH = Asset.nativeAsset(EvmPolicyTest.MAINNET, "ETH");

  static SignRequest pay(dev.cairn.abi.Address to, long wei) {
    return EvmPolicyTest.legacy().to(to).value(wei).build().toSignRequest(EvmPolicyTest.ALICE);
  }

  @Test
  void everyRequestIsReportedWithDecisionRuleSummaryAndKey() {
    List<AuditRecord> records = Collections.synchronizedList(new ArrayList<>());
    Fixtures.Device device = new Fixtures.Device(Signers.software(Fixtures.secp()), "vault-7", 3);
    PolicySigner s = PolicySigner.builder(device, Policy.builder().allowRecipients(EvmPolicyTest.on(EvmPolicyTest.BOB))
        .maxPerTransaction(ETH, BigInteger.valueOf(100)).build()).auditListener(records::add).build();
    signed(s, pay(EvmPolicyTest.BOB, 5));
    denied(s, pay(EvmPolicyTest.CAROL, 5), "recipients", null);
    denied(s, SignRequest.digest(new byte[32]), "uninspected", null);
    signed(s, pay(EvmPolicyTest.BOB, 6));
    assertThrows(SignerException.class, () -> s.sign(pay(EvmPolicyTest.BOB, 7))); // the device's third request fails

    List<AuditRecord.Decision> decisions = new ArrayList<>();
    for (AuditRecord r : records) {
      decisions.add(r.decision());
    }
    assertEquals(List.of(AuditRecord.Decision.ALLOWED, AuditRecord.Decision.SIGNED, AuditRecord.Decision.DENIED,
        AuditRecord.Decision.DENIED, AuditRecord.Decision.ALLOWED, AuditRecord.Decision.SIGNED, AuditRecord.Decision.ALLOWED,
        AuditRecord.Decision.FAILED), decisions);
    AuditRecord first = records.get(0);
    assertEquals(first.requestId(), records.get(1).requestId());
    assertEquals(SignRequest.Kind.EVM_TRANSACTION, first.kind());
    assertEquals(EvmPolicyTest.MAINNET, first.chain().orElseThrow());
    assertEquals(Hex.encode(pay(EvmPolicyTest.BOB, 5).digest().get()), first.digestHex().orElseThrow());
    assertEquals("vault-7", first.signer().keyId().orElseThrow());
    assertEquals(EvmPolicyTest.on(EvmPolicyTest.BOB), first.summary().orElseThrow().actions().get(0).to().orElseThrow());
    AuditRecord deniedCarol = records.get(2);
    assertEquals("recipients", deniedCarol.rule().orElseThrow());
    assertTrue(deniedCarol.reason().contains(EvmPolicyTest.CAROL.toChecksumString()), deniedCarol.reason());
    AuditRecord blind = records.get(3);
    assertEquals("uninspected", blind.rule().orElseThrow());
    assertFalse(blind.summary().isPresent());
    assertTrue(blind.chain().isEmpty());
    AuditRecord failed = records.get(7);
    assertTrue(failed.reason().contains("REJECTED_BY_USER"), failed.reason());
    assertFalse(failed.rule().isPresent());
  }

  @Test
  void jsonLinesCarryTheSummaryButNoSecret() {
    StringWriter out = new StringWriter();
    JsonLinesAuditWriter w = JsonLinesAuditWriter.to(out);
    Fixtures.Device evm = Fixtures.Device.of(Signers.software(Fixtures.secp()));
    PolicySigner s = PolicySigner.builder(evm, Policy.builder().allowChains(EvmPolicyTest.MAINNET)
        .allowUninspected(SignRequest.Kind.EVM_PERSONAL_MESSAGE).build()).auditListener(w).build();
    signed(s, pay(EvmPolicyTest.BOB, 5));
    signed(s, EvmPolicyTest.eip1559().to(EvmPolicyTest.TOKEN).data(EvmPolicyTest.erc20("a9059cbb", EvmPolicyTest.BOB,
        BigInteger.valueOf(77))).build().toSignRequest(EvmPolicyTest.ALICE));
    signed(s, SignRequest.of(SignRequest.Kind.EVM_PERSONAL_MESSAGE, EvmPolicyTest.ALICE, "hello".getBytes()));
    // Solana: an Ed25519 signer audited through the same writer
    Pubkey me = Pubkey.of(Fixtures.ed().publicKey());
    PolicySigner sol = PolicySigner.builder(Fixtures.Device.of(Signers.software(Fixtures.ed())), Policy.allowAll())
        .auditListener(w).build();
    signed(sol, SignRequest.of(SignRequest.Kind.SOLANA_MESSAGE, AccountId.of(SolanaPolicyTest.DEVNET, me.toBase58()),
        Message.compileLegacy(me, List.of(SystemProgram.transfer(me, me, 9)), Blockhash.of(new byte[32])).serialize()));
    // Cosmos amino
    signed(PolicySigner.builder(Fixtures.Device.of(Signers.software(Fixtures.secp())), Policy.allowAll())
        .auditListener(w).build(), CosmosPolicyTest.request(dev.cairn.cosmos.tx.SignMode.AMINO_JSON,
        MsgSend.of(CosmosPolicyTest.ME, CosmosPolicyTest.BOB, List.of(dev.cairn.cosmos.Coin.of("ujuno", 3)))));

    String text = out.toString();
    String[] lines = text.split("\n");
    assertEquals(10, lines.length, text);
    JsonObject token = (JsonObject) Json.parse(lines[2]);
    assertEquals("ALLOWED", ((dev.cairn.core.json.JsonString) token.get("decision")).value());
    assertTrue(lines[2].contains("\"TOKEN_TRANSFER\"") && lines[2].contains("\"units\":\"77\""), lines[2]);
    assertTrue(lines[8].contains("\"amount\":\"3 ujuno\"") && lines[8].contains("\"chain\":\"cosmos:juno-1\""), lines[8]);
    assertTrue(lines[6].contains("\"amount\":\"9 SOL\""), lines[6]);
    for (String line : lines) {
      JsonValue v = Json.parse(line); // every line is JSON
      assertTrue(v instanceof JsonObject);
    }
    // plant-and-scan: the private key and the seed appear in no form
    for (byte[] secret : List.of(Fixtures.SECP_SECRET, Fixtures.ED_SEED)) {
      String lower = text.toLowerCase(Locale.ROOT);
      assertFalse(lower.contains(Hex.encode(secret)), "hex secret in the audit log");
      assertFalse(text.contains(Base64.getEncoder().encodeToString(secret)), "base64 secret in the audit log");
      assertFalse(text.contains(Arrays.toString(secret)), "array secret in the audit log");
      assertFalse(lower.contains(Hex.encode(Arrays.copyOf(secret, 16))), "half a secret in the audit log");
    }
    // and the public key is there, so the scan looks at real key output
    assertTrue(text.contains(Hex.encode(Fixtures.secp().publicKey().compressed())));
  }

  @Test
  void aFailingListenerNeitherBreaksSigningNorIsSwallowed() {
    List<RuntimeException> reported = new ArrayList<>();
    PolicySigner s = PolicySigner.builder(Signers.software(Fixtures.secp()), Policy.builder().build())
        .auditListener(r -> {
          throw new IllegalStateException("disk full");
        })
        .onAuditFailure(reported::add).build();
    signed(s, pay(EvmPolicyTest.BOB, 1));
    denied(s, SignRequest.digest(new byte[32]), "uninspected", null);
    assertEquals(3, s.auditFailures()); // ALLOWED, SIGNED, DENIED
    assertEquals(3, reported.size());
    assertEquals("disk full", reported.get(0).getMessage());

    // with the default handler (java.util.logging) it is counted as well
    PolicySigner logged = PolicySigner.builder(Signers.software(Fixtures.secp()), Policy.builder().build())
        .auditListener(r -> {
          throw new IllegalStateException("disk full");
        }).build();
    signed(logged, pay(EvmPolicyTest.BOB, 1));
    assertEquals(2, logged.auditFailures());
  }

  @Test
  void theJsonWriterReportsIoFailuresAsUnchecked() throws Exception {
    Writer broken = new Writer() {
      @Override
      public void write(char[] cbuf, int off, int len) throws IOException {
        throw new IOException("no space");
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
    List<RuntimeException> reported = new ArrayList<>();
    PolicySigner s = PolicySigner.builder(Signers.software(Fixtures.secp()), Policy.builder().build())
        .auditListener(JsonLinesAuditWriter.to(broken)).onAuditFailure(reported::add).build();
    assertTrue(s.signAsync(pay(EvmPolicyTest.BOB, 1)).get(10, TimeUnit.SECONDS) != null);
    assertEquals(2, reported.size());
    assertTrue(reported.get(0) instanceof java.io.UncheckedIOException);
  }

  @Test
  void deniedRequestsDoNotReachTheDeviceAndTheExceptionNamesTheRule() throws Exception {
    Fixtures.Device d = Fixtures.Device.of(Signers.software(Fixtures.secp()));
    PolicySigner s = PolicySigner.wrap(d, Policy.builder().allowRecipients(EvmPolicyTest.on(EvmPolicyTest.BOB)).build());
    ExecutionException e = assertThrows(ExecutionException.class,
        () -> s.signAsync(pay(EvmPolicyTest.CAROL, 1)).get(10, TimeUnit.SECONDS));
    SignerException se = (SignerException) e.getCause();
    assertEquals("policy.recipients: recipient " + EvmPolicyTest.on(EvmPolicyTest.CAROL) + " is not allowed (POLICY_DENIED)",
        se.getMessage());
    assertEquals(0, d.asked.get());
    // toString of the policy signer shows no key material
    assertFalse(s.toString().toLowerCase(Locale.ROOT).contains(Hex.encode(Fixtures.SECP_SECRET)));
  }
}

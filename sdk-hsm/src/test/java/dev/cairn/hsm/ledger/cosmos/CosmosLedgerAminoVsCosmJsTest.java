package dev.cairn.hsm.ledger.cosmos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.core.encoding.Hex;
import dev.cairn.core.hd.Bip32Key;
import dev.cairn.core.hd.DerivationPath;
import dev.cairn.core.hd.Mnemonic;
import dev.cairn.core.signer.SignerException;
import dev.cairn.core.signer.Signers;
import dev.cairn.cosmos.Coin;
import dev.cairn.cosmos.CosmosPublicKey;
import dev.cairn.cosmos.msg.MsgSend;
import dev.cairn.cosmos.tx.CosmosTransaction;
import dev.cairn.cosmos.tx.SignMode;
import dev.cairn.cosmos.tx.SignedCosmosTransaction;
import dev.cairn.cosmos.tx.TxSigner;
import dev.cairn.hsm.emulator.CosmosEmulatorApp;
import dev.cairn.hsm.emulator.LedgerEmulator;
import dev.cairn.hsm.emulator.ScriptedUser;
import dev.cairn.hsm.ledger.hid.HidTransport;
import dev.cairn.testing.oracle.LazyOracle;
import dev.cairn.testing.oracle.OracleScript;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * A Cosmos transaction signed by the emulated Ledger in amino mode (sdk-cosmwasm's {@code
 * CosmosTransaction} through {@link CosmosLedgerSigner}, over the HID pipe) is byte-identical to
 * CosmJS's ({@code SigningStargateClient} with an amino {@code Secp256k1Wallet}) for the same key:
 * tools/cosmos-oracle/cosmos.mjs driven through testing-kit's oracle classes. Also equal to
 * sdk-cosmwasm's software-key signature.
 */
class CosmosLedgerAminoVsCosmJsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final LazyOracle COSMJS = OracleScript
      .of(Path.of(System.getProperty("cairn.cosmosOracle", "../tools/cosmos-oracle")).resolve("cosmos.mjs"))
      .requirePackages("@cosmjs/stargate", "@cosmjs/proto-signing", "@cosmjs/amino", "cosmjs-types")
      .timeout(Duration.ofSeconds(60))
      .lazy();
  private static final DerivationPath PATH = DerivationPath.parse("m/44'/118'/0'/0/0");

  @AfterAll
  static void stop() {
    COSMJS.close();
  }

  private static CosmosTransaction transfer(byte[] pk, String from, Random r) {
    return CosmosTransaction.builder("cosmoshub-4")
        .message(MsgSend.of(from, dev.cairn.core.encoding.Bech32.encode("cosmos", Hex.decode("00112233445566778899aabbccddeeff01234567"), dev.cairn.core.encoding.Bech32.Variant.BECH32),
            List.of(Coin.of("uatom", 1 + r.nextInt(1_000_000)))))
        .memo("ledger " + r.nextInt(1000))
        .fee(List.of(Coin.of("uatom", 500 + r.nextInt(5000))), 200_000)
        .signer(TxSigner.of(CosmosPublicKey.of(CosmosPublicKey.Type.SECP256K1, pk), "cosmos", 12 + r.nextInt(100),
            r.nextInt(40), SignMode.AMINO_JSON))
        .build();
  }

  @Test
  void aminoTransactionSignedByTheLedgerIsByteIdenticalToCosmJs() throws Exception {
    Bip32Key key = Bip32Key.fromSeed(Mnemonic.parse(LedgerEmulator.TEST_MNEMONIC).toSeed("")).derive(PATH);
    Random r = new Random(118);
    try (LedgerEmulator emu = LedgerEmulator.builder().app(CosmosEmulatorApp.create()).build();
        CosmosLedgerSigner ledger = CosmosLedgerSigner.open(CosmosApp.over(HidTransport.open(emu.hidDevice())), PATH, "cosmos");
        var software = Signers.software(key.privateKey())) {
      for (int i = 0; i < 4; i++) {
        CosmosTransaction tx = transfer(ledger.publicKey(), ledger.address(), r);
        SignedCosmosTransaction signed = tx.sign(List.of(ledger));
        SignedCosmosTransaction bySoftware = tx.sign(List.of(software));
        assertEquals(Hex.encode(bySoftware.encoded()), Hex.encode(signed.encoded()), "Ledger and software key");

        MsgSend m = (MsgSend) tx.body().messages().get(0);
        ObjectNode c = JSON.createObjectNode();
        c.put("privateKey", Hex.encode(key.privateKey().bytes()));
        c.put("keyType", "secp256k1");
        c.put("prefix", "cosmos");
        c.put("chainId", "cosmoshub-4");
        c.put("accountNumber", Long.toString(tx.signers().get(0).accountNumber()));
        c.put("sequence", Long.toString(tx.signers().get(0).sequence()));
        c.put("mode", "amino");
        ObjectNode value = JSON.createObjectNode();
        value.put("fromAddress", m.fromAddress());
        value.put("toAddress", m.toAddress());
        ArrayNode amount = value.putArray("amount");
        for (Coin coin : m.amount()) {
          amount.addObject().put("denom", coin.denom()).put("amount", coin.amount().toString());
        }
        c.putArray("msgs").addObject().put("typeUrl", MsgSend.TYPE_URL).set("value", value);
        ObjectNode fee = c.putObject("fee");
        ArrayNode feeAmount = fee.putArray("amount");
        for (Coin coin : tx.fee().amount()) {
          feeAmount.addObject().put("denom", coin.denom()).put("amount", coin.amount().toString());
        }
        fee.put("gas", Long.toString(tx.fee().gasLimit()));
        fee.put("payer", "");
        fee.put("granter", "");
        c.put("memo", tx.body().memo());
        c.put("timeoutHeight", "0");
        ObjectNode req = JSON.createObjectNode();
        req.put("op", "signBatch");
        req.putArray("cases").add(c);
        JsonNode res = JSON.readTree(COSMJS.get().call(JSON.writeValueAsString(req))).path("results").path(0);
        assertTrue(res.path("ok").asBoolean(), res.toString());
        assertEquals(res.path("signDoc").asText(), tx.aminoSignDoc(0), "amino sign document");
        assertEquals(res.path("txRaw").asText(), Base64.getEncoder().encodeToString(signed.encoded()), "TxRaw");
        assertEquals(res.path("txHash").asText(), signed.id(), "hash");
        assertTrue(res.path("verified").asBoolean());
      }
      assertEquals(4, emu.user().prompts().size(), "each transaction shown to the user once");
    }
  }

  @Test
  void rejectionByTheUserIsSignerRejected() {
    try (LedgerEmulator emu = LedgerEmulator.builder().app(CosmosEmulatorApp.create()).build();
        CosmosLedgerSigner ledger = CosmosLedgerSigner.open(CosmosApp.over(HidTransport.open(emu.hidDevice())), PATH, "cosmos")) {
      emu.user().script(ScriptedUser.Decision.REJECT);
      CosmosTransaction tx = transfer(ledger.publicKey(), ledger.address(), new Random(1));
      SignerException e = assertThrows(SignerException.class, () -> tx.sign(List.of(ledger)));
      assertEquals(SignerException.Reason.REJECTED_BY_USER, e.reason());
      assertEquals(dev.cairn.core.chain.ErrorKind.SIGNER_REJECTED,
          dev.cairn.core.chain.ChainErrors.fromThrowable(tx.chainId(), e).kind());
    }
  }
}

package dev.cairn.hsm.pkcs11;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.core.json.Json;
import dev.cairn.core.json.JsonObject;
import dev.cairn.core.signer.KeyType;
import dev.cairn.cosmos.Coin;
import dev.cairn.cosmos.CosmosPublicKey;
import dev.cairn.cosmos.msg.MsgSend;
import dev.cairn.cosmos.tx.CosmosTransaction;
import dev.cairn.cosmos.tx.Fee;
import dev.cairn.cosmos.tx.SignMode;
import dev.cairn.cosmos.tx.SignedCosmosTransaction;
import dev.cairn.cosmos.tx.TxSigner;
import dev.cairn.testing.oracle.LazyOracle;
import dev.cairn.testing.oracle.OracleScript;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A Cosmos transaction (SIGN_MODE_DIRECT, MsgSend) signed by a secp256k1 key generated in SoftHSM2:
 * sdk-cosmwasm accepts the signature (it verifies each one against its sign document), and CosmJS
 * 0.39 ({@code tools/cosmos-oracle/verify-direct.mjs}) rebuilds the sign document from the TxRaw and
 * verifies it too. Byte identity of the TxRaw with CosmJS's for the same key and fields is what
 * sdk-cosmwasm's differential tests show for every signer (the signature is the only part the key
 * decides, and ECDSA in the token uses random nonces, so it cannot be byte-compared).
 */
class Pkcs11CosmosIT {
  private static final LazyOracle COSMJS = OracleScript
      .of(Path.of(System.getProperty("cairn.cosmosOracle", "../tools/cosmos-oracle")).resolve("verify-direct.mjs"))
      .requirePackages("@cosmjs/proto-signing", "@cosmjs/amino", "@cosmjs/crypto", "cosmjs-types")
      .correlateById("id")
      .timeout(Duration.ofSeconds(120))
      .handshake("{\"op\":\"version\"}", answer -> answer.contains("\"cosmjs\":\"0.39.0\""))
      .setupHint("run scripts/setup.sh (it installs tools/cosmos-oracle's pinned CosmJS packages)")
      .lazy();

  private static JsonObject verify(SignedCosmosTransaction tx, String chainId, long accountNumber) {
    String answer = COSMJS.get().call("{\"txRaw\":\"" + Base64.getEncoder().encodeToString(tx.encoded())
        + "\",\"chainId\":\"" + chainId + "\",\"accountNumber\":\"" + accountNumber + "\",\"prefix\":\"cosmos\"}");
    JsonObject o = Json.parse(answer).asObject("answer");
    assertTrue(o.get("ok").asBoolean("ok"), answer);
    return o;
  }

  @Test
  void aTransactionSignedInSoftHsmIsVerifiedBySdkCosmwasmAndCosmJs() {
    try (Pkcs11Signer hsm = Pkcs11Signer.open(SoftHsm.config(), Pkcs11Key.generate(KeyType.SECP256K1,
        SoftHsm.uniqueLabel("cosmos")), SoftHsm.pin())) {
      CosmosPublicKey pub = CosmosPublicKey.of(CosmosPublicKey.Type.SECP256K1, hsm.publicKey());
      String sender = pub.address("cosmos").toString();
      String chainId = "cairn-hsm-1";
      String recipient = CosmosPublicKey.of(CosmosPublicKey.Type.SECP256K1, dev.cairn.core.crypto.Secp256k1PrivateKey
          .of(dev.cairn.core.hash.Keccak256.hash(new byte[] {9})).publicKey().compressed()).address("cosmos").toString();
      for (int i = 0; i < 4; i++) {
        long accountNumber = 17 + i;
        long sequence = 3 + i;
        CosmosTransaction tx = CosmosTransaction.builder(chainId)
            .messages(List.of(MsgSend.of(sender, recipient, List.of(Coin.of("uatom", 1000 + i)))))
            .fee(Fee.of(List.of(Coin.of("uatom", 500)), 200_000)).memo("signed in SoftHSM2 #" + i)
            .signer(TxSigner.of(pub, "cosmos", accountNumber, sequence, SignMode.DIRECT)).build();
        SignedCosmosTransaction signed = tx.sign(List.of(hsm)); // sdk-cosmwasm verifies each signature (low s)
        JsonObject cosmjs = verify(signed, chainId, accountNumber);
        assertTrue(cosmjs.get("verified").asBoolean("verified"), "CosmJS verifies the HSM signature");
        assertEquals(sender, cosmjs.get("signer").asString("signer"));
        assertEquals(String.valueOf(sequence), cosmjs.get("sequence").asString("sequence"));
        // and a wrong account number (another sign document) does not verify: the check can fail
        assertFalse(verify(signed, chainId, accountNumber + 1).get("verified").asBoolean("verified"));
      }
    }
  }
}

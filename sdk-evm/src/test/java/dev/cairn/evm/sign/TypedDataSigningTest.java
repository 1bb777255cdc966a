package dev.cairn.evm.sign;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cairn.abi.Address;
import dev.cairn.abi.eip712.TypedData;
import dev.cairn.core.chain.AccountId;
import dev.cairn.core.chain.ChainId;
import dev.cairn.core.crypto.Secp256k1PrivateKey;
import dev.cairn.core.encoding.Hex;
import dev.cairn.core.hash.Keccak256;
import dev.cairn.core.signer.SignRequest;
import dev.cairn.core.signer.Signers;
import dev.cairn.core.testing.TestData;
import org.junit.jupiter.api.Test;

class TypedDataSigningTest {

  @Test
  void eip712MailExample() throws Exception {
    ObjectMapper m = new ObjectMapper();
    JsonNode v = m.readTree(TestData.read("eip/eip712_mail_example.json"));
    TypedData td = TypedData.parseJson(m.writeValueAsString(v.get("typedData")));
    byte[] key = Hex.decode(v.get("privateKey").asText());
    String want = v.get("signatureHex").asText();
    assertEquals(v.get("digest").asText(), Hex.encodePrefixed(td.digest()));
    assertEquals(want, EvmSigning.signTypedData(td, Secp256k1PrivateKey.of(key)).toHex());
    assertEquals(want, EvmSigning.signTypedData(td, Signers.software(Secp256k1PrivateKey.of(key))).toHex());
    assertEquals(Address.parse(v.get("address").asText()),
        EvmSigning.recoverTypedData(td, EvmSignature.fromHex(want)));
    AccountId account = AccountId.of(ChainId.eip155(EvmSigning.domainChainId(td).orElse(1)), v.get("address").asText());
    SignRequest req = EvmSigning.typedDataRequest(account, td);
    assertEquals(SignRequest.Kind.EVM_TYPED_DATA, req.kind());
    assertEquals(account, req.account().orElseThrow());
    assertArrayEquals(td.digest(), Keccak256.hash(req.payload()));
    assertArrayEquals(td.digest(), req.digest().get());
  }

  @Test
  void domainOnlyTypedDataIsSignedAsDigest() throws Exception {
    String json = "{\"types\":{\"EIP712Domain\":[{\"name\":\"name\",\"type\":\"string\"}]},"
        + "\"primaryType\":\"EIP712Domain\",\"domain\":{\"name\":\"x\"},\"message\":{}}";
    TypedData td = TypedData.parseJson(json);
    SignRequest req = EvmSigning.typedDataRequest(null, td);
    assertEquals(SignRequest.Kind.DIGEST, req.kind());
    Secp256k1PrivateKey key = Secp256k1PrivateKey.of(Keccak256.hash(new byte[] {1}));
    EvmSignature s = EvmSigning.signTypedData(td, key);
    assertEquals(Address.fromPublicKey(key.publicKey()), EvmSigning.recoverTypedData(td, s));
  }
}

package dev.cairn.evm.tx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cairn.abi.Address;
import dev.cairn.core.crypto.Secp256k1PrivateKey;
import dev.cairn.core.encoding.Hex;
import dev.cairn.core.hash.Keccak256;
import dev.cairn.core.testing.TestData;
import org.junit.jupiter.api.Test;

/** CREATE and CREATE2 addresses against ethers' vectors (create.json, create2.json). */
class ContractAddressTest {

  @Test
  void createVectors() throws Exception {
    JsonNode senders = new ObjectMapper().readTree(TestData.read("ethers/create.json"));
    int n = 0;
    for (JsonNode s : senders) {
      Address sender = Address.parse(s.get("sender").asText());
      for (JsonNode c : s.get("creates")) {
        Address got = ContractAddress.create(sender, c.get("nonce").asLong());
        assertEquals(c.get("address").asText(), got.toChecksumString(), c.get("name").asText());
        n++;
      }
    }
    assertEquals(16, senders.size());
    assertEquals(160, n, "cases in create.json");
  }

  @Test
  void create2Vectors() throws Exception {
    JsonNode senders = new ObjectMapper().readTree(TestData.read("ethers/create2.json"));
    int n = 0;
    for (JsonNode s : senders) {
      Address deployer = Address.parse(s.get("sender").asText());
      for (JsonNode c : s.get("creates")) {
        byte[] salt = Hex.decode(c.get("salt").asText());
        byte[] initCode = Hex.decode(c.get("initCode").asText());
        byte[] initCodeHash = Hex.decode(c.get("initCodeHash").asText());
        assertEquals(Hex.encodePrefixed(initCodeHash), Hex.encodePrefixed(Keccak256.hash(initCode)));
        String want = c.get("address").asText();
        assertEquals(want, ContractAddress.create2(deployer, salt, initCode).toChecksumString());
        assertEquals(want, ContractAddress.create2WithHash(deployer, salt, initCodeHash).toChecksumString());
        n++;
      }
    }
    assertEquals(16, senders.size());
    assertEquals(128, n, "cases in create2.json");
  }

  @Test
  void contractCreationTransactionGivesTheCreateAddress() {
    Secp256k1PrivateKey key = Secp256k1PrivateKey.of(Hex.decode(
        "4646464646464646464646464646464646464646464646464646464646464646"));
    SignedTransaction st = Transaction.eip1559().chainId(1).nonce(7).gasLimit(100_000)
        .maxFeePerGas(10).maxPriorityFeePerGas(1).data(new byte[] {0x60, 0x00}).build().sign(key);
    assertEquals(ContractAddress.create(st.from(), 7), ContractAddress.create(st));
    SignedTransaction call = Transaction.eip1559().chainId(1).to(Address.ZERO).build().sign(key);
    assertThrows(EvmTxException.class, () -> ContractAddress.create(call));
    assertThrows(EvmTxException.class, () -> ContractAddress.create2(Address.ZERO, new byte[31], new byte[0]));
  }
}

package dev.cairn.evm.rpc;

import dev.cairn.transport.*;
/** Response payloads in the shapes anvil (foundry 1.x) and geth return, trimmed to one block/tx. */
final class Fixtures {
  private Fixtures() {}

  static final String BLOCK_HASH = "0x6c3d8e7a6d0f2e5f6d2d5a7b5f7c7b0e2b5c0d1c4f7e2a9b8c3d4e5f60718293";
  static final String PARENT_HASH = "0x1b4c2e5d3f7a9b8c0d1e2f3a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f1a2b3c";
  static final String STATE_ROOT = "0xd7f8974fb5ac78d9ac099b9ad5018bedc2ce0a72dad1827a1709da30580f0544";
  static final String TX_HASH = "0x5e2a3b0d6c7f1e8a9b4c3d2e1f0a9b8c7d6e5f4a3b2c1d0e9f8a7b6c5d4e3f2a";
  static final String FROM = "0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266";
  static final String TO = "0x70997970c51812dc3a010c7d01b50e0d17dc79c8";
  static final String CONTRACT = "0x5fbdb2315678afecb367f032d93f642f64180aa3";
  static final String ZERO_BLOOM = "0x" + "0".repeat(512);
  static final String TOPIC0 = "0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef";

  static String envelope(String result) {
    return "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":" + result + "}";
  }

  static final String TX = "{"
      + "\"hash\":\"" + TX_HASH + "\","
      + "\"nonce\":\"0x0\","
      + "\"blockHash\":\"" + BLOCK_HASH + "\","
      + "\"blockNumber\":\"0x1\","
      + "\"transactionIndex\":\"0x0\","
      + "\"from\":\"" + FROM + "\","
      + "\"to\":\"" + TO + "\","
      + "\"value\":\"0xde0b6b3a7640000\","
      + "\"gasPrice\":\"0x3b9aca00\","
      + "\"gas\":\"0x5208\","
      + "\"maxFeePerGas\":\"0x77359400\","
      + "\"maxPriorityFeePerGas\":\"0x3b9aca00\","
      + "\"input\":\"0x\","
      + "\"r\":\"0x8d5c54bd3a9c4b4f2a4f13c2b2e6a8b0f7b6ab1fd2f1f3d3e1e5f6a7b8c9d0e1\","
      + "\"s\":\"0x2b7f1e0c3a5d9e8f7a6b5c4d3e2f1a0b9c8d7e6f5a4b3c2d1e0f9a8b7c6d5e4f\","
      + "\"v\":\"0x1\","
      + "\"yParity\":\"0x1\","
      + "\"chainId\":\"0x7a69\","
      + "\"accessList\":[],"
      + "\"type\":\"0x2\""
      + "}";

  static String block(String transactions) {
    return "{"
        + "\"hash\":\"" + BLOCK_HASH + "\","
        + "\"parentHash\":\"" + PARENT_HASH + "\","
        + "\"sha3Uncles\":\"0x1dcc4de8dec75d7aab85b567b6ccd41ad312451b948a7413f0a142fd40d49347\","
        + "\"miner\":\"0x0000000000000000000000000000000000000000\","
        + "\"stateRoot\":\"" + STATE_ROOT + "\","
        + "\"transactionsRoot\":\"0x3c2e1f0a9b8c7d6e5f4a3b2c1d0e9f8a7b6c5d4e3f2a1b0c9d8e7f6a5b4c3d2e\","
        + "\"receiptsRoot\":\"0x056b23fbba480696b65fe5a59b8f2148a1299103c4f57df839233af2cf4ca2d2\","
        + "\"logsBloom\":\"" + ZERO_BLOOM + "\","
        + "\"difficulty\":\"0x0\","
        + "\"number\":\"0x1\","
        + "\"gasLimit\":\"0x1c9c380\","
        + "\"gasUsed\":\"0x5208\","
        + "\"timestamp\":\"0x66a1b2c3\","
        + "\"totalDifficulty\":\"0x0\","
        + "\"extraData\":\"0x\","
        + "\"mixHash\":\"0x0000000000000000000000000000000000000000000000000000000000000000\","
        + "\"nonce\":\"0x0000000000000000\","
        + "\"baseFeePerGas\":\"0x3b9aca00\","
        + "\"withdrawalsRoot\":\"0x56e81f171bcc55a6ff8345e692c0f86e5b48e01b996cadc001622fb5e363b421\","
        + "\"blobGasUsed\":\"0x0\","
        + "\"excessBlobGas\":\"0x0\","
        + "\"parentBeaconBlockRoot\":\"0x0000000000000000000000000000000000000000000000000000000000000000\","
        + "\"size\":\"0x2c6\","
        + "\"uncles\":[],"
        + "\"transactions\":" + transactions + ","
        + "\"withdrawals\":[]"
        + "}";
  }

  static final String LOG = "{"
      + "\"address\":\"" + CONTRACT + "\","
      + "\"topics\":[\"" + TOPIC0 + "\","
      + "\"0x000000000000000000000000f39fd6e51aad88f6f4ce6ab8827279cfffb92266\","
      + "\"0x00000000000000000000000070997970c51812dc3a010c7d01b50e0d17dc79c8\"],"
      + "\"data\":\"0x00000000000000000000000000000000000000000000000000000000000003e8\","
      + "\"blockHash\":\"" + BLOCK_HASH + "\","
      + "\"blockNumber\":\"0x1\","
      + "\"blockTimestamp\":\"0x66a1b2c3\","
      + "\"transactionHash\":\"" + TX_HASH + "\","
      + "\"transactionIndex\":\"0x0\","
      + "\"logIndex\":\"0x0\","
      + "\"removed\":false"
      + "}";

  static final String RECEIPT = "{"
      + "\"status\":\"0x1\","
      + "\"cumulativeGasUsed\":\"0x8c7e\","
      + "\"logs\":[" + LOG + "],"
      + "\"logsBloom\":\"" + ZERO_BLOOM + "\","
      + "\"type\":\"0x2\","
      + "\"transactionHash\":\"" + TX_HASH + "\","
      + "\"transactionIndex\":\"0x0\","
      + "\"blockHash\":\"" + BLOCK_HASH + "\","
      + "\"blockNumber\":\"0x1\","
      + "\"gasUsed\":\"0x8c7e\","
      + "\"effectiveGasPrice\":\"0x3b9aca00\","
      + "\"from\":\"" + FROM + "\","
      + "\"to\":null,"
      + "\"contractAddress\":\"" + CONTRACT + "\""
      + "}";

  static final String FEE_HISTORY = "{"
      + "\"oldestBlock\":\"0x5\","
      + "\"baseFeePerGas\":[\"0x3b9aca00\",\"0x3b9aca00\",\"0x342770c0\",\"0x2da282a8\"],"
      + "\"gasUsedRatio\":[0.5,0.0,0.00175],"
      + "\"baseFeePerBlobGas\":[\"0x1\",\"0x1\",\"0x1\",\"0x1\"],"
      + "\"blobGasUsedRatio\":[0.0,0.0,0.0],"
      + "\"reward\":[[\"0x1\",\"0x3b9aca00\",\"0x77359400\"],[\"0x0\",\"0x0\",\"0x0\"],[\"0x3\",\"0x59682f00\",\"0xb2d05e00\"]]"
      + "}";

  static final String PROOF = "{"
      + "\"address\":\"" + FROM + "\","
      + "\"balance\":\"0x21e19e0c9bab2400000\","
      + "\"codeHash\":\"0xc5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470\","
      + "\"nonce\":\"0x0\","
      + "\"storageHash\":\"0x56e81f171bcc55a6ff8345e692c0f86e5b48e01b996cadc001622fb5e363b421\","
      + "\"accountProof\":[\"0xf90211a0aa\",\"0xf8719fbb\"],"
      + "\"storageProof\":[{\"key\":\"0x0\",\"value\":\"0x0\",\"proof\":[]},"
      + "{\"key\":\"0x0000000000000000000000000000000000000000000000000000000000000001\",\"value\":\"0x2a\",\"proof\":[\"0xe2a0cc\"]}]"
      + "}";
}

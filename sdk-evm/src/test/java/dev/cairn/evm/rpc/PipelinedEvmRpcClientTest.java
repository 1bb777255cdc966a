package dev.cairn.evm.rpc;

import dev.cairn.transport.*;
/** Every case of {@link EvmRpcClientTest}, over Cairn's pipelined HTTP/1.1 channel instead of OkHttp. */
class PipelinedEvmRpcClientTest extends EvmRpcClientTest {
  @Override
  EvmRpcClient.Builder builder(String url) {
    return EvmRpcClient.builder(url).pipelinedHttp1(2);
  }
}

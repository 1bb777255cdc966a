package dev.cairn.evm.rpc;

import dev.cairn.transport.*;
/** Every case of {@link RpcFailureTest}, over Cairn's pipelined HTTP/1.1 channel instead of OkHttp. */
class PipelinedRpcFailureTest extends RpcFailureTest {
  @Override
  EvmRpcClient.Builder builder(String url) {
    return EvmRpcClient.builder(url).pipelinedHttp1(2);
  }
}

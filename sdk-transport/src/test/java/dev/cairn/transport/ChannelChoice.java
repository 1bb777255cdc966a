package dev.cairn.transport;

/** The two HTTP channels, for tests that run over both. */
enum ChannelChoice {
  OKHTTP, PIPELINED;

  JsonRpcClient.Builder rpc(String url) {
    JsonRpcClient.Builder b = JsonRpcClient.builder(url);
    return this == OKHTTP ? b.okHttp() : b.pipelinedHttp1(2);
  }

  RestClient.Builder rest(String url) {
    RestClient.Builder b = RestClient.builder(url);
    return this == OKHTTP ? b.okHttp() : b.pipelinedHttp1(2);
  }
}

package dev.cairn.apicheck.snippets;

import dev.cairn.testing.fault.Fault;
import dev.cairn.testing.fault.FaultProxy;
import dev.cairn.testing.fault.FaultRule;

/** The package-info example of the faults stream's package, compiled against the real module. */
@SuppressWarnings({"unused", "UnusedVariable"})
final class FaultsSnippets {
  private FaultsSnippets() {}

  static void proxy(String nodeUrl) throws java.io.IOException {
    // region:dev.cairn.testing.fault
    try (FaultProxy proxy = FaultProxy.start(nodeUrl)) {
      proxy.rule(FaultRule.onMethod("eth_blockNumber", Fault.unavailable(1)).times(1));
      proxy.nth(2, Fault.resetMidResponse());
      String url = proxy.url(); // point the client under test here
    }
    // endregion
  }
}

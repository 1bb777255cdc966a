package dev.cairn.evm;

import static dev.cairn.evm.testing.TestContracts.devSigner;

import dev.cairn.core.chain.AccountId;
import dev.cairn.core.chain.Amount;
import dev.cairn.core.chain.ChainAdapter;
import dev.cairn.core.chain.Denomination;
import dev.cairn.core.chain.UnsignedTransaction;
import dev.cairn.core.signer.Signer;
import dev.cairn.core.signer.SoftwareSigner;
import dev.cairn.testing.node.Anvil;
import dev.cairn.testing.node.AnvilExtension;
import dev.cairn.evm.testing.TestContracts;
import dev.cairn.testing.conformance.ChainAdapterConformance;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

/** sdk-evm's adapter passes the chain adapter conformance suite against anvil. */
@ExtendWith(AnvilExtension.class)
class EvmChainAdapterConformanceIT extends ChainAdapterConformance {
  private static Anvil anvil;
  private static EvmChainAdapter adapter;
  private static SoftwareSigner funded;

  @BeforeAll
  static void start(Anvil a) {
    anvil = a;
    adapter = TestContracts.adapter(a);
    funded = devSigner(7);
  }

  @AfterAll
  static void stop() {
    adapter.close();
    funded.close();
  }

  @Override
  protected ChainAdapter adapter() {
    return adapter;
  }

  @Override
  protected ChainAdapter newAdapter() {
    return TestContracts.adapter(anvil);
  }

  @Override
  protected Signer fundedSigner() {
    return funded;
  }

  @Override
  protected AccountId recipient() {
    return adapter.accountOf(TestContracts.devAddress(9));
  }

  @Override
  protected Amount transferAmount() {
    return Amount.of(1_000_000_007L, Denomination.ETH);
  }

  @Override
  protected String unknownTransactionId() {
    return "0x" + "11".repeat(32);
  }

  @Override
  protected byte[] stateKey() {
    return new byte[32];
  }

  @Override
  protected Optional<byte[]> invalidStateKey() {
    return Optional.of(new byte[5]);
  }

  @Override
  protected void abandon(UnsignedTransaction built) {
    ((EvmUnsignedTransaction) built).abandon();
  }
}

package dev.cairn.hsm.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.core.chain.AccountId;
import dev.cairn.core.chain.ChainId;
import dev.cairn.core.signer.SignRequest;
import dev.cairn.core.signer.SignerException;
import dev.cairn.core.signer.Signers;
import java.math.BigInteger;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class PolicyBuilderTest {
  static void invalid(String field, org.junit.jupiter.api.function.Executable e) {
    SignerException x = assertThrows(SignerException.class, e);
    assertEquals(SignerException.Reason.INVALID_REQUEST, x.reason());
    assertEquals(field, x.field(), x.getMessage());
  }

  @Test
  void badArgumentsAreTypedAndNamed() {
    Asset eth = Asset.nativeAsset(ChainId.eip155(1), "ETH");
    invalid("policy.chains", () -> Policy.builder().allowChains((ChainId) null));
    invalid("policy.recipients", () -> Policy.builder().allowRecipients((AccountId[]) null));
    invalid("policy.maxUnits", () -> Policy.builder().maxPerTransaction(eth, BigInteger.valueOf(-1)));
    invalid("policy.window", () -> Policy.builder().maxPerWindow(eth, BigInteger.ONE, Duration.ZERO));
    invalid("policy.asset", () -> Policy.builder().maxPerTransaction(null, BigInteger.ONE));
    invalid("policy.methods", () -> Policy.builder().allowMethods(EvmPolicyTest.on(EvmPolicyTest.ROUTER), ""));
    invalid("asset.denomination", () -> Asset.nativeAsset(ChainId.eip155(1), ""));
    invalid("asset.token", () -> Asset.token(null));
    invalid("signer", () -> PolicySigner.wrap(null, Policy.allowAll()));
    invalid("policy", () -> PolicySigner.wrap(Signers.software(Fixtures.secp()), null));
    invalid("clock", () -> PolicySigner.builder(Signers.software(Fixtures.secp()), Policy.allowAll()).clock(null));
    invalid("out", () -> JsonLinesAuditWriter.to(null));
  }

  @Test
  void assetsCompareEvmAddressesWithoutCase() {
    ChainId c = ChainId.eip155(1);
    Asset a = Asset.token(AccountId.of(c, "0x6B175474E89094C44Da98b954EedeAC495271d0F"));
    Asset b = Asset.token(AccountId.of(c, "0x6b175474e89094c44da98b954eedeac495271d0f"));
    assertEquals(a, b);
    assertEquals(a.hashCode(), b.hashCode());
    assertNotEquals(Asset.nativeAsset(c, "ETH"), Asset.nativeAsset(ChainId.eip155(10), "ETH"));
    assertTrue(a.isToken());
    assertEquals("eip155:1/native:ETH", Asset.nativeAsset(c, "ETH").toString());
  }

  @Test
  void aPolicyIsImmutableOnceBuilt() {
    Policy.Builder b = Policy.builder().allowUninspected(SignRequest.Kind.DIGEST);
    Policy p = b.build();
    b.allowUninspected(SignRequest.Kind.MESSAGE).allowChains(ChainId.eip155(5));
    assertEquals(java.util.Set.of(SignRequest.Kind.DIGEST), p.uninspectedKinds());
    assertThrows(UnsupportedOperationException.class, () -> p.uninspectedKinds().add(SignRequest.Kind.MESSAGE));
    PolicySigner s = PolicySigner.wrap(Signers.software(Fixtures.secp()), p);
    // the later allowChains(eip155:5) does not apply to the built policy: mainnet still signs
    Fixtures.signed(s, EvmPolicyTest.legacy().to(EvmPolicyTest.BOB).value(1).build().toSignRequest(EvmPolicyTest.ALICE));
  }
}

package dev.cairn.hsm.policy;

import dev.cairn.core.signer.Signer;
import dev.cairn.core.signer.Signers;
import dev.cairn.testing.conformance.SignerConformance;
import java.io.StringWriter;
import java.util.Optional;
import org.junit.jupiter.api.Nested;

/** A policy signer whose policy allows everything behaves as the signer it wraps (secp256k1 and Ed25519), auditing all the while. */
class PolicySignerConformanceTest {
  @Nested
  class Secp256k1 extends SignerConformance {
    @Override
    protected Signer createSigner() {
      return PolicySigner.builder(Signers.software(Fixtures.secp()), Policy.allowAll())
          .auditListener(JsonLinesAuditWriter.to(new StringWriter())).build();
    }

    @Override
    protected Optional<byte[]> secret() {
      return Optional.of(Fixtures.SECP_SECRET.clone());
    }
  }

  @Nested
  class Ed25519 extends SignerConformance {
    @Override
    protected Signer createSigner() {
      return PolicySigner.builder(Signers.software(Fixtures.ed()), Policy.allowAll())
          .auditListener(JsonLinesAuditWriter.to(new StringWriter())).build();
    }

    @Override
    protected Optional<byte[]> secret() {
      return Optional.of(Fixtures.ED_SEED.clone());
    }
  }
}

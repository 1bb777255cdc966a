package dev.cairn.cosmos.oracle;

/**
 * The full differential run: {@value CosmJsDifferentialTest#FULL_CASES} random transactions per
 * message type against CosmJS (about 17,000 signatures; a few minutes on a shared machine, hence an
 * integration test). {@code -Dcosmos.diff.cases=N} overrides the count.
 */
class CosmJsDifferentialIT extends CosmJsDifferentialTest {
  @Override
  int cases() {
    return Integer.getInteger("cosmos.diff.cases", FULL_CASES);
  }
}

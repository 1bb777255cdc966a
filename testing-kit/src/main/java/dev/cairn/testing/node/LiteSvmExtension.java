package dev.cairn.testing.node;

/**
 * JUnit 5 extension: a {@link LiteSvm} node per test class, injected as a parameter of type {@code
 * LiteSvm}. When node or the npm packages are missing the tests FAIL with a message saying how to
 * install them; they are never skipped.
 *
 * <pre>{@code
 * @ExtendWith(LiteSvmExtension.class)
 * class TransferIT {
 *   @Test
 *   void airdrops(LiteSvm svm) {
 *     svm.airdrop(address, 1_000_000_000L);
 *     assertEquals(1_000_000_000L, svm.balance(address));
 *   }
 * }
 * }</pre>
 */
public final class LiteSvmExtension extends LocalNodeExtension<LiteSvm> {
  /** The extension (instantiated by JUnit). */
  public LiteSvmExtension() {
    super(LiteSvm.class);
  }

  @Override
  protected LiteSvm start(Class<?> testClass) {
    return LiteSvm.start();
  }
}

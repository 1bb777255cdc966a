package dev.cairn.testing.node;

/**
 * JUnit 5 extension: an {@link Anvil} per test class (or shared, see {@link AnvilArgs#shared()}),
 * injected as a parameter of type {@code Anvil}. When anvil is not installed the tests FAIL with
 * a message saying how to install it; they are never skipped.
 *
 * <pre>{@code
 * @ExtendWith(AnvilExtension.class)
 * @AnvilArgs({"--block-time", "1"})
 * class MyIT {
 *   @Test
 *   void sends(Anvil anvil) {
 *     assertEquals(31337, anvil.chainId());
 *   }
 * }
 * }</pre>
 */
public final class AnvilExtension extends LocalNodeExtension<Anvil> {
  /** The extension (instantiated by JUnit). */
  public AnvilExtension() {
    super(Anvil.class);
  }

  @Override
  protected Anvil start(Class<?> testClass) {
    AnvilArgs args = testClass.getAnnotation(AnvilArgs.class);
    return Anvil.start(args == null ? new String[0] : args.value());
  }

  @Override
  protected String sharedKey(Class<?> testClass) {
    AnvilArgs args = testClass.getAnnotation(AnvilArgs.class);
    return args != null && args.shared() ? String.join("\u0000", args.value()) : null;
  }
}

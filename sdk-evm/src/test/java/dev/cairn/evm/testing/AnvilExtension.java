package dev.cairn.evm.testing;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension: one anvil per test class, started before the first test and stopped after the
 * last. Test methods, constructors and lifecycle methods receive it as an {@link Anvil} parameter.
 * When anvil is not installed the tests FAIL with a message to run {@code scripts/setup.sh}; they are
 * never skipped.
 *
 * <p>Extra anvil arguments: annotate the class with {@link AnvilArgs}.
 */
public final class AnvilExtension implements BeforeAllCallback, ParameterResolver {
  private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(AnvilExtension.class);

  @Override
  public void beforeAll(ExtensionContext context) {
    anvil(context);
  }

  private static Anvil anvil(ExtensionContext context) {
    ExtensionContext classContext = context;
    while (classContext.getTestMethod().isPresent() && classContext.getParent().isPresent()) {
      classContext = classContext.getParent().get();
    }
    Class<?> testClass = classContext.getRequiredTestClass();
    Holder h = classContext.getStore(NS).getOrComputeIfAbsent(testClass, c -> {
      AnvilArgs args = testClass.getAnnotation(AnvilArgs.class);
      return new Holder(Anvil.start(args == null ? new String[0] : args.value()));
    }, Holder.class);
    return h.anvil;
  }

  @Override
  public boolean supportsParameter(ParameterContext pc, ExtensionContext ec) {
    return pc.getParameter().getType() == Anvil.class;
  }

  @Override
  public Object resolveParameter(ParameterContext pc, ExtensionContext ec) {
    return anvil(ec);
  }

  private static final class Holder implements ExtensionContext.Store.CloseableResource {
    final Anvil anvil;

    Holder(Anvil anvil) {
      this.anvil = anvil;
    }

    @Override
    public void close() {
      anvil.close();
    }
  }
}

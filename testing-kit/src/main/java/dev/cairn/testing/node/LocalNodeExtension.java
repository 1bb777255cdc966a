package dev.cairn.testing.node;

import java.util.Objects;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Base of the JUnit 5 extensions that give tests a {@link LocalNode}: one node per test class,
 * started before the first test and stopped after the last, or, when {@link #sharedKey} says so,
 * one node for every class with the same key, stopped at the end of the test run. Test methods,
 * constructors and lifecycle methods receive it as a parameter of the node's type.
 *
 * <p>A node that cannot start fails the class with the launcher's message (never a skip).
 *
 * <p>A launcher for another node plugs in by naming its type and how to start it:
 *
 * <pre>{@code
 * public final class MyNodeExtension extends LocalNodeExtension<NodeProcess> {
 *   public MyNodeExtension() { super(NodeProcess.class); }
 *   protected NodeProcess start(Class<?> testClass) {
 *     return NodeScriptServer.builder(NodeScriptServer.projectScript("tools/my/server.mjs")).start();
 *   }
 * }
 * }</pre>
 *
 * @param <N> the node type injected into tests
 */
public abstract class LocalNodeExtension<N extends LocalNode> implements BeforeAllCallback, ParameterResolver {
  private final Class<N> type;

  /** An extension that injects nodes of {@code type}. */
  protected LocalNodeExtension(Class<N> type) {
    this.type = Objects.requireNonNull(type, "type");
  }

  /** Starts the node for {@code testClass}. */
  protected abstract N start(Class<?> testClass);

  /**
   * A key under which {@code testClass} shares its node with other classes for the whole run, or
   * null (the default) for a node of its own.
   */
  protected String sharedKey(Class<?> testClass) {
    return null;
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    node(context);
  }

  /** The node of the test class of {@code context}, started on first use. */
  protected final N node(ExtensionContext context) {
    ExtensionContext classContext = context;
    while (classContext.getTestMethod().isPresent() && classContext.getParent().isPresent()) {
      classContext = classContext.getParent().get();
    }
    Class<?> testClass = classContext.getRequiredTestClass();
    ExtensionContext.Namespace ns = ExtensionContext.Namespace.create(getClass(), type);
    String shared = sharedKey(testClass);
    ExtensionContext.Store store;
    Object key;
    if (shared != null) {
      store = classContext.getRoot().getStore(ns);
      key = "shared:" + shared;
    } else {
      store = classContext.getStore(ns);
      key = testClass;
    }
    Holder h = store.getOrComputeIfAbsent(key, k -> new Holder(start(testClass)), Holder.class);
    return type.cast(h.node);
  }

  @Override
  public boolean supportsParameter(ParameterContext pc, ExtensionContext ec) {
    return pc.getParameter().getType() == type;
  }

  @Override
  public Object resolveParameter(ParameterContext pc, ExtensionContext ec) {
    return node(ec);
  }

  private static final class Holder implements ExtensionContext.Store.CloseableResource {
    final LocalNode node;

    Holder(LocalNode node) {
      this.node = node;
    }

    @Override
    public void close() {
      node.close();
    }
  }
}

package dev.cairn.evm.offline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.abi.Address;
import dev.cairn.core.crypto.Secp256k1PrivateKey;
import dev.cairn.evm.tx.SignedTransaction;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The offline closure of sdk-evm: an application that only builds and signs (a cold signer, an
 * Android signing screen) needs neither sdk-transport nor OkHttp, Kotlin or Jackson. Shown twice:
 * by running offline signing in a class loader that has nothing but sdk-core, sdk-abi, sdk-evm and
 * BouncyCastle (any attempt to load a transport class fails the test), and by reading the runtime
 * dependency tree Maven writes for sdk-evm (target/runtime-dependency-tree.txt, see the pom): no
 * such artifact may be reachable by a consumer except through an optional dependency.
 */
class OfflineClosureTest {
  /** Packages an offline application must not need. */
  private static final String[] FORBIDDEN_PACKAGES = {
      "okhttp3.", "okio.", "kotlin.", "com.fasterxml.", "dev.cairn.transport."};

  /** Loads only from the given locations (then the JDK), recording every forbidden name asked for. */
  static final class IsolatedLoader extends URLClassLoader {
    final Set<String> forbiddenRequests = ConcurrentHashMap.newKeySet();

    IsolatedLoader(URL[] urls) {
      super(urls, ClassLoader.getPlatformClassLoader());
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
      for (String p : FORBIDDEN_PACKAGES) {
        if (name.startsWith(p)) {
          forbiddenRequests.add(name);
        }
      }
      return super.loadClass(name, resolve);
    }
  }

  private static URL locationOf(Class<?> c) {
    return c.getProtectionDomain().getCodeSource().getLocation();
  }

  @Test
  void offlineSigningRunsWithoutTransportOkHttpOrJackson() throws Exception {
    URL[] urls = {
        locationOf(Secp256k1PrivateKey.class),                               // sdk-core
        locationOf(Address.class),                                           // sdk-abi
        locationOf(SignedTransaction.class),                                 // sdk-evm main classes
        locationOf(OfflineSigningProbe.class),                               // this probe (sdk-evm test classes)
        locationOf(Class.forName("org.bouncycastle.crypto.digests.KeccakDigest"))}; // bcprov
    for (URL u : urls) {
      String s = u.toString();
      assertFalse(s.contains("okhttp") || s.contains("jackson") || s.contains("sdk-transport"), s);
    }
    String expected = new OfflineSigningProbe().get();
    Thread t = Thread.currentThread();
    ClassLoader before = t.getContextClassLoader();
    try (IsolatedLoader loader = new IsolatedLoader(urls)) {
      t.setContextClassLoader(loader);
      Class<?> probe = Class.forName(OfflineSigningProbe.class.getName(), true, loader);
      assertEquals(loader, probe.getClassLoader(), "the probe must come from the isolated loader");
      @SuppressWarnings("unchecked")
      Supplier<String> s = (Supplier<String>) probe.getDeclaredConstructor().newInstance();
      String isolated = s.get();
      assertEquals(expected, isolated, "same transaction, signature and trie root in isolation");
      assertTrue(loader.forbiddenRequests.isEmpty(), "offline signing asked for " + loader.forbiddenRequests);
      // the isolation is real: the transport is not reachable from this loader
      assertTrue(classMissing(loader, "dev.cairn.transport.JsonRpcClient"));
      assertTrue(classMissing(loader, "okhttp3.OkHttpClient"));
      loader.forbiddenRequests.clear();
    } finally {
      t.setContextClassLoader(before);
    }
  }

  private static boolean classMissing(ClassLoader l, String name) {
    try {
      Class.forName(name, false, l);
      return false;
    } catch (ClassNotFoundException expected) {
      return true;
    }
  }

  // ------------------------------------------------------------------ the dependency tree

  /** Violations: artifacts a consumer would get on its runtime class path that offline users must not need. */
  static List<String> violations(List<String> treeLines) {
    List<String> out = new ArrayList<>();
    List<String> stack = new ArrayList<>(); // ancestors' coordinates, by depth
    List<Boolean> optional = new ArrayList<>();
    for (String line : treeLines) {
      if (line.isBlank()) {
        continue;
      }
      int start = 0;
      while (start < line.length() && " |+-\\".indexOf(line.charAt(start)) >= 0) {
        start++;
      }
      int depth = start / 3;
      String node = line.substring(start).trim();
      boolean opt = node.endsWith("(optional)");
      while (stack.size() > depth) {
        stack.remove(stack.size() - 1);
        optional.remove(optional.size() - 1);
      }
      boolean viaOptional = opt || optional.contains(Boolean.TRUE);
      String parent = stack.isEmpty() ? "" : stack.get(stack.size() - 1);
      stack.add(node);
      optional.add(opt);
      if (depth == 0 || viaOptional) {
        continue;
      }
      boolean forbidden = node.startsWith("com.squareup.okhttp3:") || node.startsWith("com.squareup.okio:")
          || node.startsWith("org.jetbrains.kotlin:") || node.startsWith("dev.cairn:sdk-transport:")
          || node.startsWith("com.fasterxml.jackson");
      if (forbidden) {
        out.add(node + " (under " + (parent.isEmpty() ? "sdk-evm" : parent) + ")");
      }
    }
    return out;
  }

  @Test
  void runtimeDependencyTreeReachesTransportOnlyOptionally() throws IOException, URISyntaxException {
    Path tree = Paths.get(System.getProperty("basedir", "."), "target", "runtime-dependency-tree.txt");
    assertTrue(Files.exists(tree), "the build writes " + tree + " (maven-dependency-plugin tree, see sdk-evm/pom.xml)");
    List<String> lines = Files.readAllLines(tree, StandardCharsets.UTF_8);
    assertTrue(lines.get(0).startsWith("dev.cairn:sdk-evm:"), lines.get(0));
    assertTrue(lines.stream().anyMatch(l -> l.contains("dev.cairn:sdk-transport:") && l.endsWith("(optional)")),
        "sdk-transport must be an optional dependency of sdk-evm:\n" + String.join("\n", lines));
    assertEquals(List.of(), violations(lines), "reachable without the optional transport:\n" + String.join("\n", lines));
  }

  @Test
  void treeCheckCatchesNonOptionalTransportDependencies() {
    List<String> bad = List.of(
        "dev.cairn:sdk-evm:jar:0.1.0-SNAPSHOT",
        "+- dev.cairn:sdk-core:jar:0.1.0-SNAPSHOT:compile",
        "|  \\- org.bouncycastle:bcprov-jdk18on:jar:1.83:compile",
        "+- com.squareup.okhttp3:okhttp-jvm:jar:5.3.2:compile",
        "|  \\- com.squareup.okio:okio-jvm:jar:3.16.4:compile",
        "+- dev.cairn:sdk-abi:jar:0.1.0-SNAPSHOT:compile",
        "|  \\- com.fasterxml.jackson.core:jackson-core:jar:2.18.2:compile",
        "+- com.fasterxml.jackson.core:jackson-databind:jar:2.18.2:compile",
        "\\- dev.cairn:sdk-transport:jar:0.1.0-SNAPSHOT:compile");
    List<String> v = violations(bad);
    assertEquals(5, v.size(), v.toString());
    assertTrue(v.get(0).startsWith("com.squareup.okhttp3:okhttp-jvm"), v.toString());
    assertTrue(v.get(1).startsWith("com.squareup.okio:okio-jvm"), v.toString());
    assertTrue(v.get(2).startsWith("com.fasterxml.jackson.core:jackson-core:") && v.get(2).contains("(under dev.cairn:sdk-abi"), v.toString());
    assertTrue(v.get(3).startsWith("com.fasterxml.jackson.core:jackson-databind"), v.toString());
    assertTrue(v.get(4).startsWith("dev.cairn:sdk-transport"), v.toString());
    List<String> good = List.of(
        "dev.cairn:sdk-evm:jar:0.1.0-SNAPSHOT",
        "\\- dev.cairn:sdk-transport:jar:0.1.0-SNAPSHOT:compile (optional)",
        "   \\- com.squareup.okhttp3:okhttp-jvm:jar:5.3.2:compile",
        "      \\- com.squareup.okio:okio-jvm:jar:3.16.4:compile");
    assertEquals(List.of(), violations(good));
  }
}

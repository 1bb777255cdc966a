package dev.cairn.cosmos.offline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.core.crypto.Secp256k1PrivateKey;
import dev.cairn.cosmos.tx.TxRaw;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The offline closure of sdk-cosmwasm: building, signing and decoding transactions needs sdk-core,
 * sdk-cosmwasm, BouncyCastle and protobuf-javalite only — no sdk-transport, OkHttp, Kotlin or
 * Jackson. Shown by running {@link OfflineSigningProbe} in a class loader holding nothing else (any
 * request for a forbidden class is recorded and fails the test), and by reading the runtime
 * dependency tree Maven writes (target/runtime-dependency-tree.txt): the forbidden artifacts may
 * only be reachable through the optional sdk-transport dependency.
 */
class OfflineClosureTest {
  private static final String[] FORBIDDEN = {"okhttp3.", "okio.", "kotlin.", "com.fasterxml.", "dev.cairn.transport."};

  static final class IsolatedLoader extends URLClassLoader {
    final Set<String> forbiddenRequests = ConcurrentHashMap.newKeySet();

    IsolatedLoader(URL[] urls) {
      super(urls, ClassLoader.getPlatformClassLoader());
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
      for (String p : FORBIDDEN) {
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
        locationOf(Secp256k1PrivateKey.class), // sdk-core
        locationOf(TxRaw.class), // sdk-cosmwasm main classes
        locationOf(OfflineSigningProbe.class), // this probe
        locationOf(com.google.protobuf.CodedOutputStream.class), // protobuf-javalite
        locationOf(Class.forName("org.bouncycastle.crypto.digests.KeccakDigest"))};
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
      assertEquals(loader, probe.getClassLoader());
      @SuppressWarnings("unchecked")
      Supplier<String> s = (Supplier<String>) probe.getDeclaredConstructor().newInstance();
      assertEquals(expected, s.get(), "the same signed transactions in isolation");
      assertTrue(loader.forbiddenRequests.isEmpty(), "offline signing asked for " + loader.forbiddenRequests);
      assertTrue(missing(loader, "dev.cairn.transport.JsonRpcClient"));
      assertTrue(missing(loader, "okhttp3.OkHttpClient"));
    } finally {
      t.setContextClassLoader(before);
    }
  }

  /**
   * No class of an offline package refers to sdk-transport (its constant pool names no {@code
   * dev/cairn/transport/} type); the online packages (REST, CometBFT, errors, sequence, the
   * adapter) may, and the adapter does.
   */
  @Test
  void offlinePackagesNameNoTransportType() throws Exception {
    Path root = Path.of("target", "classes", "dev", "cairn", "cosmos");
    List<String> online = List.of("rest", "rpc", "client", "errors", "sequence", "adapter");
    byte[] needle = "dev/cairn/transport/".getBytes(StandardCharsets.US_ASCII);
    java.util.Set<String> referring = new java.util.TreeSet<>();
    int offlineClasses = 0;
    try (java.util.stream.Stream<Path> files = Files.walk(root)) {
      for (Path f : (Iterable<Path>) files.filter(x -> x.toString().endsWith(".class"))::iterator) {
        String rel = root.relativize(f.getParent()).toString().replace(java.io.File.separatorChar, '.');
        String pkg = "dev.cairn.cosmos" + (rel.isEmpty() ? "" : "." + rel);
        boolean isOnline = !rel.isEmpty() && online.contains(rel.split("\\.")[0]);
        if (!isOnline) {
          offlineClasses++;
        }
        if (indexOf(Files.readAllBytes(f), needle) >= 0) {
          referring.add(pkg);
          assertTrue(isOnline, f + " (an offline package) refers to sdk-transport");
        }
      }
    }
    assertTrue(offlineClasses > 50, "offline classes scanned: " + offlineClasses);
    assertTrue(referring.contains("dev.cairn.cosmos.adapter"), "the scan finds references: " + referring);
  }

  private static int indexOf(byte[] hay, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= hay.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (hay[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  private static boolean missing(ClassLoader l, String name) {
    try {
      Class.forName(name, false, l);
      return false;
    } catch (ClassNotFoundException expected) {
      return true;
    }
  }

  @Test
  void runtimeDependencyTreeReachesTheTransportOnlyThroughTheOptionalDependency() throws Exception {
    Path tree = Path.of("target", "runtime-dependency-tree.txt");
    assertTrue(Files.exists(tree), "the pom writes " + tree + " in generate-test-resources");
    List<String> lines = Files.readAllLines(tree, StandardCharsets.UTF_8);
    boolean transportSeen = false;
    boolean optionalSection = false;
    int optionalDepth = -1;
    for (String line : lines) {
      int start = 0;
      while (start < line.length() && " |+-\\".indexOf(line.charAt(start)) >= 0) {
        start++;
      }
      int depth = start / 3;
      String node = line.substring(start).trim();
      if (optionalSection && depth <= optionalDepth) {
        optionalSection = false;
      }
      if (node.endsWith("(optional)")) {
        if (!optionalSection) { // an optional node inside an optional section does not end it
          optionalSection = true;
          optionalDepth = depth;
        }
        transportSeen |= node.startsWith("dev.cairn:sdk-transport:");
        continue;
      }
      if (depth > 0 && !optionalSection) {
        boolean forbidden = node.startsWith("com.squareup.") || node.startsWith("org.jetbrains.kotlin:")
            || node.startsWith("dev.cairn:sdk-transport:") || node.startsWith("com.fasterxml.jackson");
        assertFalse(forbidden, "offline users would get " + node);
      }
    }
    assertTrue(transportSeen, "sdk-transport should appear as an optional dependency: " + lines);
  }
}

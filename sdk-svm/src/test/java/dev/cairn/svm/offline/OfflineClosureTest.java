package dev.cairn.svm.offline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.core.chain.ChainId;
import dev.cairn.svm.Pubkey;
import java.io.IOException;
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
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The offline closure of sdk-svm: building, signing and error mapping need neither sdk-transport
 * nor OkHttp, Kotlin or Jackson. Shown twice: no class of {@code dev.cairn.svm}, {@code .tx},
 * {@code .programs} or {@code .errors} refers to those packages (their constant pools are read),
 * and offline work runs in a class loader holding nothing but sdk-core, sdk-svm and BouncyCastle.
 */
class OfflineClosureTest {
  private static final String[] FORBIDDEN = {"okhttp3/", "okio/", "kotlin/", "com/fasterxml/", "dev/cairn/transport/"};
  private static final String[] OFFLINE_PACKAGES = {"dev/cairn/svm", "dev/cairn/svm/tx", "dev/cairn/svm/programs",
      "dev/cairn/svm/errors", "dev/cairn/svm/internal"};

  private static URL locationOf(Class<?> c) {
    return c.getProtectionDomain().getCodeSource().getLocation();
  }

  @Test
  void offlinePackagesDoNotReferToTheTransport() throws Exception {
    Path classes = Paths.get(locationOf(Pubkey.class).toURI());
    int scanned = 0;
    List<String> violations = new ArrayList<>();
    for (String pkg : OFFLINE_PACKAGES) {
      Path dir = classes.resolve(pkg);
      assertTrue(Files.isDirectory(dir), dir.toString());
      try (Stream<Path> files = Files.list(dir)) {
        for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".class"))::iterator) {
          String text = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
          scanned++;
          for (String bad : FORBIDDEN) {
            if (text.contains(bad)) {
              violations.add(classes.relativize(f) + " -> " + bad);
            }
          }
        }
      }
    }
    assertTrue(scanned > 30, "scanned " + scanned);
    assertEquals(List.of(), violations);
    // the scan would see a reference: the rpc package has them
    String rpc = new String(Files.readAllBytes(classes.resolve("dev/cairn/svm/rpc/SvmRpcClient.class")), StandardCharsets.ISO_8859_1);
    assertTrue(rpc.contains("dev/cairn/transport/"));
  }

  static final class IsolatedLoader extends URLClassLoader {
    final Set<String> forbiddenRequests = ConcurrentHashMap.newKeySet();

    IsolatedLoader(URL[] urls) {
      super(urls, ClassLoader.getPlatformClassLoader());
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
      for (String p : FORBIDDEN) {
        if (name.replace('.', '/').startsWith(p)) {
          forbiddenRequests.add(name);
        }
      }
      return super.loadClass(name, resolve);
    }
  }

  @Test
  void offlineWorkRunsWithoutTransportOkHttpOrJackson() throws Exception {
    URL[] urls = {locationOf(ChainId.class), locationOf(Pubkey.class), locationOf(OfflineProbe.class),
        locationOf(Class.forName("org.bouncycastle.math.ec.rfc8032.Ed25519"))};
    for (URL u : urls) {
      String s = u.toString();
      assertFalse(s.contains("okhttp") || s.contains("jackson") || s.contains("sdk-transport"), s);
    }
    String expected = new OfflineProbe().get();
    assertTrue(expected.endsWith("|INSUFFICIENT_FUNDS|InsufficientFunds"), expected);
    try (IsolatedLoader loader = new IsolatedLoader(urls)) {
      Class<?> probe = Class.forName(OfflineProbe.class.getName(), true, loader);
      assertEquals(loader, probe.getClassLoader());
      @SuppressWarnings("unchecked")
      Supplier<String> s = (Supplier<String>) probe.getDeclaredConstructor().newInstance();
      assertEquals(expected, s.get());
      assertTrue(loader.forbiddenRequests.isEmpty(), "offline work asked for " + loader.forbiddenRequests);
      try {
        Class.forName("dev.cairn.transport.JsonRpcClient", false, loader);
        throw new AssertionError("the transport is reachable from the isolated loader");
      } catch (ClassNotFoundException expectedMissing) {
        // isolation is real
      }
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }
}

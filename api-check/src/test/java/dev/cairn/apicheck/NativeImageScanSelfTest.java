package dev.cairn.apicheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The native-image scan must find what it is for: {@link Fixture} below is compiled by javac like
 * any module's code and holds one use of each kind; with no metadata every one is reported, with
 * metadata that covers the literal ones only the non-literal ones are, and the allow-list silences
 * exactly the line it names.
 */
class NativeImageScanSelfTest {

  /** Compiled, never run: each method holds one use. */
  @SuppressWarnings("unused")
  static final class Fixture {
    static Class<?> forNameLiteral() throws ClassNotFoundException {
      return Class.forName("dev.cairn.apicheck.NativeImageScanSelfTest$Fixture");
    }

    static Class<?> forNameComputed(String name) throws ClassNotFoundException {
      return Class.forName(name, false, Fixture.class.getClassLoader());
    }

    static Object services() {
      return ServiceLoader.load(Runnable.class, Fixture.class.getClassLoader());
    }

    static InputStream relativeResource() {
      return Fixture.class.getResourceAsStream("words.txt");
    }

    static InputStream absoluteResource() {
      return Fixture.class.getClassLoader().getResourceAsStream("META-INF/x.properties");
    }

    static Object method() throws NoSuchMethodException {
      return Fixture.class.getDeclaredMethod("services");
    }

    static Object constructor() throws ReflectiveOperationException {
      return Fixture.class.getDeclaredConstructor();
    }

    static Object proxy() {
      return Proxy.newProxyInstance(Fixture.class.getClassLoader(), new Class<?>[] {Runnable.class},
          (p, m, a) -> null);
    }

    static Object proxyOfTwo() {
      return Proxy.newProxyInstance(Fixture.class.getClassLoader(),
          new Class<?>[] {Runnable.class, AutoCloseable.class}, (p, m, a) -> null);
    }

    static void nativeLibrary() {
      System.loadLibrary("secp256k1");
    }
  }

  private static final String FIXTURE = "dev.cairn.apicheck.NativeImageScanSelfTest$Fixture";

  private static List<NativeImageScan.Use> uses() {
    try (InputStream in = NativeImageScanSelfTest.class.getResourceAsStream("NativeImageScanSelfTest$Fixture.class")) {
      return NativeImageScan.scan("m", in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static NativeImageScan.Use use(List<NativeImageScan.Use> uses, String method) {
    return uses.stream().filter(u -> u.where().equals(FIXTURE + "#" + method)
            && !u.api().equals("Class.getClassLoader"))
        .findFirst().orElseThrow(() -> new AssertionError("no use found in " + method + ": " + uses));
  }

  @Test
  void findsEachKindWithItsLiteral() {
    List<NativeImageScan.Use> uses = uses();
    assertEquals(NativeImageScan.Kind.FOR_NAME, use(uses, "forNameLiteral").kind());
    assertEquals(FIXTURE, use(uses, "forNameLiteral").target());
    assertEquals("?", use(uses, "forNameComputed").target());
    assertEquals(NativeImageScan.Kind.SERVICE, use(uses, "services").kind());
    assertEquals("java.lang.Runnable", use(uses, "services").target());
    assertEquals("dev/cairn/apicheck/words.txt", use(uses, "relativeResource").target());
    assertEquals("META-INF/x.properties", use(uses, "absoluteResource").target());
    assertEquals(FIXTURE + "#services", use(uses, "method").target());
    assertEquals(NativeImageScan.Kind.REFLECT, use(uses, "constructor").kind());
    assertEquals(FIXTURE + "#<init>()", use(uses, "constructor").target());
    assertEquals(NativeImageScan.Kind.PROXY, use(uses, "proxy").kind());
    assertEquals("java.lang.Runnable", use(uses, "proxy").target());
    assertEquals("java.lang.Runnable,java.lang.AutoCloseable", use(uses, "proxyOfTwo").target());
    assertEquals(NativeImageScan.Kind.NATIVE, use(uses, "nativeLibrary").kind());
  }

  @Test
  void withoutMetadataEveryUseIsReported() {
    List<NativeImageScan.Use> uses = uses();
    List<String> bad = NativeImageScan.uncovered(uses, Map.of("m", NativeMetadata.empty("m")), Set.of());
    assertEquals(uses.size(), bad.size(), String.join("\n", bad));
    assertTrue(bad.stream().anyMatch(b -> b.contains("forNameLiteral") && b.contains("no reflect-config.json entry")), bad.toString());
    assertTrue(bad.stream().anyMatch(b -> b.contains("META-INF/services/java.lang.Runnable")), bad.toString());
  }

  @Test
  void metadataCoversTheLiteralUsesAndTheAllowListTheRest() {
    NativeMetadata md = NativeMetadata.empty("m")
        .add("META-INF/native-image/dev.cairn/m/reflect-config.json",
            "[{\"name\":\"" + FIXTURE + "\",\"methods\":[{\"name\":\"<init>\",\"parameterTypes\":[]},"
                + "{\"name\":\"services\",\"parameterTypes\":[]}]}]")
        .add("META-INF/native-image/dev.cairn/m/resource-config.json",
            "{\"resources\":{\"includes\":[{\"pattern\":\"\\\\Qdev/cairn/apicheck/words.txt\\\\E\"},"
                + "{\"pattern\":\"META-INF/.*\\\\.properties\"},"
                + "{\"pattern\":\"\\\\QMETA-INF/services/java.lang.Runnable\\\\E\"}]}}")
        .add("META-INF/native-image/dev.cairn/m/proxy-config.json", "[{\"interfaces\":[\"java.lang.Runnable\"]},"
            + "{\"interfaces\":[\"java.lang.Runnable\",\"java.lang.AutoCloseable\"]}]");
    List<NativeImageScan.Use> uses = uses();
    List<String> bad = NativeImageScan.uncovered(uses, Map.of("m", md), Set.of());
    assertEquals(2, bad.size(), String.join("\n", bad));
    assertTrue(bad.get(0).contains("#forNameComputed FOR_NAME ?"), bad.toString());
    assertTrue(bad.get(1).contains("#nativeLibrary NATIVE secp256k1"), bad.toString());

    Set<String> allowed = Set.of(use(uses, "forNameComputed").key(), use(uses, "nativeLibrary").key());
    assertEquals(List.of(), NativeImageScan.uncovered(uses, Map.of("m", md), allowed));
  }

  @Test
  void aServiceProviderWithoutItsConstructorIsReported() {
    NativeMetadata md = NativeMetadata.empty("m")
        .add("META-INF/native-image/dev.cairn/m/resource-config.json",
            "{\"resources\":{\"includes\":[{\"pattern\":\"\\\\QMETA-INF/services/java.lang.Runnable\\\\E\"}]}}");
    List<String> problems = NativeImageScan.providerProblems(md, "java.lang.Runnable", List.of("a.b.Impl"));
    assertEquals(1, problems.size(), problems.toString());
    assertTrue(problems.get(0).contains("a.b.Impl"), problems.toString());
    md.add("META-INF/native-image/dev.cairn/m/reflect-config.json",
        "[{\"name\":\"a.b.Impl\",\"methods\":[{\"name\":\"<init>\",\"parameterTypes\":[]}]}]");
    assertEquals(List.of(), NativeImageScan.providerProblems(md, "java.lang.Runnable", List.of("a.b.Impl")));
    NativeImageScan.Use u = new NativeImageScan.Use("m", "x#y", NativeImageScan.Kind.SERVICE, "ServiceLoader.load", "java.lang.Runnable");
    assertNull(NativeImageScan.uncoveredReason(u, Map.of("m", md)));
    assertNotNull(NativeImageScan.uncoveredReason(u, Map.of("m", NativeMetadata.empty("m"))));
  }
}

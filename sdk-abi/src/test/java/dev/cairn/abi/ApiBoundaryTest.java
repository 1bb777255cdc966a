package dev.cairn.abi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No public or protected member of a public sdk-abi API class takes, returns or exposes a type
 * from an {@code internal} package (and nothing in sdk-abi's main code uses Jackson).
 */
class ApiBoundaryTest {

  @Test
  void noInternalTypeInPublicSignatures() throws Exception {
    Path root = Path.of(AbiType.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    List<String> leaks = new ArrayList<>();
    int classes = 0;
    try (Stream<Path> files = Files.walk(root)) {
      for (Path f : (Iterable<Path>) files::iterator) {
        String rel = root.relativize(f).toString().replace('\\', '/');
        if (!rel.endsWith(".class") || rel.contains("/internal/") || rel.endsWith("module-info.class")
            || rel.endsWith("package-info.class")) {
          continue;
        }
        Class<?> c = Class.forName(rel.substring(0, rel.length() - 6).replace('/', '.'), false,
            getClass().getClassLoader());
        if (!isApi(c)) {
          continue;
        }
        classes++;
        check(c.getName(), c.getGenericSuperclass(), leaks);
        for (Type t : c.getGenericInterfaces()) {
          check(c.getName(), t, leaks);
        }
        for (Method m : c.getDeclaredMethods()) {
          if (visible(m.getModifiers()) && !m.isSynthetic()) {
            check(c.getName() + "." + m.getName(), m.getGenericReturnType(), leaks);
            params(c.getName() + "." + m.getName(), m, leaks);
          }
        }
        for (Constructor<?> k : c.getDeclaredConstructors()) {
          if (visible(k.getModifiers())) {
            params(c.getName() + ".<init>", k, leaks);
          }
        }
        for (Field fl : c.getDeclaredFields()) {
          if (visible(fl.getModifiers())) {
            check(c.getName() + "." + fl.getName(), fl.getGenericType(), leaks);
          }
        }
      }
    }
    assertTrue(classes > 20, "found only " + classes + " API classes under " + root);
    assertEquals(List.of(), leaks);
  }

  private static boolean isApi(Class<?> c) {
    for (Class<?> k = c; k != null; k = k.getDeclaringClass()) {
      if (!Modifier.isPublic(k.getModifiers())) {
        return false;
      }
    }
    return true;
  }

  private static boolean visible(int mod) {
    return Modifier.isPublic(mod) || Modifier.isProtected(mod);
  }

  private static void params(String where, Executable e, List<String> leaks) {
    for (Type t : e.getGenericParameterTypes()) {
      check(where, t, leaks);
    }
    for (Type t : e.getGenericExceptionTypes()) {
      check(where + " throws", t, leaks);
    }
  }

  private static void check(String where, Type t, List<String> leaks) {
    if (t != null && t.getTypeName().contains(".internal.")) {
      leaks.add(where + ": " + t.getTypeName());
    }
  }

  @Test
  void mainCodeDoesNotUseJackson() throws IOException {
    Path src = Path.of("src/main/java");
    try (Stream<Path> files = Files.walk(src)) {
      List<String> users = new ArrayList<>();
      for (Path f : (Iterable<Path>) files::iterator) {
        if (f.toString().endsWith(".java") && Files.readString(f).contains("com.fasterxml")) {
          users.add(f.toString());
        }
      }
      assertEquals(List.of(), users);
    }
  }
}

package dev.cairn.abi.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import org.apache.maven.model.Build;
import org.apache.maven.model.Model;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the Mojo's logic directly on a real temporary directory. */
class GenerateMojoTest {
  private static final String ERC20_LIKE =
      "[{\"type\":\"function\",\"name\":\"transfer\",\"stateMutability\":\"nonpayable\","
          + "\"inputs\":[{\"name\":\"to\",\"type\":\"address\"},{\"name\":\"value\",\"type\":\"uint256\"}],"
          + "\"outputs\":[{\"name\":\"\",\"type\":\"bool\"}]},"
          + "{\"type\":\"event\",\"name\":\"Transfer\",\"anonymous\":false,\"inputs\":["
          + "{\"name\":\"from\",\"type\":\"address\",\"indexed\":true},"
          + "{\"name\":\"to\",\"type\":\"address\",\"indexed\":true},"
          + "{\"name\":\"value\",\"type\":\"uint256\",\"indexed\":false}]}]";

  @TempDir Path dir;

  private GenerateMojo mojo(MavenProject project) {
    GenerateMojo m = new GenerateMojo();
    m.abiDirectory = dir.resolve("abi").toFile();
    m.outputDirectory = dir.resolve("out").toFile();
    m.packageName = "com.example.tokens";
    m.project = project;
    return m;
  }

  private static MavenProject project(Path base) {
    Model model = new Model();
    model.setBuild(new Build());
    MavenProject p = new MavenProject(model);
    p.setFile(base.resolve("pom.xml").toFile());
    return p;
  }

  @Test
  void generatesAddsSourceRootAndIsIncremental() throws Exception {
    Files.createDirectories(dir.resolve("abi"));
    Files.writeString(dir.resolve("abi/erc20.json"), ERC20_LIKE);
    Files.writeString(dir.resolve("abi/my-token.json"), ERC20_LIKE);
    Files.writeString(dir.resolve("abi/notes.txt"), "not an ABI");
    MavenProject project = project(dir);
    GenerateMojo m = mojo(project);
    m.classNames = Map.of("my-token.json", "MyTokenBinding");
    m.execute();

    Path erc20 = dir.resolve("out/com/example/tokens/Erc20.java");
    Path mine = dir.resolve("out/com/example/tokens/MyTokenBinding.java");
    assertTrue(Files.isRegularFile(erc20));
    assertTrue(Files.isRegularFile(mine));
    assertTrue(Files.readString(erc20).contains("public static byte[] encodeTransfer(Address to, BigInteger value)"));
    assertTrue(project.getCompileSourceRoots().contains(dir.resolve("out").toString()));
    try (var s = Files.list(dir.resolve("out/com/example/tokens"))) {
      assertEquals(2, s.count());
    }

    // unchanged inputs and configuration: nothing is rewritten (timestamps stay)
    FileTime old = FileTime.fromMillis(1_000_000L);
    Path stamp = dir.resolve("out/" + GenerateMojo.STAMP);
    Files.setLastModifiedTime(erc20, old);
    Files.setLastModifiedTime(stamp, old);
    GenerateMojo same = mojo(project(dir));
    same.classNames = Map.of("my-token.json", "MyTokenBinding");
    same.execute();
    assertEquals(old, Files.getLastModifiedTime(erc20));
    assertEquals(old, Files.getLastModifiedTime(stamp));

    // changed configuration: regenerated, but files whose text is the same are not touched
    mojo(project(dir)).execute();
    assertTrue(Files.isRegularFile(dir.resolve("out/com/example/tokens/MyToken.java")));
    assertFalse(Files.exists(mine));
    assertEquals(old, Files.getLastModifiedTime(erc20));
    assertFalse(old.equals(Files.getLastModifiedTime(stamp)));

    // a deleted output is regenerated even though the inputs did not change
    Files.delete(erc20);
    GenerateMojo again = mojo(project(dir));
    again.classNames = Map.of("my-token.json", "MyTokenBinding");
    again.execute();
    assertTrue(Files.isRegularFile(erc20));

    // a removed ABI file takes its binding with it
    Files.delete(dir.resolve("abi/my-token.json"));
    mojo(project(dir)).execute();
    assertFalse(Files.exists(mine));
    assertFalse(Files.exists(dir.resolve("out/com/example/tokens/MyToken.java")));
    assertTrue(Files.isRegularFile(erc20));
  }

  @Test
  void errorsNameTheFileAndEntry() throws IOException {
    Files.createDirectories(dir.resolve("abi"));
    Files.writeString(
        dir.resolve("abi/broken.json"),
        "[{\"type\":\"function\",\"name\":\"f\",\"inputs\":[{\"name\":\"x\",\"type\":\"uint3\"}]}]");
    MojoFailureException e = assertThrows(MojoFailureException.class, () -> mojo(project(dir)).execute());
    assertTrue(e.getMessage().contains("broken.json"), e.getMessage());
    assertTrue(e.getMessage().contains("entry #0 (function f)"), e.getMessage());
    assertTrue(e.getMessage().contains("uint3"), e.getMessage());
  }

  @Test
  void configurationMistakesAreReported() throws IOException {
    Files.createDirectories(dir.resolve("abi"));
    Files.writeString(dir.resolve("abi/a.json"), "[]");
    GenerateMojo m = mojo(project(dir));
    m.classNames = Map.of("missing.json", "X");
    MojoFailureException e = assertThrows(MojoFailureException.class, m::execute);
    assertTrue(e.getMessage().contains("missing.json"), e.getMessage());

    Files.writeString(dir.resolve("abi/a-b.json"), "[]");
    Files.writeString(dir.resolve("abi/a_b.json"), "[]");
    MojoFailureException clash = assertThrows(MojoFailureException.class, () -> mojo(project(dir)).execute());
    assertTrue(clash.getMessage().contains("both map to class AB"), clash.getMessage());

    GenerateMojo noPackage = mojo(project(dir));
    noPackage.packageName = " ";
    assertThrows(MojoFailureException.class, noPackage::execute);

    GenerateMojo badPackage = mojo(project(dir));
    badPackage.packageName = "com.example.class";
    Files.delete(dir.resolve("abi/a_b.json"));
    MojoFailureException pkg = assertThrows(MojoFailureException.class, badPackage::execute);
    assertTrue(pkg.getMessage().contains("packageName"), pkg.getMessage());
  }

  @Test
  void missingAbiDirectoryAndSkip() throws Exception {
    MavenProject project = project(dir);
    mojo(project).execute();
    assertFalse(Files.exists(dir.resolve("out/com")));
    assertTrue(project.getCompileSourceRoots().contains(dir.resolve("out").toString()));

    Files.createDirectories(dir.resolve("abi"));
    Files.writeString(dir.resolve("abi/erc20.json"), ERC20_LIKE);
    GenerateMojo skipped = mojo(project(dir));
    skipped.skip = true;
    skipped.execute();
    assertFalse(Files.exists(dir.resolve("out")));
  }
}

package dev.cairn.abi.maven;

import dev.cairn.abi.codegen.AbiCodegen;
import dev.cairn.abi.codegen.CodegenException;
import dev.cairn.abi.codegen.GeneratedSource;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * {@code abi:generate}: turns every {@code *.json} ABI file in {@link #abiDirectory} into a typed
 * Java binding class in {@link #outputDirectory} and adds that directory as a compile source root.
 *
 * <p>Incremental: a stamp file in the output directory records the inputs (their SHA-256), the
 * package, the class names and the generator version; when nothing changed the goal does no work.
 * Files are only rewritten when their content changes, and bindings of removed ABI files are
 * deleted.
 */
@Mojo(name = "generate", defaultPhase = LifecyclePhase.GENERATE_SOURCES, threadSafe = true)
public class GenerateMojo extends AbstractMojo {
  /** Name of the stamp file kept in the output directory. */
  static final String STAMP = ".cairn-abi-codegen.stamp";

  /** Bumped when the generator's output changes, so that stamps from older versions are stale. */
  static final String GENERATOR_VERSION = "1";

  /** Directory holding the ABI JSON files (only {@code *.json} directly inside it). */
  @Parameter(defaultValue = "${project.basedir}/src/main/abi", required = true)
  File abiDirectory;

  /** Where the Java sources are written; added as a compile source root. */
  @Parameter(defaultValue = "${project.build.directory}/generated-sources/abi", required = true)
  File outputDirectory;

  /** Java package of the generated classes. */
  @Parameter(required = true)
  String packageName;

  /**
   * Optional class names per ABI file name (e.g. {@code <erc20.json>ERC20</erc20.json>}); files
   * not listed get a class name derived from the file name ({@code erc20.json} -> {@code Erc20}).
   */
  @Parameter Map<String, String> classNames;

  /** Skips the goal. */
  @Parameter(property = "abi.skip", defaultValue = "false")
  boolean skip;

  /** The project, to add the source root to. */
  @Parameter(defaultValue = "${project}", readonly = true, required = true)
  MavenProject project;

  /** Creates the Mojo (Maven sets the parameters). */
  public GenerateMojo() {}

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("abi:generate skipped");
      return;
    }
    if (packageName == null || packageName.isBlank()) {
      throw new MojoFailureException("abi:generate: the parameter packageName is required");
    }
    Path out = outputDirectory.toPath();
    if (project != null) {
      project.addCompileSourceRoot(out.toString());
    }
    Path in = abiDirectory.toPath();
    if (!Files.isDirectory(in)) {
      getLog().info("abi:generate: no ABI directory " + in + "; nothing to do");
      return;
    }
    try {
      run(in, out);
    } catch (IOException e) {
      throw new MojoExecutionException("abi:generate: I/O error: " + e.getMessage(), e);
    }
  }

  private void run(Path in, Path out) throws IOException, MojoFailureException {
    List<Path> files;
    try (Stream<Path> s = Files.list(in)) {
      files =
          s.filter(p -> p.getFileName().toString().endsWith(".json") && Files.isRegularFile(p))
              .sorted()
              .collect(Collectors.toList());
    }
    Map<String, String> names = classNames == null ? Map.of() : classNames;
    Set<String> fileNames = new HashSet<>();
    for (Path f : files) {
      fileNames.add(f.getFileName().toString());
    }
    for (String key : new TreeMap<>(names).keySet()) {
      if (!fileNames.contains(key)) {
        throw new MojoFailureException(
            "abi:generate: classNames names " + key + ", which is not an ABI file in " + in);
      }
    }

    // the stamp: everything the output depends on
    Map<String, String> texts = new TreeMap<>();
    Map<String, String> classes = new TreeMap<>();
    StringBuilder stamp = new StringBuilder();
    stamp.append("generator ").append(GENERATOR_VERSION).append('\n');
    stamp.append("package ").append(packageName).append('\n');
    Map<String, String> classOwner = new HashMap<>();
    for (Path f : files) {
      String fileName = f.getFileName().toString();
      String text = Files.readString(f, StandardCharsets.UTF_8);
      String cls = names.getOrDefault(fileName, AbiCodegen.defaultClassName(fileName));
      String other = classOwner.put(cls, fileName);
      if (other != null) {
        throw new MojoFailureException(
            "abi:generate: " + other + " and " + fileName + " both map to class " + cls
                + "; set classNames for one of them");
      }
      texts.put(fileName, text);
      classes.put(fileName, cls);
      stamp.append("file ").append(fileName).append(' ').append(cls).append(' ')
          .append(sha256(text)).append('\n');
    }
    Path stampFile = out.resolve(STAMP);
    String previous = Files.isRegularFile(stampFile) ? Files.readString(stampFile, StandardCharsets.UTF_8) : "";
    List<String> previousOutputs = outputsOf(previous);
    if (inputsOf(previous).equals(stamp.toString()) && allExist(out, previousOutputs)) {
      getLog().info("abi:generate: " + files.size() + " ABI file(s) unchanged; bindings up to date");
      return;
    }

    AbiCodegen codegen;
    try {
      codegen = AbiCodegen.forPackage(packageName);
    } catch (CodegenException e) {
      throw new MojoFailureException("abi:generate: " + e.getMessage(), e);
    }
    List<String> outputs = new ArrayList<>();
    int written = 0;
    for (Map.Entry<String, String> e : texts.entrySet()) {
      String fileName = e.getKey();
      GeneratedSource src;
      try {
        src = codegen.generate(fileName, classes.get(fileName), e.getValue());
      } catch (CodegenException ex) {
        throw new MojoFailureException(
            "abi:generate: cannot generate bindings from " + in.resolve(fileName) + ": " + ex.getMessage(), ex);
      }
      if (src.writeTo(out)) {
        written++;
      }
      outputs.add(src.relativePath().toString().replace(File.separatorChar, '/'));
    }
    for (String old : previousOutputs) {
      Path stale = out.resolve(old).normalize();
      // the stamp is a file in target/: never let an edited one reach outside the output directory
      if (!outputs.contains(old) && stale.startsWith(out.normalize()) && old.endsWith(".java")) {
        Files.deleteIfExists(stale);
      }
    }
    for (String o : outputs) {
      stamp.append("output ").append(o).append('\n');
    }
    Files.createDirectories(out);
    Files.writeString(stampFile, stamp.toString(), StandardCharsets.UTF_8);
    getLog().info(
        "abi:generate: " + files.size() + " ABI file(s), " + written + " source file(s) written to " + out);
  }

  private static String inputsOf(String stamp) {
    StringBuilder b = new StringBuilder();
    for (String line : stamp.split("\n", -1)) {
      if (!line.isEmpty() && !line.startsWith("output ")) {
        b.append(line).append('\n');
      }
    }
    return b.toString();
  }

  private static List<String> outputsOf(String stamp) {
    List<String> out = new ArrayList<>();
    for (String line : stamp.split("\n", -1)) {
      if (line.startsWith("output ")) {
        out.add(line.substring("output ".length()));
      }
    }
    return out;
  }

  private static boolean allExist(Path out, List<String> outputs) {
    for (String o : outputs) {
      if (!Files.isRegularFile(out.resolve(o))) {
        return false;
      }
    }
    return true;
  }

  private static String sha256(String text) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      StringBuilder b = new StringBuilder(64);
      for (byte x : d) {
        b.append(Character.forDigit((x >> 4) & 0xf, 16)).append(Character.forDigit(x & 0xf, 16));
      }
      return b.toString();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is always available", e);
    }
  }
}

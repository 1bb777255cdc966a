package dev.cairn.abi.codegen;

import dev.cairn.abi.codegen.internal.AbiEntry;
import dev.cairn.abi.codegen.internal.AbiJsonReader;
import dev.cairn.abi.codegen.internal.ContractGenerator;
import dev.cairn.abi.codegen.internal.Names;
import java.util.List;

/**
 * Turns Solidity ABI JSON into a typed Java binding class (one class per contract, generated with
 * JavaPoet).
 *
 * <p>The generated class is static-only: it holds the parsed {@code Function}, {@code Event} and
 * {@code AbiError} objects in static finals and offers {@code encodeX(...)} / {@code
 * decodeXResult(byte[])} for each function, an {@code XEvent} record with {@code
 * decodeXEvent(topics, data)} and {@code encodeXEventTopics(...)} for each event, an {@code XError}
 * record per custom error with {@code decodeError(byte[])} dispatching by selector, and records
 * for structs. See {@code docs/codegen.md} for the type mapping and naming rules.
 *
 * <p>Output is deterministic: the same ABI, package and class name give the same text.
 */
public final class AbiCodegen {
  private final String packageName;

  private AbiCodegen(String packageName) {
    this.packageName = packageName;
  }

  /**
   * A generator writing classes into {@code packageName}.
   *
   * @param packageName a Java package name (may be empty for the default package)
   * @throws CodegenException if the package name is not valid
   */
  public static AbiCodegen forPackage(String packageName) {
    if (packageName == null) {
      throw new CodegenException("packageName: null");
    }
    if (!packageName.isEmpty()) {
      for (String part : packageName.split("\\.", -1)) {
        if (!Names.isIdentifier(part) || Names.isKeyword(part)) {
          throw new CodegenException("packageName: not a Java package name: " + packageName);
        }
      }
    }
    return new AbiCodegen(packageName);
  }

  /** The package the classes go to. */
  public String packageName() {
    return packageName;
  }

  /**
   * The default class name for an ABI file: the extension dropped and the rest camel-cased, e.g.
   * {@code erc20.json} gives {@code Erc20}, {@code my-token.abi.json} gives {@code MyToken}.
   *
   * @param fileName the file name (directories are ignored)
   * @return a Java class name
   */
  public static String defaultClassName(String fileName) {
    return Names.classNameForFile(fileName);
  }

  /**
   * Generates the binding class for one ABI.
   *
   * @param sourceName the ABI file name, used in messages and the header comment
   * @param className the simple name of the class to generate
   * @param abiJson the ABI: a JSON array, or an object with an {@code abi} array (Hardhat and
   *     Foundry artifacts)
   * @return the generated source
   * @throws CodegenException if the ABI is malformed or cannot be bound; the message names the
   *     file and the entry
   */
  public GeneratedSource generate(String sourceName, String className, String abiJson) {
    if (className == null || !Names.isIdentifier(className) || Names.isKeyword(className)) {
      throw new CodegenException(sourceName + ": not a Java class name: " + className);
    }
    if (abiJson == null) {
      throw new CodegenException(sourceName + ": no ABI text");
    }
    List<AbiEntry> entries = AbiJsonReader.read(sourceName, abiJson);
    String text =
        new ContractGenerator(sourceName, packageName, className, entries).generate().toString();
    return new GeneratedSource(packageName, className, text);
  }
}

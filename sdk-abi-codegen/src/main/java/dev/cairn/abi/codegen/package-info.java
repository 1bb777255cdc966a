/**
 * Typed Java bindings generated from ABI JSON (functions, struct records, events, custom errors);
 * the {@code abi-maven-plugin} runs it in a build.
 *
 * <pre>{@code
 * GeneratedSource source = AbiCodegen.forPackage("com.example.contracts")
 *     .generate("Token", abiJson, null);                         // class name, ABI JSON, bytecode
 * source.writeTo(outputDir);                                     // com/example/contracts/Token.java
 * }</pre>
 */
package dev.cairn.abi.codegen;

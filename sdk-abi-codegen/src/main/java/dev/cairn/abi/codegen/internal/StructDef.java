package dev.cairn.abi.codegen.internal;

import com.palantir.javapoet.ClassName;

/**
 * A record the generator emits for a tuple type.
 *
 * @param className the record's class name (nested in the contract class)
 * @param type the tuple type (a representative occurrence)
 * @param origin where it was first seen, for messages
 */
record StructDef(ClassName className, SolType type, String origin) {}

package dev.cairn.svm.idl;

import dev.cairn.testing.oracle.LazyOracle;
import dev.cairn.testing.oracle.OracleScript;
import java.nio.file.Path;

/** tools/svm-oracle/anchor.mjs (@coral-xyz/anchor 0.32 BorshCoder) through the testing kit's oracle bridge. */
final class AnchorOracle {
  static final LazyOracle ORACLE = OracleScript
      .of(Path.of(System.getProperty("cairn.svmOracle", "../tools/svm-oracle")).resolve("anchor.mjs"))
      .requirePackages("@coral-xyz/anchor", "@solana/web3.js")
      .lazy();

  private AnchorOracle() {}
}

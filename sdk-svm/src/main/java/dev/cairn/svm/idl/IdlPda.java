package dev.cairn.svm.idl;

import java.util.List;

/** The seeds of a PDA account: constants, instruction arguments, other accounts; and the program that derives it. */
final class IdlPda {
  enum Kind { CONST, ARG, ACCOUNT }

  static final class Seed {
    final Kind kind;
    final byte[] value;
    final String path;

    Seed(Kind kind, byte[] value, String path) {
      this.kind = kind;
      this.value = value;
      this.path = path;
    }
  }

  final List<Seed> seeds;
  /** The deriving program, or null for the instruction's program. */
  final Seed program;

  IdlPda(List<Seed> seeds, Seed program) {
    this.seeds = seeds;
    this.program = program;
  }
}

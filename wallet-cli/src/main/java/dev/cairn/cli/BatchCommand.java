package dev.cairn.cli;

import dev.cairn.cli.batch.WalletOps;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code wallet batch}: the machine interface (JSON Lines on stdin and stdout). */
@Command(
    name = "batch",
    mixinStandardHelpOptions = true,
    description = {
      "Answer JSON Lines requests from stdin, one JSON line per input line, in order.",
      "",
      "Request:  {\"id\": <any JSON, echoed>, \"op\": \"<name>\", ...fields}",
      "Success:  {\"id\": ..., \"ok\": true, \"result\": <JSON>}",
      "Failure:  {\"id\": ..., \"ok\": false, \"error\": {\"code\": \"...\", \"message\": \"...\"}}",
      "",
      "Error codes: BAD_REQUEST (malformed JSON, not an object, unknown op or field, missing field;",
      "  the id is echoed when it can be read, else null), INVALID_ARGUMENT (a value that does not",
      "  fit), DECODE_ERROR (bad encoding), UNSUPPORTED (an op of the specification a later module",
      "  provides), INTERNAL_ERROR (a bug).",
      "A blank line is answered with BAD_REQUEST (id null), so the n-th output line always answers",
      "the n-th input line. Lines end with LF or CRLF. Each answer is flushed at once.",
      "",
      "Ops: mnemonic.generate {words}, mnemonic.toSeed {mnemonic, passphrase?},",
      "  hd.address {chain: evm|svm|cosmos, mnemonic, passphrase?, path?, hrp?},",
      "  hd.privateKey {chain, mnemonic, passphrase?, path?}.",
      "Integers: a JSON number, a decimal string or a 0x-hex string. Bytes: 0x-hex.",
      "Specification: shared/specs/wallet-cli.md; summary and examples: examples/README.md.",
      "",
      "Exit status: 0 at end of input, whatever the requests' outcome; 2 if stdin cannot be read",
      "or stdout cannot be written."
    })
final class BatchCommand extends WalletCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    try {
      WalletOps.engine(new SecureRandom()).run(in(), out());
    } catch (IOException e) {
      err().println("wallet batch: I/O error: " + e.getMessage());
      return ExitCodes.USAGE_OR_IO;
    }
    if (out().checkError()) {
      err().println("wallet batch: cannot write to stdout");
      return ExitCodes.USAGE_OR_IO;
    }
    return ExitCodes.OK;
  }
}

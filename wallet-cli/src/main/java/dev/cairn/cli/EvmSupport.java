package dev.cairn.cli;

import dev.cairn.abi.Address;
import dev.cairn.core.chain.ChainError;
import dev.cairn.core.chain.ChainException;
import dev.cairn.core.chain.ErrorKind;
import dev.cairn.core.encoding.Hex;
import dev.cairn.evm.rpc.BlockId;
import dev.cairn.evm.rpc.EvmRpcClient;
import dev.cairn.evm.rpc.Receipt;
import dev.cairn.transport.TransportException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import picocli.CommandLine.Option;

/**
 * What the {@code wallet evm} commands and the demo share: the node option, parsing of blocks,
 * amounts and addresses, waiting on futures, and the receipt summary.
 */
final class EvmSupport {
  static final String RPC_URL_ENV = "WALLET_RPC_URL";
  static final String DEFAULT_RPC_URL = "http://127.0.0.1:8545";
  static final BigInteger MAX_UINT256 = BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE);
  private static final int MAX_NUMBER_CHARS = 100;

  private EvmSupport() {}

  /** The {@code --rpc-url} option. */
  static final class RpcOptions {
    @Option(
        names = "--rpc-url",
        paramLabel = "URL",
        description =
            "JSON-RPC endpoint of the node (default: environment variable " + RPC_URL_ENV
                + " if set, else " + DEFAULT_RPC_URL + ").")
    String rpcUrl;

    @Option(
        names = "--rpc-timeout",
        paramLabel = "SECONDS",
        defaultValue = "10",
        description = "Timeout of each call to the node, retries included (default: ${DEFAULT-VALUE}).")
    int rpcTimeoutSeconds;

    String url(Map<String, String> env) {
      return rpcUrl != null ? rpcUrl : env.getOrDefault(RPC_URL_ENV, DEFAULT_RPC_URL);
    }

    EvmRpcClient client(Map<String, String> env) {
      if (rpcTimeoutSeconds <= 0) {
        throw new UserInputException("--rpc-timeout: must be positive, got " + rpcTimeoutSeconds);
      }
      return EvmSupport.client(url(env), Duration.ofSeconds(rpcTimeoutSeconds), true);
    }
  }

  /** A client for {@code url}; the URL must be http(s). */
  static EvmRpcClient client(String url, Duration timeout, boolean retry) {
    String u = url.strip();
    if (!(u.startsWith("http://") || u.startsWith("https://"))) {
      throw new UserInputException("--rpc-url: expected an http:// or https:// URL, got \"" + u + "\"");
    }
    try {
      EvmRpcClient.Builder b = EvmRpcClient.builder(u).timeout(timeout);
      if (!retry) {
        b.retryPolicy(dev.cairn.transport.RetryPolicy.NONE);
      }
      return b.build();
    } catch (IllegalArgumentException e) {
      throw new UserInputException("--rpc-url: not a valid URL: \"" + u + "\"");
    }
  }

  /** Whether a failure means the node could not be reached (exit code 2 rather than 1). */
  static boolean isNodeUnreachable(Throwable e) {
    if (e instanceof TransportException) {
      return ((TransportException) e).isTransportFailure();
    }
    return e instanceof ChainException && ((ChainException) e).kind() == ErrorKind.TRANSPORT;
  }

  /** Waits for {@code f}; its failure is rethrown as it is (unwrapped from the future's wrappers). */
  static <T> T await(CompletableFuture<T> f) {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UserInputException("interrupted");
    } catch (ExecutionException | CompletionException | CancellationException e) {
      Throwable c = e;
      while ((c instanceof ExecutionException || c instanceof CompletionException) && c.getCause() != null) {
        c = c.getCause();
      }
      throw revertOr(c);
    }
  }

  /**
   * A revert as a readable error naming its decoded reason and keeping the raw data; other
   * failures unchanged.
   */
  static RuntimeException revertOr(Throwable c) {
    if (c instanceof ChainException && ((ChainException) c).kind() == ErrorKind.REVERTED) {
      ChainError err = ((ChainException) c).error();
      StringBuilder sb = new StringBuilder("execution reverted");
      err.revertReason().ifPresent(r -> sb.append(": ").append(r));
      if (err.revertReason().isEmpty()) {
        sb.append(" (").append(err.message()).append(')');
      }
      byte[] data = err.nativeData();
      if (data.length > 0) {
        sb.append(" [revert data ").append(Hex.encodePrefixed(data)).append(']');
      }
      err.transactionId().ifPresent(t -> sb.append(" [tx ").append(t).append(']'));
      return new UserInputException(sb.toString());
    }
    if (c instanceof RuntimeException) {
      return (RuntimeException) c;
    }
    return new CompletionException(c);
  }

  /** An address argument: 0x + 40 hex digits; mixed case must pass EIP-55. */
  static Address address(String what, String s) {
    return Address.parse(what, s.strip());
  }

  /** {@code latest}, {@code pending}, {@code safe}, {@code finalized}, {@code earliest}, a number or 0x-number. */
  static BlockId block(String s) {
    String b = s.strip();
    switch (b) {
      case "latest":
        return BlockId.LATEST;
      case "pending":
        return BlockId.PENDING;
      case "safe":
        return BlockId.SAFE;
      case "finalized":
        return BlockId.FINALIZED;
      case "earliest":
        return BlockId.EARLIEST;
      default:
        BigInteger n = integer("--block", b);
        if (n.bitLength() > 63) {
          throw new UserInputException("--block: " + b + " is beyond 2^63-1");
        }
        return BlockId.number(n.longValue());
    }
  }

  /** A non-negative integer in decimal or 0x-hex. */
  static BigInteger integer(String what, String s) {
    String t = s.strip();
    if (t.isEmpty() || t.length() > MAX_NUMBER_CHARS) {
      throw new UserInputException(what + ": expected a number of 1 to " + MAX_NUMBER_CHARS
          + " characters (decimal or 0x-hex), got " + t.length());
    }
    boolean hex = t.startsWith("0x") || t.startsWith("0X");
    String digits = hex ? t.substring(2) : t;
    if (digits.isEmpty()) {
      throw new UserInputException(what + ": \"" + t + "\" has no digits");
    }
    for (int i = 0; i < digits.length(); i++) {
      if (Character.digit(digits.charAt(i), hex ? 16 : 10) < 0) {
        throw new UserInputException(what + ": \"" + t + "\" is not a " + (hex ? "hex" : "decimal")
            + " number (character " + (i + (hex ? 2 : 0)) + ")");
      }
    }
    return new BigInteger(digits, hex ? 16 : 10);
  }

  /**
   * An amount of wei: an integer (decimal or 0x-hex) of wei, or a decimal number followed by
   * {@code ether}, {@code gwei} or {@code wei} ({@code 1.5ether}, {@code 30gwei}); below 2^256.
   */
  static BigInteger wei(String what, String s) {
    String t = s.strip().toLowerCase(java.util.Locale.ROOT);
    int shift;
    String number;
    if (t.endsWith("ether")) {
      shift = 18;
      number = t.substring(0, t.length() - 5);
    } else if (t.endsWith("gwei")) {
      shift = 9;
      number = t.substring(0, t.length() - 4);
    } else if (t.endsWith("wei")) {
      shift = 0;
      number = t.substring(0, t.length() - 3);
    } else {
      return checkUint256(what, integer(what, t), s);
    }
    number = number.strip();
    if (number.isEmpty() || number.length() > MAX_NUMBER_CHARS) {
      throw new UserInputException(what + ": expected a number before the unit, got \"" + s.strip() + "\"");
    }
    int dots = 0;
    for (int i = 0; i < number.length(); i++) {
      char c = number.charAt(i);
      if (c == '.') {
        dots++;
      } else if (c < '0' || c > '9') {
        dots = 2;
      }
    }
    if (dots > 1 || number.equals(".")) {
      throw new UserInputException(what + ": \"" + s.strip()
          + "\" is not a decimal number with a unit (like 1.5ether, 30gwei)");
    }
    BigDecimal v = new BigDecimal(number).movePointRight(shift);
    if (v.stripTrailingZeros().scale() > 0) {
      throw new UserInputException(what + ": \"" + s.strip() + "\" is not a whole number of wei");
    }
    return checkUint256(what, v.toBigIntegerExact(), s);
  }

  private static BigInteger checkUint256(String what, BigInteger v, String s) {
    if (v.compareTo(MAX_UINT256) > 0) {
      throw new UserInputException(what + ": \"" + s.strip() + "\" is not below 2^256 wei");
    }
    return v;
  }

  /** Wei as ether, exactly ({@code 1.5}, {@code 0}). */
  static String ether(BigInteger wei) {
    BigDecimal e = new BigDecimal(wei).movePointLeft(18).stripTrailingZeros();
    return e.signum() == 0 ? "0" : e.toPlainString();
  }

  /** The receipt summary of {@code wallet evm receipt}, {@code send --wait} and the demo. */
  static void printReceipt(PrintStream out, String indent, Receipt r) {
    out.println(indent + "transaction  " + r.transactionHash().toHex());
    out.println(indent + "status       " + (r.isSuccess() ? "success (1)" : "failed (0)"));
    out.println(indent + "block        " + r.blockNumber() + " " + r.blockHash().toHex());
    out.println(indent + "from         " + r.from().toChecksumString());
    r.to().ifPresent(t -> out.println(indent + "to           " + t.toChecksumString()));
    r.contractAddress().ifPresent(c -> out.println(indent + "contract     " + c.toChecksumString()));
    out.println(indent + "gas used     " + r.gasUsed());
    r.effectiveGasPrice().ifPresent(p -> {
      out.println(indent + "gas price    " + p + " wei");
      out.println(indent + "fee          " + ether(p.multiply(BigInteger.valueOf(r.gasUsed()))) + " ETH");
    });
    out.println(indent + "logs         " + r.logs().size());
  }
}

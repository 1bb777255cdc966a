package dev.cairn.cli;

import dev.cairn.core.chain.ChainException;
import dev.cairn.core.chain.ErrorKind;
import dev.cairn.core.encoding.DecodingException;
import dev.cairn.core.hd.DerivationPath;
import dev.cairn.core.hd.Mnemonic;
import dev.cairn.core.hd.MnemonicException;
import dev.cairn.core.hd.Slip10;
import dev.cairn.cli.HdWallets.Chain;
import dev.cairn.svm.Keypair;
import dev.cairn.svm.Pubkey;
import dev.cairn.svm.SvmException;
import dev.cairn.svm.adapter.SvmChainAdapter;
import dev.cairn.svm.rpc.SvmRpcClient;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Shared pieces of the {@code wallet svm} commands and the demo's Solana part. */
final class SvmSupport {
  static final String RPC_URL_ENV = "WALLET_SVM_RPC_URL";
  /** The local test validator's (and scripts/litesvm.sh's) default endpoint. */
  static final String DEFAULT_RPC_URL = "http://127.0.0.1:8899";
  static final int SOL_DECIMALS = 9;

  private SvmSupport() {}

  /** {@code --rpc URL} and {@code --rpc-timeout}. */
  static final class RpcOptions {
    @Option(names = {"--rpc", "--rpc-url"}, paramLabel = "URL",
        description = "Solana JSON-RPC endpoint (default: environment variable " + RPC_URL_ENV
            + " if set, else " + DEFAULT_RPC_URL + ", the local validator's and scripts/litesvm.sh's).")
    String rpcUrl;

    @Option(names = "--rpc-timeout", paramLabel = "SECONDS", defaultValue = "10",
        description = "Timeout of each call to the node (default: ${DEFAULT-VALUE}).")
    int rpcTimeoutSeconds;

    String url(Map<String, String> env) {
      return rpcUrl != null ? rpcUrl : env.getOrDefault(RPC_URL_ENV, DEFAULT_RPC_URL);
    }

    SvmRpcClient client(Map<String, String> env) {
      if (rpcTimeoutSeconds <= 0) {
        throw new UserInputException("--rpc-timeout: must be positive, got " + rpcTimeoutSeconds);
      }
      return SvmSupport.client(url(env), Duration.ofSeconds(rpcTimeoutSeconds), true);
    }
  }

  static SvmRpcClient client(String url, Duration timeout, boolean retry) {
    String u = url.strip();
    if (!(u.startsWith("http://") || u.startsWith("https://"))) {
      throw new UserInputException("--rpc: expected an http:// or https:// URL, got \"" + u + "\"");
    }
    try {
      SvmRpcClient.Builder b = SvmRpcClient.builder(u).timeout(timeout);
      if (!retry) {
        b.retryPolicy(dev.cairn.transport.RetryPolicy.NONE);
      }
      return b.build();
    } catch (IllegalArgumentException e) {
      throw new UserInputException("--rpc: not a valid URL: \"" + u + "\"");
    }
  }

  /** An adapter over {@code rpc} (which it closes). */
  static SvmChainAdapter adapter(SvmRpcClient rpc) {
    return SvmChainAdapter.builder(rpc).pollInterval(Duration.ofMillis(250)).build();
  }

  /** Where the signing key comes from: {@code --keypair FILE}, or the mnemonic and {@code --path}. */
  static final class KeyOptions {
    @Option(names = {"-k", "--keypair"}, paramLabel = "FILE",
        description = "Solana CLI keypair file (a JSON array of 64 numbers). Without it the key is"
            + " derived from the mnemonic (WALLET_MNEMONIC, --mnemonic-env, a prompt or stdin) at --path.")
    Path keypairFile;

    @Option(names = {"-p", "--path"}, paramLabel = "PATH",
        description = "SLIP-0010 path of the key in the mnemonic (default: m/44'/501'/0'/0').")
    String path;

    @Mixin SecretOptions secrets;

    /** The keypair; the caller destroys it. */
    Keypair keypair(InputStream in, Map<String, String> env) {
      if (keypairFile != null) {
        if (path != null) {
          throw new UserInputException("--path applies to a mnemonic, not to --keypair");
        }
        byte[] raw;
        try {
          raw = Files.readAllBytes(keypairFile);
        } catch (IOException e) {
          throw new UserInputException("--keypair: cannot read " + keypairFile + ": " + e.getClass().getSimpleName());
        }
        try {
          return Keypair.fromJson(new String(raw, StandardCharsets.UTF_8));
        } catch (DecodingException | SvmException e) {
          throw new UserInputException("--keypair: " + keypairFile + " is not a Solana keypair file");
        } finally {
          Arrays.fill(raw, (byte) 0);
        }
      }
      DerivationPath p = HdCommand.path(path, Chain.SVM);
      Mnemonic m;
      try {
        m = Mnemonic.parse(secrets.mnemonic(in, env));
      } catch (MnemonicException e) {
        throw new UserInputException("mnemonic: " + e.getMessage());
      }
      try {
        Slip10.Ed25519Key k = HdWallets.ed25519(m, "", p);
        try {
          return Keypair.of(k.privateKey());
        } finally {
          k.destroy();
        }
      } finally {
        m.destroy();
      }
    }
  }

  static Pubkey address(String label, String text) {
    try {
      return Pubkey.fromBase58(label, text.strip());
    } catch (DecodingException e) {
      throw new UserInputException(label + ": not a Solana address (" + e.getMessage() + ")");
    }
  }

  /** A decimal amount with {@code decimals} fraction digits in base units (1.5 SOL = 1500000000). */
  static long units(String label, String text, int decimals) {
    BigDecimal d;
    try {
      d = new BigDecimal(text.strip());
    } catch (NumberFormatException e) {
      throw new UserInputException(label + ": not a decimal number: \"" + text.strip() + "\"");
    }
    if (d.signum() <= 0) {
      throw new UserInputException(label + ": must be positive");
    }
    BigDecimal scaled = d.movePointRight(decimals);
    BigInteger u;
    try {
      u = scaled.toBigIntegerExact();
    } catch (ArithmeticException e) {
      throw new UserInputException(label + ": more than " + decimals + " decimals");
    }
    if (u.bitLength() > 63) {
      throw new UserInputException(label + ": too large");
    }
    return u.longValue();
  }

  static String display(long units, int decimals) {
    return BigDecimal.valueOf(units, decimals).stripTrailingZeros().toPlainString();
  }

  /** A readable line for a failed send, keeping the native code (instruction index, custom error). */
  static UserInputException failed(ChainException e) {
    String code = e.error().nativeCode().map(c -> " [" + c + "]").orElse("");
    return new UserInputException((e.kind() == ErrorKind.EXPIRED ? "expired: " : "failed: ") + e.error().message() + code);
  }
}

package dev.cairn.evm.testing;

import dev.cairn.abi.AbiTypes;
import dev.cairn.abi.Address;
import dev.cairn.abi.ContractAbi;
import dev.cairn.abi.Tuple;
import dev.cairn.core.crypto.Secp256k1PrivateKey;
import dev.cairn.core.encoding.Hex;
import dev.cairn.core.signer.Signers;
import dev.cairn.core.signer.SoftwareSigner;
import dev.cairn.evm.EvmChainAdapter;
import dev.cairn.evm.contract.Multicall3;
import dev.cairn.evm.rpc.BlockId;
import dev.cairn.evm.rpc.EvmRpcClient;
import dev.cairn.testing.node.Anvil;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** The checked-in test contracts (src/test/resources/contracts) and helpers to deploy them on anvil. */
public final class TestContracts {
  private TestContracts() {}

  /** A resource under /contracts as text. */
  public static String resource(String name) {
    try (InputStream in = TestContracts.class.getResourceAsStream("/contracts/" + name)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource /contracts/" + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** TestToken's ABI. */
  public static ContractAbi tokenAbi() {
    return ContractAbi.parseJson(resource("TestToken.abi.json"));
  }

  /** Delegate's ABI. */
  public static ContractAbi delegateAbi() {
    return ContractAbi.parseJson(resource("Delegate.abi.json"));
  }

  /** TestToken's init code with constructor arguments. */
  public static byte[] tokenInitCode(String name, String symbol, int decimals, BigInteger supply) {
    byte[] code = Hex.decode(resource("TestToken.bin").substring(2));
    byte[] args = AbiTypes.tuple("string", "string", "uint8", "uint256").encode(Tuple.of(name, symbol, decimals, supply));
    byte[] out = new byte[code.length + args.length];
    System.arraycopy(code, 0, out, 0, code.length);
    System.arraycopy(args, 0, out, code.length, args.length);
    return out;
  }

  /** Delegate's init code. */
  public static byte[] delegateInitCode() {
    return Hex.decode(resource("Delegate.bin").substring(2));
  }

  /** A software signer for anvil dev account {@code i}. */
  public static SoftwareSigner devSigner(int i) {
    return Signers.software(Secp256k1PrivateKey.of(Anvil.devKey(i)));
  }

  /** The address of anvil dev account {@code i}. */
  public static Address devAddress(int i) {
    return Address.parse(Anvil.DEV_ADDRESSES.get(i));
  }

  /** An adapter for anvil with fast receipt polling. */
  public static EvmChainAdapter adapter(Anvil anvil) {
    return EvmChainAdapter.builder(EvmRpcClient.create(anvil.url())).receiptPollInterval(Duration.ofMillis(50))
        .closeRpcOnClose(true).build();
  }

  /**
   * Deploys Multicall3 at its canonical address with its original keyless deployment transaction
   * (funding the one-time deployer first), unless code is already there.
   */
  public static void ensureMulticall3(Anvil anvil, EvmRpcClient rpc) {
    if (rpc.getCode(Multicall3.ADDRESS, BlockId.LATEST).send().length > 0) {
      return;
    }
    anvil.rpc("anvil_setBalance", "0x05f32b3cc3888453ff71b01135b34ff8e41263f2", "0x16345785d8a0000"); // 0.1 ETH
    anvil.rpc("eth_sendRawTransaction", resource("Multicall3.deploy.hex"));
    // automine mines the transaction right after accepting it, not before answering: on a loaded
    // machine the block can come a moment later
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (rpc.getCode(Multicall3.ADDRESS, BlockId.LATEST).send().length == 0) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("Multicall3 deployment left no code at " + Multicall3.ADDRESS + " within 10 s");
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for Multicall3", e);
      }
    }
  }
}

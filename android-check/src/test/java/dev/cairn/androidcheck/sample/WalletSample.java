package dev.cairn.androidcheck.sample;

import com.sun.net.httpserver.HttpServer;
import dev.cairn.abi.Address;
import dev.cairn.abi.Function;
import dev.cairn.core.chain.Inspectors;
import dev.cairn.core.crypto.Secp256k1;
import dev.cairn.core.hd.Bip32Key;
import dev.cairn.core.hd.DerivationPath;
import dev.cairn.core.hd.Mnemonic;
import dev.cairn.core.signer.Signers;
import dev.cairn.core.signer.SoftwareSigner;
import dev.cairn.evm.rpc.EvmRpcClient;
import dev.cairn.evm.tx.SignedTransaction;
import dev.cairn.evm.tx.Transaction;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * What an Android wallet does with Cairn, as one program that R8 shrinks with the AAR's consumer
 * rules (R8SampleIT) and that then runs on the JVM: HD keys, ABI, EVM signing, the service-loaded
 * secp256k1 backend and EVM inspector, and a JSON-RPC call through the transport ({@link #wallet},
 * served a local JSON-RPC node by {@link #main}). Prints
 * "sample: ok" and exits 0 when every check holds; exits 1 naming the first that does not.
 */
public final class WalletSample {
  public static void main(String[] args) throws Exception {
    HttpServer node = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    node.createContext("/", ex -> {
      byte[] body = "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":\"0x7a69\"}".getBytes(StandardCharsets.UTF_8);
      ex.getRequestBody().readAllBytes();
      ex.getResponseHeaders().add("Content-Type", "application/json");
      ex.sendResponseHeaders(200, body.length);
      try (OutputStream o = ex.getResponseBody()) {
        o.write(body);
      }
    });
    node.start();
    try {
      wallet("http://127.0.0.1:" + node.getAddress().getPort());
    } finally {
      node.stop(0);
    }
    System.out.println("sample: ok");
  }

  /**
   * The wallet: what an app runs (DexFootprintIT keeps this method as the app's entry point; main
   * adds the JVM-only local node).
   */
  public static void wallet(String nodeUrl) throws Exception {
    check("secp256k1 backends found by ServiceLoader", String.valueOf(Secp256k1.backends()),
        Secp256k1.backends().toString().contains("java"));
    Mnemonic m = Mnemonic.parse("abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about");
    Bip32Key key = Bip32Key.fromSeed(m.toSeed("")).derive(DerivationPath.EVM);
    Address from = Address.fromPublicKey(key.publicKey());
    check("HD address", from.toChecksumString(), from.toChecksumString().equals("0x9858EfFD232B4033E47d90003D41EC34EcaEda94"));
    byte[] calldata = Function.parse("function transfer(address to, uint256 amount) returns (bool)")
        .encodeCall(from, BigInteger.TEN.pow(18));
    check("ABI calldata", calldata.length + " bytes", calldata.length == 68 && (calldata[0] & 0xff) == 0xa9);
    try (SoftwareSigner signer = Signers.software(key.privateKey())) {
      Transaction tx = Transaction.eip1559().chainId(31337).nonce(0).gasLimit(60_000)
          .maxFeePerGas(BigInteger.valueOf(2_000_000_000L)).maxPriorityFeePerGas(BigInteger.ONE)
          .to(from).data(calldata).build();
      SignedTransaction signed = tx.sign(signer);
      SignedTransaction back = SignedTransaction.decode(signed.encoded());
      check("signed transaction decodes to its sender", back.from().toString(), back.from().equals(from));
    }
    StringBuilder names = new StringBuilder();
    for (dev.cairn.core.chain.spi.TransactionInspector i : Inspectors.available()) {
      names.append(i.name()).append(' ');
    }
    check("transaction inspectors found by ServiceLoader", names.toString().trim(), Inspectors.available().size() >= 3);
    key.destroy();
    m.destroy();

    try (EvmRpcClient rpc = EvmRpcClient.create(nodeUrl)) {
      long id = rpc.chainId().send();
      check("eth_chainId through the transport", String.valueOf(id), id == 31337);
    }
  }

  private static void check(String what, String got, boolean ok) {
    System.out.println((ok ? "ok      " : "FAILED  ") + what + ": " + got);
    if (!ok) {
      System.exit(1);
    }
  }
}

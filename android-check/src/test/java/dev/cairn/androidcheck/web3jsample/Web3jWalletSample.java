package dev.cairn.androidcheck.web3jsample;

import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Bool;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.crypto.Bip32ECKeyPair;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.MnemonicUtils;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.SignedRawTransaction;
import org.web3j.crypto.TransactionDecoder;
import org.web3j.crypto.TransactionEncoder;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.http.HttpService;
import org.web3j.utils.Numeric;

/**
 * The web3j counterpart of {@code dev.cairn.androidcheck.sample.WalletSample}, for the dex footprint
 * comparison (DexFootprintIT): the same wallet steps with web3j 4.12.3's core and crypto artifacts.
 * BIP-39 seed of the "abandon ... about" mnemonic, BIP-44 derivation with Bip32ECKeyPair, the ERC-20
 * transfer calldata with FunctionEncoder, an EIP-1559 transaction signed with TransactionEncoder and
 * decoded back to its sender, and eth_chainId through Web3j.build(new HttpService(url)). The app
 * entry that R8 keeps is {@link #wallet(String)}; {@link #main} serves it a local JSON-RPC node on the
 * JVM (the JDK's HTTP server, which an Android app would not ship). Prints "sample: ok" and exits 0
 * when every check holds; exits 1 naming the first that does not.
 */
public final class Web3jWalletSample {
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

  /** The wallet: what the shrunk app runs. */
  public static void wallet(String nodeUrl) throws Exception {
    String mnemonic = "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about";
    check("mnemonic checksum", mnemonic, MnemonicUtils.validateMnemonic(mnemonic));
    Bip32ECKeyPair master = Bip32ECKeyPair.generateKeyPair(MnemonicUtils.generateSeed(mnemonic, ""));
    int h = Bip32ECKeyPair.HARDENED_BIT;
    Bip32ECKeyPair key = Bip32ECKeyPair.deriveKeyPair(master, new int[] {44 | h, 60 | h, h, 0, 0});
    Credentials credentials = Credentials.create(key);
    String from = credentials.getAddress();
    check("HD address", from, from.equalsIgnoreCase("0x9858EfFD232B4033E47d90003D41EC34EcaEda94"));
    Function transfer = new Function("transfer",
        Arrays.asList(new Address(from), new Uint256(BigInteger.TEN.pow(18))),
        Collections.singletonList(new TypeReference<Bool>() {}));
    byte[] calldata = Numeric.hexStringToByteArray(FunctionEncoder.encode(transfer));
    check("ABI calldata", calldata.length + " bytes", calldata.length == 68 && (calldata[0] & 0xff) == 0xa9);
    RawTransaction tx = RawTransaction.createTransaction(31337L, BigInteger.ZERO, BigInteger.valueOf(60_000), from,
        BigInteger.ZERO, Numeric.toHexString(calldata), BigInteger.ONE, BigInteger.valueOf(2_000_000_000L));
    byte[] signed = TransactionEncoder.signMessage(tx, credentials);
    SignedRawTransaction back = (SignedRawTransaction) TransactionDecoder.decode(Numeric.toHexString(signed));
    check("signed transaction decodes to its sender", back.getFrom(), back.getFrom().equalsIgnoreCase(from));

    Web3j web3j = Web3j.build(new HttpService(nodeUrl));
    try {
      long id = web3j.ethChainId().send().getChainId().longValue();
      check("eth_chainId through the transport", String.valueOf(id), id == 31337);
    } finally {
      web3j.shutdown();
    }
  }

  private static void check(String what, String got, boolean ok) {
    System.out.println((ok ? "ok      " : "FAILED  ") + what + ": " + got);
    if (!ok) {
      System.exit(1);
    }
  }
}

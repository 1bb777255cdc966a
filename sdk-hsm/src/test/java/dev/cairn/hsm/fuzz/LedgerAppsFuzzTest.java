package dev.cairn.hsm.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.cairn.core.encoding.Hex;
import dev.cairn.core.hd.DerivationPath;
import dev.cairn.hsm.ledger.LedgerException;
import dev.cairn.hsm.ledger.LedgerTransport;
import dev.cairn.hsm.ledger.TransportDescriptor;
import dev.cairn.hsm.ledger.cosmos.CosmosApp;
import dev.cairn.hsm.ledger.eth.EthApp;
import dev.cairn.hsm.ledger.solana.SolanaApp;
import java.nio.charset.StandardCharsets;

/**
 * The response parsers of the Ethereum, Solana and Cosmos Ledger apps: a transport that answers
 * every command APDU with the fuzzer's bytes (the device is outside our control), under each app
 * call (configuration and version, addresses and public keys, transaction, message and typed-data
 * signatures, over one or many APDUs). Each call returns a value or throws {@link LedgerException}
 * and nothing else.
 *
 * <p>Input: data[0] picks the call; then the device's responses, each a 2-byte big-endian length
 * and that many bytes (data and status word); when they run out the device is gone (TRANSPORT).
 */
class LedgerAppsFuzzTest {
  static final String ETH_PATH = "44'/60'/0'/0/0";
  static final byte[] LEGACY_TX = Hex.decode("e8018504e3b292008252089428ee52a8f3d6e5d15f8b131996950d7f296c7952872bd72a2487400080");
  static final byte[] EIP1559_TX = Hex.decode(
      "02ef0306843b9aca008504a817c80082520894b2bb2b958afa2e96dab3f3ce7162b87daea39017872386f26fc1000080c0");
  static final String TYPED_DATA = "{\"types\":{\"EIP712Domain\":[{\"name\":\"name\",\"type\":\"string\"},"
      + "{\"name\":\"chainId\",\"type\":\"uint256\"}],\"Mail\":[{\"name\":\"contents\",\"type\":\"string\"}]},"
      + "\"primaryType\":\"Mail\",\"domain\":{\"name\":\"Ether Mail\",\"chainId\":1},\"message\":{\"contents\":\"Hello\"}}";
  static final DerivationPath SOL_PATH = DerivationPath.parse("m/44'/501'/0'/0'");
  static final byte[] SOL_MESSAGE = Hex.decode("010001035eb9862fe23e544a2a0969cc157cb31fd72901cc2824d536a67fb8ee911e02363b9ba3a2ebaf40c1cd672a80a8e1"
      + "932b982cca8264be33c39359701e113c3da20000000000000000000000000000000000000000000000000000000000000000"
      + "030303030303030303030303030303030303030303030303030303030303030301020200010c020000002a00000000000000");
  static final DerivationPath COSMOS_PATH = DerivationPath.parse("m/44'/118'/0'/0/0");
  static final byte[] AMINO = ("{\"account_number\":\"1\",\"chain_id\":\"testing\",\"fee\":{\"amount\":[],\"gas\":\"200000\"},"
      + "\"memo\":\"\",\"msgs\":[],\"sequence\":\"0\"}").getBytes(StandardCharsets.UTF_8);

  /** Answers from the fuzzer's bytes. */
  static final class Device implements LedgerTransport {
    final byte[] d;
    int pos;

    Device(byte[] d, int pos) {
      this.d = d;
      this.pos = pos;
    }

    @Override
    public byte[] exchange(byte[] commandApdu) {
      if (pos + 2 > d.length) {
        throw new LedgerException(LedgerException.Kind.TRANSPORT, "device", "gone (no more answers)");
      }
      int n = Math.min(((d[pos] & 0xff) << 8) | (d[pos + 1] & 0xff), d.length - pos - 2);
      byte[] out = java.util.Arrays.copyOfRange(d, pos + 2, pos + 2 + n);
      pos += 2 + n;
      return out;
    }

    @Override
    public TransportDescriptor descriptor() {
      return TransportDescriptor.of("fuzz", "memory");
    }

    @Override
    public void close() {}
  }

  @FuzzTest(maxDuration = "10m")
  void appResponses(byte[] data) {
    if (data.length == 0) {
      return;
    }
    Device dev = new Device(data, 1);
    EthApp eth = EthApp.on(dev);
    SolanaApp sol = SolanaApp.over(dev);
    CosmosApp cosmos = CosmosApp.over(dev);
    try {
      switch ((data[0] & 0xff) % 17) {
        case 0: eth.getAppConfiguration().toString(); break;
        case 1: eth.getAddress(ETH_PATH, false, true).toString(); break;
        case 2: eth.getAddress(ETH_PATH, true, false, java.math.BigInteger.valueOf(137)).toString(); break;
        case 3: eth.signTransaction(ETH_PATH, LEGACY_TX).toString(); break;
        case 4: eth.signTransaction(ETH_PATH, EIP1559_TX).toString(); break;
        case 5: eth.signPersonalMessage(ETH_PATH, "test".getBytes(StandardCharsets.UTF_8)).toString(); break;
        case 6: eth.signEip712Hashed(ETH_PATH, new byte[32], new byte[32]).toString(); break;
        case 7: eth.signEip712Message(ETH_PATH, TYPED_DATA).toString(); break;
        case 8: sol.getAppConfiguration().toString(); break;
        case 9: sol.getPubkey(SOL_PATH, false); break;
        case 10: sol.signTransaction(SOL_PATH, SOL_MESSAGE); break;
        case 11: sol.signOffchainMessage(SOL_PATH, SolanaApp.offchainMessage("hello".getBytes(StandardCharsets.UTF_8))); break;
        case 12: cosmos.getVersion().toString(); break;
        case 13: cosmos.getAddressAndPubKey(COSMOS_PATH, "cosmos", false).toString(); break;
        case 14: cosmos.sign(COSMOS_PATH, AMINO, "cosmos"); break;
        case 15: cosmos.signDer(COSMOS_PATH, AMINO, null); break;
        default: eth.provideErc20TokenInformation(new byte[80]); break;
      }
    } catch (LedgerException e) {
      // the typed rejection
    }
  }
}

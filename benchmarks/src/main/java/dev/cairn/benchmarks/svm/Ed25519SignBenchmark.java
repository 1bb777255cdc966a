package dev.cairn.benchmarks.svm;

import dev.cairn.benchmarks.RotatingInputs;
import dev.cairn.core.crypto.Ed25519PrivateKey;
import dev.cairn.svm.programs.SystemProgram;
import dev.cairn.svm.tx.Message;
import java.util.Arrays;
import java.util.List;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Setup;

/**
 * Ed25519 signing alone, of a serialized SOL-transfer message (150 bytes): Cairn ({@code
 * Keypair.sign}, i.e. sdk-core's {@code Ed25519PrivateKey.sign}) against BouncyCastle 1.83's {@code
 * Ed25519Signer} (a new signer per message, initialised with a prebuilt {@code
 * Ed25519PrivateKeyParameters}, as a BouncyCastle caller holds the key) and sol4k's {@code
 * Keypair.sign} (TweetNaCl). The setup checks that the three produce the same signatures.
 */
public class Ed25519SignBenchmark extends RotatingInputs {
  private SvmFixtures f;
  private byte[][] messages;
  private Ed25519PrivateKey[] cairn;
  private Ed25519PrivateKeyParameters[] bc;
  private org.sol4k.Keypair[] sol4k;

  @Setup
  public void setUp() {
    f = SvmFixtures.INSTANCE;
    int n = SvmFixtures.COUNT;
    messages = new byte[n][];
    cairn = new Ed25519PrivateKey[n];
    bc = new Ed25519PrivateKeyParameters[n];
    sol4k = new org.sol4k.Keypair[n];
    for (int i = 0; i < n; i++) {
      messages[i] = Message.compileLegacy(f.keypairs[i].publicKey(),
          List.of(SystemProgram.transfer(f.keypairs[i].publicKey(), f.destinations[i], f.lamports[i])), f.blockhashes[i]).serialize();
      cairn[i] = f.keypairs[i].privateKey();
      bc[i] = new Ed25519PrivateKeyParameters(f.seeds[i], 0);
      sol4k[i] = org.sol4k.Keypair.fromSecretKey(f.keypairs[i].secretKey());
      byte[] ours = cairn[i].sign(messages[i]);
      SvmFixtures.check(Arrays.equals(ours, bouncyCastle(i)), "BouncyCastle signature " + i);
      SvmFixtures.check(Arrays.equals(ours, sol4k[i].sign(messages[i])), "sol4k signature " + i);
    }
  }

  private byte[] bouncyCastle(int i) {
    Ed25519Signer s = new Ed25519Signer();
    s.init(true, bc[i]);
    s.update(messages[i], 0, messages[i].length);
    return s.generateSignature();
  }

  /** Cairn: sdk-core's Ed25519PrivateKey.sign (what Keypair.sign and Transaction.sign call). */
  @Benchmark
  public byte[] cairn() {
    int i = next();
    return cairn[i].sign(messages[i]);
  }

  /** BouncyCastle: Ed25519Signer. */
  @Benchmark
  public byte[] bouncyCastle() {
    return bouncyCastle(next());
  }

  /** sol4k: Keypair.sign (TweetNaCl port). */
  @Benchmark
  public byte[] sol4k() {
    int i = next();
    return sol4k[i].sign(messages[i]);
  }
}

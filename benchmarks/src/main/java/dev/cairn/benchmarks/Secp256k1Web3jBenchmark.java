package dev.cairn.benchmarks;

import java.math.BigInteger;
import java.security.SignatureException;
import java.util.Arrays;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.math.ec.ECPoint;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Setup;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Sign;

/**
 * The baseline: web3j 4.12.3 (BouncyCastle underneath).
 *
 * <ul>
 *   <li>{@code sign}: {@code Sign.signMessage(digest, keyPair, false)} with a prebuilt {@link
 *       ECKeyPair}; web3j finds the recovery id by trial recovery, which is part of its cost.
 *   <li>{@code verify}: web3j has no one-call verify, so this is BouncyCastle's {@link ECDSASigner}
 *       with web3j's curve parameters; the 65-byte public key is decoded per call, as the Cairn
 *       backends also receive the key as bytes.
 *   <li>{@code recover}: {@code Sign.signedMessageHashToKey(digest, signatureData)}.
 * </ul>
 */
public class Secp256k1Web3jBenchmark extends RotatingInputs {

  private byte[][] digests;
  private ECKeyPair[] keyPairs;
  private byte[][] publicKeys;
  private byte[][] r;
  private byte[][] s;
  private Sign.SignatureData[] signatures;

  /** Loads the fixtures and checks that the baseline agrees with them. */
  @Setup
  public void setUp() throws SignatureException {
    Fixtures f = Fixtures.get();
    digests = new byte[Fixtures.COUNT][];
    keyPairs = new ECKeyPair[Fixtures.COUNT];
    publicKeys = new byte[Fixtures.COUNT][];
    r = new byte[Fixtures.COUNT][];
    s = new byte[Fixtures.COUNT][];
    signatures = new Sign.SignatureData[Fixtures.COUNT];
    for (int i = 0; i < Fixtures.COUNT; i++) {
      digests[i] = f.digest(i);
      keyPairs[i] = f.keyPair(i);
      publicKeys[i] = f.publicKeyUncompressed(i);
      byte[] rs = f.compactSignature(i);
      r[i] = Arrays.copyOfRange(rs, 0, 32);
      s[i] = Arrays.copyOfRange(rs, 32, 64);
      signatures[i] = f.web3jSignature(i);
    }
    for (int i = 0; i < Fixtures.COUNT; i++) {
      Check.that(verify(i), "BouncyCastle verify of fixture " + i);
      Check.that(
          Sign.signedMessageHashToKey(digests[i], signatures[i]).equals(keyPairs[i].getPublicKey()),
          "web3j recover of fixture " + i);
    }
  }

  /** web3j recoverable signature. */
  @Benchmark
  public Sign.SignatureData sign() {
    int i = next();
    return Sign.signMessage(digests[i], keyPairs[i], false);
  }

  /** BouncyCastle ECDSA verification (web3j's curve parameters). */
  @Benchmark
  public boolean verify() {
    return verify(next());
  }

  /** web3j public-key recovery. */
  @Benchmark
  public BigInteger recover() throws SignatureException {
    int i = next();
    return Sign.signedMessageHashToKey(digests[i], signatures[i]);
  }

  private boolean verify(int i) {
    ECPoint q = Fixtures.CURVE.getCurve().decodePoint(publicKeys[i]);
    ECDSASigner signer = new ECDSASigner();
    signer.init(false, new ECPublicKeyParameters(q, Fixtures.CURVE));
    return signer.verifySignature(
        digests[i], new BigInteger(1, r[i]), new BigInteger(1, s[i]));
  }
}

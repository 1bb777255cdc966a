package dev.cairn.evm.tx;

import dev.cairn.abi.Address;
import dev.cairn.core.crypto.Secp256k1PrivateKey;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Random transactions of every type for the property and differential tests. */
final class RandomTxs {
  private final Random r;

  RandomTxs(long seed) {
    this.r = new Random(seed);
  }

  Random random() {
    return r;
  }

  byte[] bytes(int n) {
    byte[] b = new byte[n];
    r.nextBytes(b);
    return b;
  }

  Secp256k1PrivateKey key() {
    while (true) {
      try {
        return Secp256k1PrivateKey.of(bytes(32));
      } catch (RuntimeException e) {
        // out of range: astronomically rare, draw again
      }
    }
  }

  Address address() {
    return Address.of(bytes(20));
  }

  /** Mostly small values, sometimes the extremes of {@code bits} bits. */
  BigInteger uint(int bits) {
    switch (r.nextInt(6)) {
      case 0:
        return BigInteger.ZERO;
      case 1:
        return BigInteger.valueOf(r.nextInt(256));
      case 2:
        return BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE);
      case 3:
        return new BigInteger(bits, r);
      default:
        return new BigInteger(1 + r.nextInt(bits), r);
    }
  }

  /** Non-negative values below 2^53 (viem keeps nonces and chain ids in JS numbers). */
  long safeLong() {
    switch (r.nextInt(4)) {
      case 0:
        return 0;
      case 1:
        return r.nextInt(1000);
      case 2:
        return (1L << 53) - 1;
      default:
        return r.nextLong() >>> (11 + r.nextInt(50));
    }
  }

  long chainId() {
    switch (r.nextInt(4)) {
      case 0:
        return 1;
      case 1:
        return 1 + r.nextInt(100_000);
      default:
        return 1 + (r.nextLong() >>> (11 + r.nextInt(50)));
    }
  }

  byte[] data() {
    switch (r.nextInt(5)) {
      case 0:
        return new byte[0];
      case 1:
        return bytes(1 + r.nextInt(4));
      case 2:
        return bytes(1 + r.nextInt(100));
      case 3:
        return bytes(56 + r.nextInt(2000)); // long RLP headers
      default: {
        byte[] b = new byte[r.nextInt(300)]; // zero-heavy calldata
        for (int i = 0; i < b.length; i += 1 + r.nextInt(8)) {
          b[i] = (byte) r.nextInt(256);
        }
        return b;
      }
    }
  }

  AccessList accessList() {
    int n = r.nextInt(4);
    List<AccessList.Entry> entries = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      int k = r.nextInt(4);
      List<byte[]> keys = new ArrayList<>();
      for (int j = 0; j < k; j++) {
        keys.add(bytes(32));
      }
      entries.add(AccessList.Entry.of(address(), keys));
    }
    return AccessList.of(entries);
  }

  Authorization authorization() {
    BigInteger chainId = r.nextInt(3) == 0 ? BigInteger.ZERO : BigInteger.valueOf(chainId());
    return Authorization.sign(chainId, address(), safeLong(), key());
  }

  /** A random transaction of the given type (legacy: with or without EIP-155). */
  Transaction tx(TxType type) {
    Transaction.Builder b = Transaction.builder(type)
        .nonce(safeLong())
        .gasLimit(uint(64))
        .value(uint(256))
        .data(data());
    boolean create = (type == TxType.LEGACY || type == TxType.ACCESS_LIST
        || type == TxType.DYNAMIC_FEE) && r.nextInt(6) == 0;
    if (!create) {
      b.to(address());
    }
    switch (type) {
      case LEGACY:
        b.gasPrice(uint(256));
        if (r.nextBoolean()) {
          b.chainId(chainId());
        }
        break;
      case ACCESS_LIST:
        b.chainId(chainId()).gasPrice(uint(256)).accessList(accessList());
        break;
      default: {
        BigInteger maxFee = uint(256);
        BigInteger tip = maxFee.signum() == 0 ? BigInteger.ZERO
            : new BigInteger(maxFee.bitLength(), r).min(maxFee);
        b.chainId(chainId()).maxFeePerGas(maxFee).maxPriorityFeePerGas(tip).accessList(accessList());
        if (type == TxType.BLOB) {
          List<byte[]> hashes = new ArrayList<>();
          int n = 1 + r.nextInt(6);
          for (int i = 0; i < n; i++) {
            byte[] h = bytes(32);
            h[0] = 1;
            hashes.add(h);
          }
          b.maxFeePerBlobGas(uint(256)).blobVersionedHashes(hashes);
        } else if (type == TxType.SET_CODE) {
          List<Authorization> auths = new ArrayList<>();
          int n = 1 + r.nextInt(3);
          for (int i = 0; i < n; i++) {
            auths.add(authorization());
          }
          b.authorizationList(auths);
        }
        break;
      }
    }
    return b.build();
  }
}

// CosmJS 0.39 verification of SIGN_MODE_DIRECT transactions signed elsewhere (sdk-hsm's PKCS#11 tests:
// keys that never leave SoftHSM2). One JSON request per line:
//   {"id":1, "txRaw":"<base64>", "chainId":"...", "accountNumber":"7"}
// answer: {"id":1, "ok":true, "verified":true|false, "signer":"<bech32 of the pubkey>", "typeUrls":[...]}
// The sign document is rebuilt by CosmJS from the TxRaw's body and auth-info bytes; the public key is
// the one in the transaction's first SignerInfo; the signature is checked with @cosmjs/crypto.
import * as readline from 'node:readline';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';

const require = createRequire(import.meta.url);
const { makeSignDoc, makeSignBytes, decodeTxRaw } = require('@cosmjs/proto-signing');
const { pubkeyToAddress, encodeSecp256k1Pubkey } = require('@cosmjs/amino');
const { Secp256k1, Secp256k1Signature, sha256 } = require('@cosmjs/crypto');
const { fromBase64 } = require('@cosmjs/encoding');
const { TxRaw } = require('cosmjs-types/cosmos/tx/v1beta1/tx');
const { PubKey } = require('cosmjs-types/cosmos/crypto/secp256k1/keys');

async function verify(r) {
  const raw = fromBase64(r.txRaw);
  const txRaw = TxRaw.decode(raw);
  const decoded = decodeTxRaw(raw);
  const info = decoded.authInfo.signerInfos[0];
  if (info.publicKey.typeUrl !== '/cosmos.crypto.secp256k1.PubKey') throw new Error('unexpected key type ' + info.publicKey.typeUrl);
  const pubkey = PubKey.decode(info.publicKey.value).key;
  const signBytes = makeSignBytes(makeSignDoc(txRaw.bodyBytes, txRaw.authInfoBytes, r.chainId, BigInt(r.accountNumber)));
  const verified = await Secp256k1.verifySignature(Secp256k1Signature.fromFixedLength(txRaw.signatures[0]), sha256(signBytes), pubkey);
  return {
    verified,
    signer: pubkeyToAddress(encodeSecp256k1Pubkey(pubkey), r.prefix ?? 'cosmos'),
    typeUrls: decoded.body.messages.map((m) => m.typeUrl),
    sequence: info.sequence.toString(),
  };
}

const rl = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
for await (const line of rl) {
  if (!line.trim()) continue;
  let req;
  try {
    req = JSON.parse(line);
    if (req.op === 'version') {
      const v = JSON.parse(readFileSync(new URL('./node_modules/@cosmjs/proto-signing/package.json', import.meta.url))).version;
      process.stdout.write(JSON.stringify({ id: req.id, ok: true, cosmjs: v }) + '\n');
      continue;
    }
    process.stdout.write(JSON.stringify({ id: req.id, ok: true, ...(await verify(req)) }) + '\n');
  } catch (e) {
    process.stdout.write(JSON.stringify({ id: req ? req.id : null, ok: false, error: String(e && e.message || e) }) + '\n');
  }
}

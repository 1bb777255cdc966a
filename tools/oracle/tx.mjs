// Differential oracle for sdk-evm's transactions and signatures (viem).
//
// Reads JSON lines on stdin, writes one JSON line per input line on stdout, in order.
//   {"op":"tx", "privateKey":"0x..", "tx":{type:"legacy"|"eip2930"|"eip1559"|"eip4844"|"eip7702"
//     (or the type number 0-4 as sdk-evm's TransactionJson writes it),
//     chainId, nonce, gas, gasPrice, maxFeePerGas, maxPriorityFeePerGas, maxFeePerBlobGas, to, value,
//     data, accessList, blobVersionedHashes, authorizationList:[{chainId,address,nonce,yParity,r,s}]}}
//     -> {"unsigned":"0x..","raw":"0x..","hash":"0x..","from":"0x.."}
//   {"op":"auth", "privateKey", "chainId", "address", "nonce"} -> {"yParity":0|1,"r":"0x..","s":"0x.."}
//   {"op":"personal", "privateKey", "message":"0x.."} -> {"signature":"0x.."}
// Integers are decimal strings (converted to BigInt here). Errors: {"error":"..."}.
import { createInterface } from 'node:readline';
import { serializeTransaction, keccak256, recoverTransactionAddress } from 'viem';
import { hashAuthorization } from 'viem/utils';
import { privateKeyToAccount, sign } from 'viem/accounts';

const big = (v) => (v === undefined || v === null ? undefined : BigInt(v));
// numbers where viem expects them, BigInt beyond 2^53 (viem's hex conversion takes both)
const num = (v) => {
  if (v === undefined || v === null) return undefined;
  const b = BigInt(v);
  return b <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(b) : b;
};

const TYPE_NAMES = { 0: 'legacy', 1: 'eip2930', 2: 'eip1559', 3: 'eip4844', 4: 'eip7702' };

function toViem(t) {
  const tx = { type: TYPE_NAMES[t.type] ?? t.type };
  if (t.chainId !== undefined) tx.chainId = num(t.chainId);
  tx.nonce = num(t.nonce);
  tx.gas = big(t.gas);
  if (t.gasPrice !== undefined) tx.gasPrice = big(t.gasPrice);
  if (t.maxFeePerGas !== undefined) tx.maxFeePerGas = big(t.maxFeePerGas);
  if (t.maxPriorityFeePerGas !== undefined) tx.maxPriorityFeePerGas = big(t.maxPriorityFeePerGas);
  if (t.maxFeePerBlobGas !== undefined) tx.maxFeePerBlobGas = big(t.maxFeePerBlobGas);
  if (t.to) tx.to = t.to;
  tx.value = big(t.value);
  tx.data = t.data;
  if (t.accessList) tx.accessList = t.accessList;
  if (t.blobVersionedHashes) tx.blobVersionedHashes = t.blobVersionedHashes;
  if (t.authorizationList) {
    tx.authorizationList = t.authorizationList.map((a) => ({
      address: a.address, chainId: num(a.chainId), nonce: num(a.nonce),
      // r and s as hex (TransactionJson writes decimal strings)
      yParity: num(a.yParity), r: '0x' + BigInt(a.r).toString(16), s: '0x' + BigInt(a.s).toString(16),
    }));
  }
  return tx;
}

async function handle(req) {
  switch (req.op) {
    case 'tx': {
      const account = privateKeyToAccount(req.privateKey);
      const tx = toViem(req.tx);
      const unsigned = serializeTransaction(tx);
      const raw = await account.signTransaction(tx);
      const from = await recoverTransactionAddress({ serializedTransaction: raw });
      return { unsigned, raw, hash: keccak256(raw), from };
    }
    case 'auth': {
      const hash = hashAuthorization({
        address: req.address, chainId: num(req.chainId), nonce: num(req.nonce),
      });
      const s = await sign({ hash, privateKey: req.privateKey });
      return { hash, yParity: s.yParity, r: s.r, s: s.s };
    }
    case 'personal': {
      const account = privateKeyToAccount(req.privateKey);
      return { signature: await account.signMessage({ message: { raw: req.message } }) };
    }
    default:
      throw new Error(`unknown op ${req.op}`);
  }
}

const rl = createInterface({ input: process.stdin, crlfDelay: Infinity });
for await (const line of rl) {
  if (line.trim() === '') continue;
  let out;
  try {
    out = await handle(JSON.parse(line));
  } catch (e) {
    out = { error: String(e && e.shortMessage ? e.shortMessage : e) };
  }
  process.stdout.write(JSON.stringify(out) + '\n');
}

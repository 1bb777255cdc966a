// Line-delimited JSON bridge to CosmJS (@cosmjs/* 0.39, cosmjs-types 0.11) for the sdk-cosmwasm tests.
// One request object per line on stdin, {"id":n,"op":"...",...}; one answer per line on stdout,
// {"id":n,"ok":true,...} or {"id":n,"ok":false,"error":"..."}. Batch ops ("signBatch") carry many
// cases per line so a thousand transactions cost a few round trips. Bytes are base64 unless named hex.
import * as readline from 'node:readline';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';

const require = createRequire(import.meta.url);
const { Registry, DirectSecp256k1Wallet, DirectSecp256k1HdWallet, makeAuthInfoBytes, makeSignDoc, makeSignBytes, encodePubkey, decodeTxRaw } = require('@cosmjs/proto-signing');
const { Secp256k1Wallet, makeSignDoc: makeAminoSignDoc, serializeSignDoc, encodeSecp256k1Pubkey } = require('@cosmjs/amino');
const { SigningStargateClient, AminoTypes, defaultRegistryTypes, createDefaultAminoConverters } = require('@cosmjs/stargate');
const { wasmTypes, createWasmAminoConverters } = require('@cosmjs/cosmwasm');
const { Secp256k1, Secp256k1Signature, Sha256, sha256, keccak256 } = require('@cosmjs/crypto');
const { toBase64, fromBase64, toHex, fromHex, toUtf8, toAscii, fromBech32, toBech32 } = require('@cosmjs/encoding');
const { Uint64 } = require('@cosmjs/math');
const { TxRaw } = require('cosmjs-types/cosmos/tx/v1beta1/tx');
const { PubKey } = require('cosmjs-types/cosmos/crypto/secp256k1/keys');
const { GenericAuthorization } = require('cosmjs-types/cosmos/authz/v1beta1/authz');
const { SendAuthorization } = require('cosmjs-types/cosmos/bank/v1beta1/authz');
const { BasicAllowance, PeriodicAllowance } = require('cosmjs-types/cosmos/feegrant/v1beta1/feegrant');

// @cosmjs/cosmwasm is 0.38.1 under cosmwasm-stargate 0.39.0, and its instantiate2Address cannot run in
// this tree: its nested @cosmjs/encoding 0.38 calls @scure/base 2.x's bech32.decode with limit Infinity,
// which 2.x rejects ("limit: expected safe integer"). This is CosmJS's _instantiate2AddressIntermediate
// (cosmwasm/build/instantiate2.js) line for line, on the 0.39 @cosmjs/encoding, crypto and math (0.39's
// fromBech32 has the same default, so the limit is passed explicitly).
function instantiate2(checksum, creator, salt, msg, prefix) {
  if (checksum.length !== 32) throw new Error('checksum must be 32 bytes');
  const creatorData = fromBech32(creator, 1023).data; // explicit limit: the default Infinity is refused by @scure/base 2.x
  const msgData = typeof msg === 'string' ? toUtf8(msg) : new Uint8Array();
  if (salt.length < 1 || salt.length > 64) throw new Error('Salt must be between 1 and 64 bytes');
  const u64 = (n) => Uint64.fromNumber(n).toBytesBigEndian();
  const key = new Uint8Array([...toAscii('wasm'), 0x00, ...u64(checksum.length), ...checksum, ...u64(creatorData.length),
    ...creatorData, ...u64(salt.length), ...salt, ...u64(msgData.length), ...msgData]);
  return toBech32(prefix, new Sha256(sha256(toAscii('module'))).update(key).digest());
}

const registry = new Registry([...defaultRegistryTypes, ...wasmTypes]);
const aminoTypes = new AminoTypes({ ...createDefaultAminoConverters(), ...createWasmAminoConverters() });

const big = (s) => BigInt(s ?? '0');
const ts = (t) => (t == null ? undefined : { seconds: big(t.seconds), nanos: t.nanos ?? 0 });
const coins = (a) => (a ?? []).map((c) => ({ denom: c.denom, amount: String(c.amount) }));
const coin = (c) => ({ denom: c.denom, amount: String(c.amount) });
// CosmWasm msg: the tests send the exact UTF-8 bytes as base64 (so both sides carry identical bytes)
const wasmMsg = (m) => (typeof m === 'string' ? fromBase64(m) : toUtf8(JSON.stringify(m)));

function inner(any) {
  const v = any.value;
  switch (any.typeUrl) {
    case '/cosmos.authz.v1beta1.GenericAuthorization':
      return { typeUrl: any.typeUrl, value: GenericAuthorization.encode(GenericAuthorization.fromPartial({ msg: v.msg })).finish() };
    case '/cosmos.bank.v1beta1.SendAuthorization':
      return { typeUrl: any.typeUrl, value: SendAuthorization.encode(SendAuthorization.fromPartial({ spendLimit: coins(v.spendLimit), allowList: v.allowList ?? [] })).finish() };
    case '/cosmos.feegrant.v1beta1.BasicAllowance':
      return { typeUrl: any.typeUrl, value: BasicAllowance.encode(basicAllowance(v)).finish() };
    case '/cosmos.feegrant.v1beta1.PeriodicAllowance':
      return {
        typeUrl: any.typeUrl,
        value: PeriodicAllowance.encode(PeriodicAllowance.fromPartial({
          basic: basicAllowance(v.basic), period: ts(v.period), periodSpendLimit: coins(v.periodSpendLimit),
          periodCanSpend: coins(v.periodCanSpend), periodReset: ts(v.periodReset),
        })).finish(),
      };
    default: {
      const m = toEncodeObject(any);
      return { typeUrl: m.typeUrl, value: registry.encode(m) };
    }
  }
}

function basicAllowance(v) {
  return BasicAllowance.fromPartial({ spendLimit: coins(v.spendLimit), expiration: ts(v.expiration) });
}

// The Java side's CosmJS-style JSON → the value objects CosmJS's registry and AminoTypes take.
function toEncodeObject({ typeUrl, value: v }) {
  let value;
  switch (typeUrl) {
    case '/cosmos.bank.v1beta1.MsgSend': value = { fromAddress: v.fromAddress, toAddress: v.toAddress, amount: coins(v.amount) }; break;
    case '/cosmos.bank.v1beta1.MsgMultiSend':
      value = { inputs: v.inputs.map((i) => ({ address: i.address, coins: coins(i.coins) })), outputs: v.outputs.map((i) => ({ address: i.address, coins: coins(i.coins) })) };
      break;
    case '/cosmos.staking.v1beta1.MsgDelegate':
    case '/cosmos.staking.v1beta1.MsgUndelegate':
      value = { delegatorAddress: v.delegatorAddress, validatorAddress: v.validatorAddress, amount: coin(v.amount) }; break;
    case '/cosmos.staking.v1beta1.MsgBeginRedelegate':
      value = { delegatorAddress: v.delegatorAddress, validatorSrcAddress: v.validatorSrcAddress, validatorDstAddress: v.validatorDstAddress, amount: coin(v.amount) }; break;
    case '/cosmos.distribution.v1beta1.MsgWithdrawDelegatorReward':
      value = { delegatorAddress: v.delegatorAddress, validatorAddress: v.validatorAddress }; break;
    case '/cosmwasm.wasm.v1.MsgExecuteContract':
      value = { sender: v.sender, contract: v.contract, msg: wasmMsg(v.msg), funds: coins(v.funds) }; break;
    case '/cosmwasm.wasm.v1.MsgInstantiateContract':
      value = { sender: v.sender, admin: v.admin ?? '', codeId: big(v.codeId), label: v.label, msg: wasmMsg(v.msg), funds: coins(v.funds) }; break;
    case '/cosmwasm.wasm.v1.MsgInstantiateContract2':
      value = { sender: v.sender, admin: v.admin ?? '', codeId: big(v.codeId), label: v.label, msg: wasmMsg(v.msg), funds: coins(v.funds), salt: fromBase64(v.salt), fixMsg: !!v.fixMsg }; break;
    case '/cosmwasm.wasm.v1.MsgMigrateContract':
      value = { sender: v.sender, contract: v.contract, codeId: big(v.codeId), msg: wasmMsg(v.msg) }; break;
    case '/cosmwasm.wasm.v1.MsgStoreCode':
      value = { sender: v.sender, wasmByteCode: fromBase64(v.wasmByteCode), instantiatePermission: v.instantiatePermission ? { permission: Number(v.instantiatePermission.permission), addresses: v.instantiatePermission.addresses ?? [] } : undefined }; break;
    case '/cosmwasm.wasm.v1.MsgUpdateAdmin': value = { sender: v.sender, newAdmin: v.newAdmin, contract: v.contract }; break;
    case '/cosmwasm.wasm.v1.MsgClearAdmin': value = { sender: v.sender, contract: v.contract }; break;
    case '/ibc.applications.transfer.v1.MsgTransfer':
      value = {
        sourcePort: v.sourcePort, sourceChannel: v.sourceChannel, token: coin(v.token), sender: v.sender, receiver: v.receiver,
        timeoutHeight: { revisionNumber: big(v.timeoutHeight?.revisionNumber), revisionHeight: big(v.timeoutHeight?.revisionHeight) },
        timeoutTimestamp: big(v.timeoutTimestamp), memo: v.memo ?? '',
      };
      break;
    case '/cosmos.authz.v1beta1.MsgGrant':
      value = { granter: v.granter, grantee: v.grantee, grant: { authorization: inner(v.grant.authorization), expiration: ts(v.grant.expiration) } }; break;
    case '/cosmos.authz.v1beta1.MsgExec': value = { grantee: v.grantee, msgs: v.msgs.map(inner) }; break;
    case '/cosmos.feegrant.v1beta1.MsgGrantAllowance': value = { granter: v.granter, grantee: v.grantee, allowance: inner(v.allowance) }; break;
    default: throw new Error('unknown typeUrl ' + typeUrl);
  }
  return { typeUrl, value };
}

const PUBKEY_URL = {
  ethermint: '/ethermint.crypto.v1.ethsecp256k1.PubKey',
  injective: '/injective.crypto.v1beta1.ethsecp256k1.PubKey',
};

function stdFee(f) {
  const fee = { amount: coins(f.amount), gas: String(f.gas) };
  if (f.granter) fee.granter = f.granter;
  if (f.payer) fee.payer = f.payer;
  return fee;
}

// Signs one case through SigningStargateClient.offline (secp256k1) or by hand for eth_secp256k1, then
// verifies the signature against the sign document rebuilt from the TxRaw, account number, sequence and chain id.
async function signCase(c) {
  const priv = fromHex(c.privateKey);
  const msgs = c.msgs.map(toEncodeObject);
  const fee = stdFee(c.fee);
  const timeoutHeight = c.timeoutHeight && c.timeoutHeight !== '0' ? BigInt(c.timeoutHeight) : undefined;
  const signerData = { accountNumber: Number(c.accountNumber), sequence: Number(c.sequence), chainId: c.chainId };
  let txRaw;
  let pubkey;
  const keyType = c.keyType ?? 'secp256k1';
  if (keyType === 'secp256k1') {
    const wallet = c.mode === 'amino' ? await Secp256k1Wallet.fromKey(priv, c.prefix) : await DirectSecp256k1Wallet.fromKey(priv, c.prefix);
    const [account] = await wallet.getAccounts();
    pubkey = account.pubkey;
    const client = await SigningStargateClient.offline(wallet, { registry, aminoTypes });
    txRaw = await client.sign(account.address, msgs, fee, c.memo ?? '', signerData, timeoutHeight);
  } else {
    const kp = await Secp256k1.makeKeypair(priv);
    pubkey = Secp256k1.compressPubkey(kp.pubkey);
    const pkAny = { typeUrl: PUBKEY_URL[keyType], value: PubKey.encode({ key: pubkey }).finish() };
    const mode = c.mode === 'amino' ? 127 : 1;
    const authInfoBytes = makeAuthInfoBytes([{ pubkey: pkAny, sequence: signerData.sequence }], fee.amount, Number(fee.gas), fee.granter, fee.payer, mode);
    let bodyBytes;
    let signBytes;
    if (c.mode === 'amino') {
      const doc = makeAminoSignDoc(msgs.map((m) => aminoTypes.toAmino(m)), fee, c.chainId, c.memo ?? '', signerData.accountNumber, signerData.sequence, timeoutHeight);
      signBytes = serializeSignDoc(doc);
      bodyBytes = registry.encode({ typeUrl: '/cosmos.tx.v1beta1.TxBody', value: { messages: doc.msgs.map((m) => aminoTypes.fromAmino(m)), memo: doc.memo, timeoutHeight } });
    } else {
      bodyBytes = registry.encode({ typeUrl: '/cosmos.tx.v1beta1.TxBody', value: { messages: msgs, memo: c.memo ?? '', timeoutHeight } });
      signBytes = makeSignBytes(makeSignDoc(bodyBytes, authInfoBytes, c.chainId, signerData.accountNumber));
    }
    const sig = await Secp256k1.createSignature(keccak256(signBytes), priv);
    txRaw = TxRaw.fromPartial({ bodyBytes, authInfoBytes, signatures: [new Uint8Array([...sig.r(32), ...sig.s(32)])] });
  }
  const raw = TxRaw.encode(txRaw).finish();
  // rebuild the sign document from the decoded transaction and verify the signature there
  const decoded = decodeTxRaw(raw);
  let rebuilt;
  if (c.mode === 'amino') {
    const amsgs = decoded.body.messages.map((any) => aminoTypes.toAmino({ typeUrl: any.typeUrl, value: registry.decode(any) }));
    const th = decoded.body.timeoutHeight && decoded.body.timeoutHeight !== 0n ? decoded.body.timeoutHeight : undefined;
    const f = decoded.authInfo.fee;
    const rfee = { amount: f.amount.map(coin), gas: f.gasLimit.toString() };
    if (f.granter) rfee.granter = f.granter;
    if (f.payer) rfee.payer = f.payer;
    rebuilt = serializeSignDoc(makeAminoSignDoc(amsgs, rfee, c.chainId, decoded.body.memo, signerData.accountNumber, decoded.authInfo.signerInfos[0].sequence, th));
  } else {
    rebuilt = makeSignBytes(makeSignDoc(txRaw.bodyBytes, txRaw.authInfoBytes, c.chainId, signerData.accountNumber));
  }
  const digest = keyType === 'secp256k1' ? sha256(rebuilt) : keccak256(rebuilt);
  const sigBytes = txRaw.signatures[0];
  const verified = await Secp256k1.verifySignature(Secp256k1Signature.fromFixedLength(sigBytes), digest, pubkey);
  return {
    txRaw: toBase64(raw),
    txHash: toHex(sha256(raw)).toUpperCase(),
    signDoc: c.mode === 'amino' ? new TextDecoder().decode(rebuilt) : toBase64(rebuilt),
    signature: toHex(sigBytes),
    verified,
  };
}

const ops = {
  version() {
    return { cosmjs: JSON.parse(readFileSync(new URL('./node_modules/@cosmjs/stargate/package.json', import.meta.url))).version };
  },
  async signBatch(r) {
    const out = [];
    for (const c of r.cases) {
      try {
        out.push({ ok: true, ...(await signCase(c)) });
      } catch (e) {
        out.push({ ok: false, error: String(e && e.message || e) });
      }
    }
    return { results: out };
  },
  async addresses(r) {
    const out = [];
    for (const m of r.mnemonics) {
      const w = await DirectSecp256k1HdWallet.fromMnemonic(m, { prefix: r.prefix });
      const [a] = await w.getAccounts();
      out.push({ address: a.address, pubkey: toHex(a.pubkey) });
    }
    return { results: out };
  },
  instantiate2(r) {
    return {
      results: r.cases.map((c) => ({ address: instantiate2(fromHex(c.checksum), c.creator, fromHex(c.salt), c.msg ?? null, c.prefix) })),
    };
  },
  decodeBatch(r) {
    return {
      results: r.txs.map((t) => {
        try {
          const d = decodeTxRaw(fromBase64(t));
          return { ok: true, typeUrls: d.body.messages.map((m) => m.typeUrl), memo: d.body.memo, timeoutHeight: d.body.timeoutHeight.toString(), gas: d.authInfo.fee.gasLimit.toString(), sequence: d.authInfo.signerInfos.map((s) => s.sequence.toString()), messages: d.body.messages.map((m) => toBase64(m.value)) };
        } catch (e) {
          return { ok: false, error: String(e && e.message || e) };
        }
      }),
    };
  },
};

const rl = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
for await (const line of rl) {
  if (!line.trim()) continue;
  let req;
  try {
    req = JSON.parse(line);
    const op = ops[req.op];
    if (!op) throw new Error('unknown op ' + req.op);
    const out = await op(req);
    process.stdout.write(JSON.stringify({ id: req.id, ok: true, ...out }) + '\n');
  } catch (e) {
    process.stdout.write(JSON.stringify({ id: req ? req.id : null, ok: false, error: String(e && e.message || e) }) + '\n');
  }
}

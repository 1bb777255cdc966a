// Line-delimited JSON bridge to @solana/web3.js 1.x and @solana/spl-token for the sdk-svm tests.
// Reads one request per line on stdin: {"id":n,"op":"...",...}; writes {"id":n,"ok":true,...} or
// {"id":n,"ok":false,"error":"..."} per line on stdout. Bytes are hex, keys base58.
import * as readline from 'node:readline';
import {
  PublicKey, Keypair, TransactionMessage, VersionedTransaction, VersionedMessage, TransactionInstruction,
  AddressLookupTableAccount, SystemProgram, ComputeBudgetProgram, AddressLookupTableProgram, NONCE_ACCOUNT_LENGTH,
} from '@solana/web3.js';
import * as spl from '@solana/spl-token';
import { kitOps } from './kit.mjs';

const hex = (b) => Buffer.from(b).toString('hex');
const unhex = (h) => Buffer.from(h, 'hex');
const pk = (s) => new PublicKey(s);
const big = (s) => BigInt(s);

function ixToJson(ix) {
  return {
    programId: ix.programId.toBase58(),
    accounts: ix.keys.map((k) => ({ pubkey: k.pubkey.toBase58(), isSigner: k.isSigner, isWritable: k.isWritable })),
    data: hex(ix.data),
  };
}

function ixFromJson(j) {
  return new TransactionInstruction({
    programId: pk(j.programId),
    keys: j.accounts.map((a) => ({ pubkey: pk(a.pubkey), isSigner: a.isSigner, isWritable: a.isWritable })),
    data: unhex(j.data),
  });
}

function tableFromJson(t) {
  return new AddressLookupTableAccount({
    key: pk(t.key),
    state: { deactivationSlot: BigInt('18446744073709551615'), lastExtendedSlot: 0, lastExtendedSlotStartIndex: 0, authority: undefined, addresses: t.addresses.map(pk) },
  });
}

function messageToJson(m) {
  return {
    version: m.version,
    header: m.header,
    staticAccountKeys: m.staticAccountKeys.map((k) => k.toBase58()),
    recentBlockhash: m.recentBlockhash,
    instructions: m.compiledInstructions.map((c) => ({ programIdIndex: c.programIdIndex, accountKeyIndexes: c.accountKeyIndexes, data: hex(c.data) })),
    addressTableLookups: m.addressTableLookups.map((l) => ({ accountKey: l.accountKey.toBase58(), writableIndexes: l.writableIndexes, readonlyIndexes: l.readonlyIndexes })),
  };
}

// Keypair.fromSeed derives the public key in pure JS (about a millisecond): the tests reuse a pool of signers
const keypairs = new Map();
function keypairFromSeed(seedHex) {
  let kp = keypairs.get(seedHex);
  if (!kp) {
    kp = Keypair.fromSeed(unhex(seedHex));
    keypairs.set(seedHex, kp);
  }
  return kp;
}

const ops = {
  pda(r) {
    const [address, bump] = PublicKey.findProgramAddressSync(r.seeds.map(unhex), pk(r.programId));
    return { address: address.toBase58(), bump };
  },
  createPda(r) {
    try {
      return { address: PublicKey.createProgramAddressSync(r.seeds.map(unhex), pk(r.programId)).toBase58() };
    } catch (e) {
      return { address: null };
    }
  },
  onCurve(r) {
    return { onCurve: PublicKey.isOnCurve(unhex(r.bytes)) };
  },
  ata(r) {
    return { address: spl.getAssociatedTokenAddressSync(pk(r.mint), pk(r.owner), true, pk(r.tokenProgram)).toBase58() };
  },
  async withSeed(r) {
    return { address: (await PublicKey.createWithSeed(pk(r.base), r.seed, pk(r.owner))).toBase58() };
  },
  keypair(r) {
    const kp = Keypair.fromSeed(unhex(r.seed));
    return { publicKey: kp.publicKey.toBase58(), secretKey: hex(kp.secretKey) };
  },
  // compiles with TransactionMessage (CompiledKeys ordering) and signs with the given seeds
  compile(r) {
    const msg = new TransactionMessage({ payerKey: pk(r.payer), recentBlockhash: r.blockhash, instructions: r.instructions.map(ixFromJson) });
    const m = r.version === 'legacy' ? msg.compileToLegacyMessage() : msg.compileToV0Message((r.tables || []).map(tableFromJson));
    const tx = new VersionedTransaction(m);
    const signers = (r.signers || []).map(keypairFromSeed);
    if (signers.length) tx.sign(signers);
    return { message: hex(m.serialize()), transaction: hex(tx.serialize()) };
  },
  decode(r) {
    const tx = VersionedTransaction.deserialize(unhex(r.transaction));
    const m = tx.message;
    const msgBytes = m.serialize();
    return {
      message: messageToJson(m),
      messageBytes: hex(msgBytes),
      signatures: tx.signatures.map(hex),
    };
  },
  decodeMessage(r) {
    return { message: messageToJson(VersionedMessage.deserialize(unhex(r.message))) };
  },
  // decodes and resolves through the given tables (TransactionMessage.decompile), verifies signatures
  decodeResolved(r) {
    const tx = VersionedTransaction.deserialize(unhex(r.transaction));
    const m = tx.message;
    const msg = m.serialize();
    const tm = TransactionMessage.decompile(m, { addressLookupTableAccounts: (r.tables || []).map(tableFromJson) });
    return {
      message: messageToJson(m),
      messageBytes: hex(msg),
      feePayer: tm.payerKey.toBase58(),
      blockhash: tm.recentBlockhash,
      instructions: tm.instructions.map(ixToJson),
      signatures: tx.signatures.map(hex),
      // noble's verify (what web3.js signs with) costs milliseconds in pure JS: a test may skip it
      valid: r.verify === false ? null : tx.signatures.map((s, i) => verifySig(s, msg, m.staticAccountKeys[i].toBytes())),
    };
  },
  verify(r) {
    // web3.js 1.x has nacl-free verification via the legacy Transaction class for legacy messages only;
    // verify with the same noble ed25519 it uses for signing.
    const tx = VersionedTransaction.deserialize(unhex(r.transaction));
    const msg = tx.message.serialize();
    const keys = tx.message.staticAccountKeys;
    const ok = tx.signatures.map((s, i) => verifySig(s, msg, keys[i].toBytes()));
    return { valid: ok };
  },
  ix(r) {
    const a = r.args;
    const tp = a.tokenProgram ? pk(a.tokenProgram) : spl.TOKEN_PROGRAM_ID;
    switch (r.kind) {
      case 'system.transfer': return ixToJson(SystemProgram.transfer({ fromPubkey: pk(a.from), toPubkey: pk(a.to), lamports: big(a.lamports) }));
      case 'system.createAccount': return ixToJson(SystemProgram.createAccount({ fromPubkey: pk(a.from), newAccountPubkey: pk(a.newAccount), lamports: Number(a.lamports), space: Number(a.space), programId: pk(a.owner) }));
      case 'system.createAccountWithSeed': return ixToJson(SystemProgram.createAccountWithSeed({ fromPubkey: pk(a.from), newAccountPubkey: pk(a.newAccount), basePubkey: pk(a.base), seed: a.seed, lamports: Number(a.lamports), space: Number(a.space), programId: pk(a.owner) }));
      case 'system.assign': return ixToJson(SystemProgram.assign({ accountPubkey: pk(a.account), programId: pk(a.owner) }));
      case 'system.allocate': return ixToJson(SystemProgram.allocate({ accountPubkey: pk(a.account), space: Number(a.space) }));
      case 'system.nonceInitialize': return ixToJson(SystemProgram.nonceInitialize({ noncePubkey: pk(a.nonce), authorizedPubkey: pk(a.authority) }));
      case 'system.nonceAdvance': return ixToJson(SystemProgram.nonceAdvance({ noncePubkey: pk(a.nonce), authorizedPubkey: pk(a.authority) }));
      case 'system.nonceWithdraw': return ixToJson(SystemProgram.nonceWithdraw({ noncePubkey: pk(a.nonce), authorizedPubkey: pk(a.authority), toPubkey: pk(a.to), lamports: Number(a.lamports) }));
      case 'system.nonceAuthorize': return ixToJson(SystemProgram.nonceAuthorize({ noncePubkey: pk(a.nonce), authorizedPubkey: pk(a.authority), newAuthorizedPubkey: pk(a.newAuthority) }));
      case 'token.initializeMint2': return ixToJson(spl.createInitializeMint2Instruction(pk(a.mint), a.decimals, pk(a.mintAuthority), a.freezeAuthority ? pk(a.freezeAuthority) : null, tp));
      case 'token.initializeAccount3': return ixToJson(spl.createInitializeAccount3Instruction(pk(a.account), pk(a.mint), pk(a.owner), tp));
      case 'token.mintTo': return ixToJson(spl.createMintToInstruction(pk(a.mint), pk(a.destination), pk(a.authority), big(a.amount), [], tp));
      case 'token.mintToChecked': return ixToJson(spl.createMintToCheckedInstruction(pk(a.mint), pk(a.destination), pk(a.authority), big(a.amount), a.decimals, [], tp));
      case 'token.transfer': return ixToJson(spl.createTransferInstruction(pk(a.source), pk(a.destination), pk(a.owner), big(a.amount), [], tp));
      case 'token.transferChecked': return ixToJson(spl.createTransferCheckedInstruction(pk(a.source), pk(a.mint), pk(a.destination), pk(a.owner), big(a.amount), a.decimals, [], tp));
      case 'token.approve': return ixToJson(spl.createApproveInstruction(pk(a.account), pk(a.delegate), pk(a.owner), big(a.amount), [], tp));
      case 'token.revoke': return ixToJson(spl.createRevokeInstruction(pk(a.account), pk(a.owner), [], tp));
      case 'token.burn': return ixToJson(spl.createBurnInstruction(pk(a.account), pk(a.mint), pk(a.owner), big(a.amount), [], tp));
      case 'token.closeAccount': return ixToJson(spl.createCloseAccountInstruction(pk(a.account), pk(a.destination), pk(a.owner), [], tp));
      case 'token.syncNative': return ixToJson(spl.createSyncNativeInstruction(pk(a.account), tp));
      case 'ata.create': return ixToJson(spl.createAssociatedTokenAccountInstruction(pk(a.payer), pk(a.ata), pk(a.owner), pk(a.mint), tp));
      case 'ata.createIdempotent': return ixToJson(spl.createAssociatedTokenAccountIdempotentInstruction(pk(a.payer), pk(a.ata), pk(a.owner), pk(a.mint), tp));
      case 'alt.create': {
        const [ix, address] = AddressLookupTableProgram.createLookupTable({ authority: pk(a.authority), payer: pk(a.payer), recentSlot: big(a.recentSlot) });
        return { ...ixToJson(ix), address: address.toBase58() };
      }
      case 'alt.extend': return ixToJson(AddressLookupTableProgram.extendLookupTable({ lookupTable: pk(a.table), authority: pk(a.authority), payer: a.payer ? pk(a.payer) : undefined, addresses: a.addresses.map(pk) }));
      case 'alt.freeze': return ixToJson(AddressLookupTableProgram.freezeLookupTable({ lookupTable: pk(a.table), authority: pk(a.authority) }));
      case 'alt.deactivate': return ixToJson(AddressLookupTableProgram.deactivateLookupTable({ lookupTable: pk(a.table), authority: pk(a.authority) }));
      case 'alt.close': return ixToJson(AddressLookupTableProgram.closeLookupTable({ lookupTable: pk(a.table), authority: pk(a.authority), recipient: pk(a.recipient) }));
      case 'cb.limit': return ixToJson(ComputeBudgetProgram.setComputeUnitLimit({ units: a.units }));
      case 'cb.price': return ixToJson(ComputeBudgetProgram.setComputeUnitPrice({ microLamports: big(a.microLamports) }));
      case 'cb.heap': return ixToJson(ComputeBudgetProgram.requestHeapFrame({ bytes: a.bytes }));
      default: throw new Error('unknown instruction kind ' + r.kind);
    }
  },
};

Object.assign(ops, kitOps);

let verifySig = null;
async function init() {
  const { ed25519 } = await import('@noble/curves/ed25519');
  verifySig = (sig, msg, pub) => { try { return ed25519.verify(sig, msg, pub); } catch { return false; } };
}

await init();
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

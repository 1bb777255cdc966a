// Line-delimited JSON bridge to @coral-xyz/anchor 0.32 (BorshCoder) for sdk-svm's IDL and Borsh
// differential tests (dev.cairn.svm.idl.AnchorOracle). One request per line, one answer per line in
// order: {"ok":true,...} or {"ok":false,"error":"..."}. Bytes are hex; values use the JSON form of
// dev.cairn.svm.borsh.BorshType#toJson (64-bit and wider integers as decimal strings, pubkeys base58,
// bytes as arrays of numbers, enums as {"Variant": fields}, tuples as arrays).
import * as readline from 'node:readline';
import anchor from '@coral-xyz/anchor';
import { Connection, Keypair, PublicKey } from '@solana/web3.js';

const { BorshCoder, BN } = anchor;
// account resolution needs a provider; nothing here talks to the (unreachable) node
const provider = new anchor.AnchorProvider(new Connection('http://127.0.0.1:9'), new anchor.Wallet(Keypair.generate()), {});
const WIDE = new Set(['u64', 'i64', 'u128', 'i128', 'u256', 'i256']);

function typeDef(idl, name) {
  const d = (idl.types || []).find((t) => t.name === name);
  if (!d) throw new Error('no type ' + name);
  return d.type;
}

function toA(idl, t, v) {
  if (typeof t === 'string') {
    if (WIDE.has(t)) return new BN(String(v));
    if (t === 'pubkey') return new PublicKey(v);
    if (t === 'bytes') return Buffer.from(v);
    if (t === 'f32' || t === 'f64') return v === 'Infinity' ? Infinity : v === '-Infinity' ? -Infinity : Number(v);
    return v;
  }
  if ('option' in t) return v === null ? null : toA(idl, t.option, v);
  if ('vec' in t) return v.map((x) => toA(idl, t.vec, x));
  if ('array' in t) return v.map((x) => toA(idl, t.array[0], x));
  if ('defined' in t) return defToA(idl, typeDef(idl, t.defined.name), v);
  throw new Error('type ' + JSON.stringify(t));
}

function fieldsToA(idl, fields, v) {
  const out = {};
  if (!fields || fields.length === 0) return out;
  if (typeof fields[0] === 'object' && 'name' in fields[0]) {
    for (const f of fields) out[f.name] = toA(idl, f.type, v[f.name]);
  } else {
    fields.forEach((ft, i) => { out[String(i)] = toA(idl, ft, v[i]); });
  }
  return out;
}

function defToA(idl, def, v) {
  if (def.kind === 'struct') return fieldsToA(idl, def.fields, v);
  if (def.kind === 'enum') {
    const [name, f] = Object.entries(v)[0];
    const variant = def.variants.find((x) => x.name === name);
    return { [name]: fieldsToA(idl, variant.fields, f) };
  }
  if (def.kind === 'type') return toA(idl, def.alias, v);
  throw new Error('kind ' + def.kind);
}

function fromA(idl, t, v) {
  if (typeof t === 'string') {
    if (WIDE.has(t)) return v.toString();
    if (t === 'pubkey') return v.toBase58();
    if (t === 'bytes') return Array.from(v);
    if (t === 'f32' || t === 'f64') return v === Infinity ? 'Infinity' : v === -Infinity ? '-Infinity' : (Object.is(v, -0) ? '-0.0' : v);
    return v;
  }
  if ('option' in t) return v === null ? null : fromA(idl, t.option, v);
  if ('vec' in t) return v.map((x) => fromA(idl, t.vec, x));
  if ('array' in t) return v.map((x) => fromA(idl, t.array[0], x));
  if ('defined' in t) return defFromA(idl, typeDef(idl, t.defined.name), v);
  throw new Error('type ' + JSON.stringify(t));
}

function fieldsFromA(idl, fields, v) {
  if (!fields || fields.length === 0) return {};
  if (typeof fields[0] === 'object' && 'name' in fields[0]) {
    const out = {};
    for (const f of fields) out[f.name] = fromA(idl, f.type, v[f.name]);
    return out;
  }
  return fields.map((ft, i) => fromA(idl, ft, v[String(i)]));
}

function defFromA(idl, def, v) {
  if (def.kind === 'struct') return fieldsFromA(idl, def.fields, v);
  if (def.kind === 'enum') {
    const [name, f] = Object.entries(v)[0];
    const variant = def.variants.find((x) => x.name === name);
    return { [name]: fieldsFromA(idl, variant.fields, f) };
  }
  if (def.kind === 'type') return fromA(idl, def.alias, v);
  throw new Error('kind ' + def.kind);
}

function argsToA(idl, ix, args) {
  const out = {};
  for (const a of ix.args) out[a.name] = toA(idl, a.type, args[a.name]);
  return out;
}

function argsFromA(idl, ix, data) {
  const out = {};
  for (const a of ix.args) out[a.name] = fromA(idl, a.type, data[a.name]);
  return out;
}

const ops = {
  // Program.methods.<ix>(args).accounts(given).instruction(): PDAs, fixed addresses, optional accounts resolved by Anchor
  async resolve(r) {
    const idl = r.idl;
    const program = new anchor.Program(idl, provider);
    const ix = idl.instructions.find((i) => i.name === r.ix);
    const args = ix.args.map((a) => toA(idl, a.type, r.args[a.name]));
    const given = {};
    for (const [k, v] of Object.entries(r.accounts)) given[k] = v === null ? null : new PublicKey(v);
    const camel = r.ix.replace(/_([a-z0-9])/g, (m, c) => c.toUpperCase());
    const out = await program.methods[camel](...args).accounts(given).instruction();
    return {
      programId: out.programId.toBase58(),
      accounts: out.keys.map((k) => ({ pubkey: k.pubkey.toBase58(), isSigner: k.isSigner, isWritable: k.isWritable })),
      data: out.data.toString('hex'),
    };
  },
  version() {
    return { anchor: '0.32' };
  },
  // encodes instruction {name,args} and account {account,value}; decodes the Java bytes given
  async roundtrip(r) {
    const idl = r.idl;
    const coder = new BorshCoder(idl);
    const out = {};
    if (r.ix) {
      const ix = idl.instructions.find((i) => i.name === r.ix.name);
      out.ixData = coder.instruction.encode(r.ix.name, argsToA(idl, ix, r.ix.args)).toString('hex');
      if (r.ix.javaData) {
        const d = coder.instruction.decode(Buffer.from(r.ix.javaData, 'hex'));
        out.ixDecoded = d === null ? null : { name: d.name, args: argsFromA(idl, ix, d.data) };
      }
    }
    if (r.account) {
      const def = typeDef(idl, r.account.name);
      out.accountData = (await coder.accounts.encode(r.account.name, defToA(idl, def, r.account.value))).toString('hex');
      if (r.account.javaData) {
        out.accountDecoded = defFromA(idl, def, coder.accounts.decode(r.account.name, Buffer.from(r.account.javaData, 'hex')));
      }
    }
    if (r.event) {
      const def = typeDef(idl, r.event.name);
      const e = coder.events.decode(Buffer.from(r.event.javaData, 'hex').toString('base64'));
      out.eventDecoded = e === null ? null : { name: e.name, data: defFromA(idl, def, e.data) };
    }
    return out;
  },
};

const rl = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
for await (const line of rl) {
  if (!line.trim()) continue;
  let out;
  try {
    const req = JSON.parse(line);
    const op = ops[req.op];
    if (!op) throw new Error('unknown op ' + req.op);
    out = { ok: true, ...(await op(req)) };
  } catch (e) {
    out = { ok: false, error: String((e && e.stack) || e) };
  }
  process.stdout.write(JSON.stringify(out) + '\n');
}

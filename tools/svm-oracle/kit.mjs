// @solana/kit 8.x operations for the sdk-svm differential tests, merged into svm.mjs's ops.
// Same conventions: bytes are hex, keys base58; roles are reported as {isSigner, isWritable}.
import { readFileSync } from 'node:fs';
import {
  AccountRole, address, appendTransactionMessageInstructions, compileTransaction, compileTransactionMessage,
  compressTransactionMessageUsingAddressLookupTables, createKeyPairFromPrivateKeyBytes, createTransactionMessage,
  decompileTransactionMessage, getAddressComparator, getAddressEncoder, getCompiledTransactionMessageDecoder,
  getCompiledTransactionMessageEncoder, getProgramDerivedAddress, getPublicKeyFromAddress, getTransactionDecoder,
  getTransactionEncoder, partiallySignTransaction, pipe, setTransactionMessageFeePayer,
  setTransactionMessageLifetimeUsingBlockhash, verifySignature,
} from '@solana/kit';

const pkgVersion = (name) =>
  JSON.parse(readFileSync(new URL('./node_modules/' + name + '/package.json', import.meta.url), 'utf8')).version;
const hex = (b) => Buffer.from(b).toString('hex');
const unhex = (h) => new Uint8Array(Buffer.from(h, 'hex'));
const ATA_PROGRAM = address('ATokenGPvbdGVxr1b2hvZbsiqW5xWH25efTNsLJA8knL');

function role(isSigner, isWritable) {
  if (isSigner) return isWritable ? AccountRole.WRITABLE_SIGNER : AccountRole.READONLY_SIGNER;
  return isWritable ? AccountRole.WRITABLE : AccountRole.READONLY;
}
const isSignerRole = (r) => r >= 2;
const isWritableRole = (r) => (r & 1) === 1;

function ixFromJson(j) {
  return {
    programAddress: address(j.programId),
    accounts: j.accounts.map((a) => ({ address: address(a.pubkey), role: role(a.isSigner, a.isWritable) })),
    data: unhex(j.data),
  };
}

function tablesFromJson(tables) {
  const out = {};
  for (const t of tables || []) out[address(t.key)] = t.addresses.map((a) => address(a));
  return out;
}

function compiledToJson(c) {
  return {
    version: c.version,
    header: {
      numRequiredSignatures: c.header.numSignerAccounts,
      numReadonlySignedAccounts: c.header.numReadonlySignerAccounts,
      numReadonlyUnsignedAccounts: c.header.numReadonlyNonSignerAccounts,
    },
    staticAccountKeys: c.staticAccounts,
    recentBlockhash: c.lifetimeToken,
    instructions: c.instructions.map((i) => ({
      programIdIndex: i.programAddressIndex,
      accountKeyIndexes: i.accountIndices || [],
      data: hex(i.data || new Uint8Array()),
    })),
    addressTableLookups: (c.addressTableLookups || []).map((l) => ({
      accountKey: l.lookupTableAddress, writableIndexes: l.writableIndexes, readonlyIndexes: l.readonlyIndexes,
    })),
  };
}

const kitKeyPairs = new Map(); // seed hex -> CryptoKeyPair (the tests reuse a pool of signers)

export const kitOps = {
  versions() {
    return {
      web3js: pkgVersion('@solana/web3.js'),
      kit: pkgVersion('@solana/kit'),
    };
  },
  // kit's address order (Intl.Collator 'en', lower case first): what it sorts accounts by within a group
  kitSort(r) {
    return { sorted: [...r.addresses].sort(getAddressComparator()) };
  },
  async kitPda(r) {
    const [addr, bump] = await getProgramDerivedAddress({ programAddress: address(r.programId), seeds: r.seeds.map(unhex) });
    return { address: addr, bump };
  },
  async kitAta(r) {
    const enc = getAddressEncoder();
    const [addr] = await getProgramDerivedAddress({
      programAddress: ATA_PROGRAM,
      seeds: [enc.encode(address(r.owner)), enc.encode(address(r.tokenProgram)), enc.encode(address(r.mint))],
    });
    return { address: addr };
  },
  // builds, compiles and signs with kit (compileTransaction: kit's own account ordering)
  async kitCompile(r) {
    const version = r.version === 'legacy' ? 'legacy' : 0;
    let m = pipe(
      createTransactionMessage({ version }),
      (x) => setTransactionMessageFeePayer(address(r.payer), x),
      (x) => setTransactionMessageLifetimeUsingBlockhash({ blockhash: r.blockhash, lastValidBlockHeight: 0n }, x),
      (x) => appendTransactionMessageInstructions(r.instructions.map(ixFromJson), x),
    );
    if (version === 0 && r.tables && r.tables.length) {
      m = compressTransactionMessageUsingAddressLookupTables(m, tablesFromJson(r.tables));
    }
    const compiled = compileTransactionMessage(m);
    let tx = compileTransaction(m);
    const keyPairs = [];
    for (const s of r.signers || []) {
      let kp = kitKeyPairs.get(s);
      if (!kp) {
        kp = await createKeyPairFromPrivateKeyBytes(unhex(s));
        kitKeyPairs.set(s, kp);
      }
      keyPairs.push(kp);
    }
    if (keyPairs.length) tx = await partiallySignTransaction(keyPairs, tx);
    return {
      message: hex(tx.messageBytes),
      transaction: hex(getTransactionEncoder().encode(tx)),
      compiled: compiledToJson(compiled),
    };
  },
  // decodes a wire transaction with kit, resolves it through the given tables, verifies its signatures
  async kitDecode(r) {
    const tx = getTransactionDecoder().decode(unhex(r.transaction));
    const compiled = getCompiledTransactionMessageDecoder().decode(tx.messageBytes);
    const reencoded = getCompiledTransactionMessageEncoder().encode(compiled);
    const msg = decompileTransactionMessage(compiled, { addressesByLookupTableAddress: tablesFromJson(r.tables) });
    const signers = Object.keys(tx.signatures);
    const valid = [];
    const signatures = [];
    for (const a of signers) {
      const sig = tx.signatures[a];
      signatures.push(sig ? hex(sig) : null);
      valid.push(sig ? await verifySignature(await getPublicKeyFromAddress(a), sig, tx.messageBytes) : false);
    }
    return {
      compiled: compiledToJson(compiled),
      messageBytes: hex(reencoded),
      feePayer: msg.feePayer.address,
      blockhash: msg.lifetimeConstraint.blockhash,
      instructions: msg.instructions.map((i) => ({
        programId: i.programAddress,
        accounts: (i.accounts || []).map((a) => ({ pubkey: a.address, isSigner: isSignerRole(a.role), isWritable: isWritableRole(a.role) })),
        data: hex(i.data || new Uint8Array()),
      })),
      signers,
      signatures,
      valid,
    };
  },
};

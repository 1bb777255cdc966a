// Line-delimited JSON bridge for sdk-svm's additional instruction builders
// (dev.cairn.svm.programs.MoreBuildersDifferentialTest): @solana/web3.js 1.x and @solana/spl-token.
// One request per line {"kind":..., "args":{...}}; one answer per line, in order:
// {"ok":true,"programId":..,"accounts":[..],"data":hex} or {"ok":false,"error":..}.
import * as readline from 'node:readline';
import { PublicKey, SystemProgram } from '@solana/web3.js';
import * as spl from '@solana/spl-token';

const pk = (s) => new PublicKey(s);
const big = (s) => BigInt(s);
const hex = (b) => Buffer.from(b).toString('hex');
const ms = (a) => (a.multiSigners || []).map(pk);

function ixToJson(ix) {
  return {
    programId: ix.programId.toBase58(),
    accounts: ix.keys.map((k) => ({ pubkey: k.pubkey.toBase58(), isSigner: k.isSigner, isWritable: k.isWritable })),
    data: hex(ix.data),
  };
}

function build(kind, a) {
  const tp = a.tokenProgram ? pk(a.tokenProgram) : spl.TOKEN_PROGRAM_ID;
  switch (kind) {
    case 'system.transferWithSeed': return SystemProgram.transfer({ fromPubkey: pk(a.from), basePubkey: pk(a.base), toPubkey: pk(a.to), lamports: big(a.lamports), seed: a.seed, programId: pk(a.fromOwner) });
    case 'system.assignWithSeed': return SystemProgram.assign({ accountPubkey: pk(a.account), basePubkey: pk(a.base), seed: a.seed, programId: pk(a.owner) });
    case 'system.allocateWithSeed': return SystemProgram.allocate({ accountPubkey: pk(a.account), basePubkey: pk(a.base), seed: a.seed, space: Number(a.space), programId: pk(a.owner) });
    case 'token.transfer': return spl.createTransferInstruction(pk(a.source), pk(a.destination), pk(a.owner), big(a.amount), ms(a), tp);
    case 'token.transferChecked': return spl.createTransferCheckedInstruction(pk(a.source), pk(a.mint), pk(a.destination), pk(a.owner), big(a.amount), a.decimals, ms(a), tp);
    case 'token.approve': return spl.createApproveInstruction(pk(a.account), pk(a.delegate), pk(a.owner), big(a.amount), ms(a), tp);
    case 'token.approveChecked': return spl.createApproveCheckedInstruction(pk(a.account), pk(a.mint), pk(a.delegate), pk(a.owner), big(a.amount), a.decimals, ms(a), tp);
    case 'token.revoke': return spl.createRevokeInstruction(pk(a.account), pk(a.owner), ms(a), tp);
    case 'token.mintTo': return spl.createMintToInstruction(pk(a.mint), pk(a.destination), pk(a.authority), big(a.amount), ms(a), tp);
    case 'token.mintToChecked': return spl.createMintToCheckedInstruction(pk(a.mint), pk(a.destination), pk(a.authority), big(a.amount), a.decimals, ms(a), tp);
    case 'token.burn': return spl.createBurnInstruction(pk(a.account), pk(a.mint), pk(a.owner), big(a.amount), ms(a), tp);
    case 'token.burnChecked': return spl.createBurnCheckedInstruction(pk(a.account), pk(a.mint), pk(a.owner), big(a.amount), a.decimals, ms(a), tp);
    case 'token.closeAccount': return spl.createCloseAccountInstruction(pk(a.account), pk(a.destination), pk(a.owner), ms(a), tp);
    case 'token.freezeAccount': return spl.createFreezeAccountInstruction(pk(a.account), pk(a.mint), pk(a.authority), ms(a), tp);
    case 'token.thawAccount': return spl.createThawAccountInstruction(pk(a.account), pk(a.mint), pk(a.authority), ms(a), tp);
    case 'token.setAuthority': return spl.createSetAuthorityInstruction(pk(a.account), pk(a.authority), a.authorityType, a.newAuthority ? pk(a.newAuthority) : null, ms(a), tp);
    case 'token.initializeMultisig': return spl.createInitializeMultisigInstruction(pk(a.multisig), a.signers.map(pk), a.m, tp);
    case 'ata.recoverNested': return spl.createRecoverNestedInstruction(pk(a.nested), pk(a.nestedMint), pk(a.destination), pk(a.ownerAta), pk(a.ownerMint), pk(a.owner), tp);
    default: throw new Error('unknown kind ' + kind);
  }
}

const rl = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
for await (const line of rl) {
  if (!line.trim()) continue;
  let out;
  try {
    const req = JSON.parse(line);
    out = { ok: true, ...ixToJson(build(req.kind, req.args)) };
  } catch (e) {
    out = { ok: false, error: String((e && e.message) || e) };
  }
  process.stdout.write(JSON.stringify(out) + '\n');
}

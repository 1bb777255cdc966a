// Solana JSON-RPC (HTTP + WebSocket on the same port) over LiteSVM, for the sdk-svm integration tests.
//
// Started by the testing kit's LiteSvm launcher (dev.cairn.testing.node.LiteSvm): listens on 127.0.0.1,
// port $PORT (0 = any free port), prints "listening on 127.0.0.1:<port>" once ready.
//
// What is real: every transaction is executed by LiteSVM (signature verification, fees, rent, the
// System/Token/Token-2022/ATA/ALT/Compute Budget/Memo programs, compute metering, logs, return data).
// What the server adds (a real node does it, LiteSVM does not): slots and block heights, one block per
// landed transaction; a fresh blockhash per slot, each valid for 150 blocks (lastValidBlockHeight);
// BlockhashNotFound for expired or unknown blockhashes (durable-nonce transactions are checked against
// the nonce account); signature statuses; transaction history with pre/post balances; preflight
// simulation with the RPC error shapes (-32002 with data.err/logs, -32003); the SlotHashes sysvar
// (so address lookup tables can be created, extended and closed); jsonParsed for SPL Token accounts
// and mints; WebSocket subscriptions (account, signature, logs, program, slot).
//
// Test-control methods (non-standard): cairn_advanceSlots [n] -> new slot (blockhashes expire after
// 150), cairn_dropTransactions [n] -> the next n sendTransaction calls are accepted and dropped
// (never land, like a congested leader), cairn_setAccount [address, {lamports, data(base64), owner,
// executable}].
import http from 'node:http';
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const internal = require('litesvm/dist/internal.js');
const bs58 = require('bs58').default ?? require('bs58');
const wsLib = require('ws');
const WebSocketServer = wsLib.WebSocketServer ?? wsLib.Server;

const MAX_PROCESSING_AGE = 150;
const SLOT_HASHES_MAX = 512;
const LAMPORTS_PER_SIGNATURE = 5000n;
const SYSTEM = '11111111111111111111111111111111';
const TOKEN = 'TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5DA';
const TOKEN_2022 = 'TokenzQdBNbLqP5VEhdkAS6EPFLC1PHnBqCXEpPxuEb';
const COMPUTE_BUDGET = 'ComputeBudget111111111111111111111111111111';
const U64_MAX = (1n << 64n) - 1n;

const TX_ERRORS = ['AccountInUse', 'AccountLoadedTwice', 'AccountNotFound', 'ProgramAccountNotFound',
  'InsufficientFundsForFee', 'InvalidAccountForFee', 'AlreadyProcessed', 'BlockhashNotFound', 'CallChainTooDeep',
  'MissingSignatureForFee', 'InvalidAccountIndex', 'SignatureFailure', 'InvalidProgramForExecution',
  'SanitizeFailure', 'ClusterMaintenance', 'AccountBorrowOutstanding', 'WouldExceedMaxBlockCostLimit',
  'UnsupportedVersion', 'InvalidWritableAccount', 'WouldExceedMaxAccountCostLimit',
  'WouldExceedAccountDataBlockLimit', 'TooManyAccountLocks', 'AddressLookupTableNotFound',
  'InvalidAddressLookupTableOwner', 'InvalidAddressLookupTableData', 'InvalidAddressLookupTableIndex',
  'InvalidRentPayingAccount', 'WouldExceedMaxVoteCostLimit', 'WouldExceedAccountDataTotalLimit',
  'MaxLoadedAccountsDataSizeExceeded', 'ResanitizationNeeded', 'InvalidLoadedAccountsDataSizeLimit',
  'UnbalancedTransaction', 'ProgramCacheHitMaxLimit', 'CommitCancelled'];
const IX_ERRORS = ['GenericError', 'InvalidArgument', 'InvalidInstructionData', 'InvalidAccountData',
  'AccountDataTooSmall', 'InsufficientFunds', 'IncorrectProgramId', 'MissingRequiredSignature',
  'AccountAlreadyInitialized', 'UninitializedAccount', 'UnbalancedInstruction', 'ModifiedProgramId',
  'ExternalAccountLamportSpend', 'ExternalAccountDataModified', 'ReadonlyLamportChange', 'ReadonlyDataModified',
  'DuplicateAccountIndex', 'ExecutableModified', 'RentEpochModified', 'NotEnoughAccountKeys',
  'AccountDataSizeChanged', 'AccountNotExecutable', 'AccountBorrowFailed', 'AccountBorrowOutstanding',
  'DuplicateAccountOutOfSync', 'InvalidError', 'ExecutableDataModified', 'ExecutableLamportChange',
  'ExecutableAccountNotRentExempt', 'UnsupportedProgramId', 'CallDepth', 'MissingAccount', 'ReentrancyNotAllowed',
  'MaxSeedLengthExceeded', 'InvalidSeeds', 'InvalidRealloc', 'ComputationalBudgetExceeded', 'PrivilegeEscalation',
  'ProgramEnvironmentSetupFailure', 'ProgramFailedToComplete', 'ProgramFailedToCompile', 'Immutable',
  'IncorrectAuthority', 'AccountNotRentExempt', 'InvalidAccountOwner', 'ArithmeticOverflow', 'UnsupportedSysvar',
  'IllegalOwner', 'MaxAccountsDataAllocationsExceeded', 'MaxAccountsExceeded', 'MaxInstructionTraceLengthExceeded',
  'BuiltinProgramsMustConsumeComputeUnits', 'BorshIoError'];
// the error messages agave's RPC puts after "Transaction simulation failed: "
const TX_ERROR_TEXT = {
  AccountNotFound: 'Attempt to debit an account but found no record of a prior credit.',
  InsufficientFundsForFee: 'Insufficient funds for fee',
  AlreadyProcessed: 'This transaction has already been processed',
  BlockhashNotFound: 'Blockhash not found',
  SignatureFailure: 'Transaction did not pass signature verification',
  InvalidAccountForFee: 'This account may not be used to pay transaction fees',
  AddressLookupTableNotFound: 'Transaction loads an address table account that doesn\'t exist',
};
// landed (fee charged, status recorded) vs dropped before execution
const LANDING = new Set(['InstructionError', 'InsufficientFundsForRent', 'DuplicateInstruction',
  'ProgramExecutionTemporarilyRestricted']);

class RpcError extends Error {
  constructor(code, message, data) {
    super(message);
    this.code = code;
    this.data = data;
  }
}
const invalidParams = (m) => new RpcError(-32602, m);

// ------------------------------------------------------------------------------------------ state
const svm = new internal.LiteSvm();
svm.setBlockhashCheck(false); // the server checks blockhash age itself (150 blocks), see checkBlockhash
svm.setTransactionHistory(1000000n);

let slot = 1n;
const blockhashes = new Map(); // blockhash -> lastValidBlockHeight
let slotHashes = []; // newest first: {slot, hash}
const statuses = new Map(); // signature -> {slot, err, tx (bytes), meta}
const prioritization = []; // {slot, fee, writable: Set}
let dropNext = 0;
let transactionCount = 0n;
const genesisHash = svm.latestBlockhash();

function rotateBlockhash() {
  svm.expireBlockhash();
  const bh = svm.latestBlockhash();
  blockhashes.set(bh, slot + BigInt(MAX_PROCESSING_AGE));
  slotHashes.unshift({ slot, hash: bh });
  if (slotHashes.length > SLOT_HASHES_MAX) slotHashes.length = SLOT_HASHES_MAX;
  svm.setSlotHashes(slotHashes);
  // forget blockhashes nobody can use any more (keep a margin for BlockhashNotFound answers)
  if (blockhashes.size > 4 * MAX_PROCESSING_AGE) {
    for (const [h, lv] of blockhashes) {
      if (lv + 1000n < slot) blockhashes.delete(h);
    }
  }
}

function advance(n) {
  if (n <= 0n) return;
  const from = slot;
  slot += n;
  // synthetic slot hashes for the skipped slots, so that SlotHashes looks like a live chain's
  const fill = n > BigInt(SLOT_HASHES_MAX) ? BigInt(SLOT_HASHES_MAX) : n - 1n;
  for (let s = slot - fill; s < slot; s++) {
    if (s > from) {
      slotHashes.unshift({ slot: s, hash: bs58.encode(createHash('sha256').update('slot' + s).digest()) });
    }
  }
  if (slotHashes.length > SLOT_HASHES_MAX) slotHashes.length = SLOT_HASHES_MAX;
  svm.warpToSlot(slot);
  rotateBlockhash();
  notifySlot(from);
}

svm.warpToSlot(slot);
rotateBlockhash();
blockhashes.set(genesisHash, BigInt(MAX_PROCESSING_AGE));

// ------------------------------------------------------------------------------------------ helpers
const b58 = (u8) => bs58.encode(Buffer.from(u8));
function pubkeyBytes(s, what) {
  if (typeof s !== 'string') throw invalidParams(`Invalid param: ${what} is not a string`);
  let b;
  try {
    b = bs58.decode(s);
  } catch (e) {
    throw invalidParams(`Invalid param: Invalid ${what}: ${s}`);
  }
  if (b.length !== 32) throw invalidParams(`Invalid param: Invalid ${what}: ${s}`);
  return b;
}
const ctx = () => ({ slot: Number(slot), apiVersion: '2.2.0' });
const readU64 = (d, o) => Buffer.from(d.buffer, d.byteOffset, d.length).readBigUInt64LE(o);

function errName(table, v) {
  return typeof v === 'number' ? (table[v] ?? `Unknown(${v})`) : String(v);
}
function instructionErrorJson(e) {
  if (typeof e === 'number') return errName(IX_ERRORS, e);
  if (e instanceof internal.InstructionErrorCustom) return { Custom: e.code };
  if (e instanceof internal.InstructionErrorBorshIo) return { BorshIoError: e.msg };
  return String(e);
}
function txErrorJson(e) {
  if (typeof e === 'number') return errName(TX_ERRORS, e);
  if (e instanceof internal.TransactionErrorInstructionError) return { InstructionError: [e.index, instructionErrorJson(e.err())] };
  if (e instanceof internal.TransactionErrorDuplicateInstruction) return { DuplicateInstruction: e.index };
  if (e instanceof internal.TransactionErrorInsufficientFundsForRent) return { InsufficientFundsForRent: { account_index: e.accountIndex } };
  if (e instanceof internal.TransactionErrorProgramExecutionTemporarilyRestricted) {
    return { ProgramExecutionTemporarilyRestricted: { account_index: e.accountIndex } };
  }
  return String(e);
}
const errVariant = (j) => (typeof j === 'string' ? j : Object.keys(j)[0]);
function errText(j) {
  if (typeof j === 'string') return TX_ERROR_TEXT[j] ?? j;
  if (j.InstructionError) {
    const [i, ie] = j.InstructionError;
    const what = typeof ie === 'string' ? ie : ie.Custom !== undefined ? `custom program error: 0x${ie.Custom.toString(16)}` : JSON.stringify(ie);
    return `Error processing Instruction ${i}: ${what}`;
  }
  if (j.InsufficientFundsForRent) return `Transaction results in an account (${j.InsufficientFundsForRent.account_index}) with insufficient funds for rent`;
  return JSON.stringify(j);
}

// ---- wire format of transactions (compact-u16, legacy and v0)
function shortvec(buf, o) {
  let v = 0;
  for (let i = 0; i < 3; i++) {
    if (o.p >= buf.length) throw new Error('truncated compact-u16');
    const b = buf[o.p++];
    v |= (b & 0x7f) << (7 * i);
    if ((b & 0x80) === 0) return v;
  }
  throw new Error('compact-u16 too long');
}
function take(buf, o, n) {
  if (o.p + n > buf.length) throw new Error(`truncated at byte ${o.p}`);
  const s = buf.subarray(o.p, o.p + n);
  o.p += n;
  return s;
}
function parseTx(bytes) {
  const o = { p: 0 };
  const nsig = shortvec(bytes, o);
  const signatures = [];
  for (let i = 0; i < nsig; i++) signatures.push(take(bytes, o, 64));
  const messageStart = o.p;
  const m = parseMessage(bytes, o);
  if (o.p !== bytes.length) throw new Error(`${bytes.length - o.p} trailing bytes`);
  if (nsig !== m.header[0]) throw new Error(`${nsig} signatures for ${m.header[0]} required signers`);
  return { signatures, message: m, messageBytes: bytes.subarray(messageStart) };
}
function parseMessage(bytes, o) {
  let version = 'legacy';
  if (bytes[o.p] & 0x80) {
    version = bytes[o.p] & 0x7f;
    o.p++;
    if (version !== 0) throw new Error(`unsupported message version ${version}`);
  }
  const header = [...take(bytes, o, 3)];
  const nkeys = shortvec(bytes, o);
  const keys = [];
  for (let i = 0; i < nkeys; i++) keys.push(b58(take(bytes, o, 32)));
  const recentBlockhash = b58(take(bytes, o, 32));
  const nix = shortvec(bytes, o);
  const instructions = [];
  for (let i = 0; i < nix; i++) {
    const programIdIndex = take(bytes, o, 1)[0];
    const na = shortvec(bytes, o);
    const accounts = [...take(bytes, o, na)];
    const nd = shortvec(bytes, o);
    const data = Buffer.from(take(bytes, o, nd));
    instructions.push({ programIdIndex, accounts, data });
  }
  const lookups = [];
  if (version !== 'legacy') {
    const nl = shortvec(bytes, o);
    for (let i = 0; i < nl; i++) {
      const accountKey = b58(take(bytes, o, 32));
      const w = [...take(bytes, o, shortvec(bytes, o))];
      const r = [...take(bytes, o, shortvec(bytes, o))];
      lookups.push({ accountKey, writableIndexes: w, readonlyIndexes: r });
    }
  }
  return { version, header, keys, recentBlockhash, instructions, lookups };
}
function loadedAddresses(m) {
  const writable = [];
  const readonly = [];
  for (const l of m.lookups) {
    const acc = svm.getAccount(pubkeyBytes(l.accountKey, 'lookup table'));
    if (!acc) continue;
    const d = acc.data();
    const at = (i) => (56 + 32 * i + 32 <= d.length ? b58(d.subarray(56 + 32 * i, 88 + 32 * i)) : null);
    for (const i of l.writableIndexes) writable.push(at(i));
    for (const i of l.readonlyIndexes) readonly.push(at(i));
  }
  return { writable, readonly };
}
function allKeys(m) {
  const la = loadedAddresses(m);
  return { keys: [...m.keys, ...la.writable, ...la.readonly], loaded: la };
}
function isWritable(m, i) {
  const [nsig, roSigned, roUnsigned] = m.header;
  const n = m.keys.length;
  if (i < nsig) return i < nsig - roSigned;
  if (i < n) return i < n - roUnsigned;
  const la = loadedAddresses(m);
  return i - n < la.writable.length;
}
function computeBudget(m) {
  let limit = null;
  let price = 0n;
  let nonBudget = 0;
  for (const ix of m.instructions) {
    const pid = m.keys[ix.programIdIndex];
    if (pid === COMPUTE_BUDGET) {
      if (ix.data[0] === 2 && ix.data.length >= 5) limit = BigInt(ix.data.readUInt32LE(1));
      if (ix.data[0] === 3 && ix.data.length >= 9) price = ix.data.readBigUInt64LE(1);
    } else {
      nonBudget++;
    }
  }
  if (limit === null) limit = BigInt(Math.min(1400000, 200000 * nonBudget));
  return { limit, price };
}
function feeOf(m) {
  const { limit, price } = computeBudget(m);
  const priority = (price * limit + 999999n) / 1000000n;
  return LAMPORTS_PER_SIGNATURE * BigInt(m.header[0]) + priority;
}

// a blockhash is valid while the block height is at most its lastValidBlockHeight; a durable-nonce
// transaction (first instruction System AdvanceNonceAccount) is valid when its blockhash is the nonce
function blockhashValid(m) {
  const lv = blockhashes.get(m.recentBlockhash);
  if (lv !== undefined && slot <= lv) return true;
  const ix = m.instructions[0];
  if (ix && m.keys[ix.programIdIndex] === SYSTEM && ix.data.length >= 4 && ix.data.readUInt32LE(0) === 4
      && ix.accounts.length > 0 && ix.accounts[0] < m.keys.length) {
    const acc = svm.getAccount(pubkeyBytes(m.keys[ix.accounts[0]], 'nonce account'));
    if (acc && Buffer.from(acc.owner()).equals(Buffer.alloc(32))) {
      const d = acc.data();
      if (d.length >= 80 && Buffer.from(d).readUInt32LE(4) === 1 && b58(d.subarray(40, 72)) === m.recentBlockhash) return true;
    }
  }
  return false;
}

function decodeTxParam(p, cfg) {
  if (typeof p !== 'string') throw invalidParams('Invalid params: transaction must be a string');
  const enc = (cfg && cfg.encoding) || 'base58';
  let bytes;
  if (enc === 'base64') {
    bytes = Buffer.from(p, 'base64');
  } else if (enc === 'base58') {
    try {
      bytes = Buffer.from(bs58.decode(p));
    } catch (e) {
      throw invalidParams('invalid base58 encoding: ' + e.message);
    }
  } else {
    throw invalidParams(`unsupported encoding: ${enc}. Supported encodings: base58, base64`);
  }
  try {
    return { bytes, tx: parseTx(bytes) };
  } catch (e) {
    throw invalidParams(`failed to deserialize solana_transaction::versioned::VersionedTransaction: ${e.message}`);
  }
}

function metaJson(meta) {
  const rd = meta.returnData();
  const data = rd.data();
  return {
    logs: meta.logs(),
    unitsConsumed: Number(meta.computeUnitsConsumed()),
    returnData: data.length === 0 ? null : { programId: b58(rd.programId()), data: [Buffer.from(data).toString('base64'), 'base64'] },
    innerInstructions: meta.innerInstructions().map((list, index) => ({
      index,
      instructions: list.map((ii) => {
        const ci = ii.instruction();
        return { programIdIndex: ci.programIdIndex(), accounts: [...ci.accounts()], data: b58(ci.data()), stackHeight: ii.stackHeight() };
      }),
    })).filter((x) => x.instructions.length > 0),
  };
}

function execute(bytes, tx, simulate) {
  const versioned = tx.message.version !== 'legacy';
  if (simulate) {
    return versioned ? svm.simulateVersionedTransaction(bytes) : svm.simulateLegacyTransaction(bytes);
  }
  return versioned ? svm.sendVersionedTransaction(bytes) : svm.sendLegacyTransaction(bytes);
}
const failed = (r) => r instanceof internal.FailedTransactionMetadata;
const metaOf = (r) => (typeof r.meta === 'function' ? r.meta() : r);

function simulate(bytes, tx, sigVerify) {
  const before = svm.getSigverify();
  svm.setSigverify(!!sigVerify);
  try {
    const r = execute(bytes, tx, true);
    const meta = metaJson(metaOf(r));
    return { err: failed(r) ? txErrorJson(r.err()) : null, ...meta, postAccounts: failed(r) ? null : r.postAccounts() };
  } finally {
    svm.setSigverify(before);
  }
}

function balances(keys) {
  return keys.map((k) => (k === null ? 0 : Number(svm.getBalance(pubkeyBytes(k, 'account')) ?? 0n)));
}

// ------------------------------------------------------------------------------------------ accounts
function tokenAccountParsed(addr, acc, program) {
  const d = Buffer.from(acc.data());
  const isToken2022 = program === TOKEN_2022;
  const name = isToken2022 ? 'spl-token-2022' : 'spl-token';
  if (d.length === 165 || (isToken2022 && d.length > 165 && d[165] === 2)) {
    const mint = b58(d.subarray(0, 32));
    const mintAcc = svm.getAccount(d.subarray(0, 32));
    const decimals = mintAcc && mintAcc.data().length >= 45 ? mintAcc.data()[44] : 0;
    const amount = d.readBigUInt64LE(64);
    const state = ['uninitialized', 'initialized', 'frozen'][d[108]] ?? 'uninitialized';
    const info = {
      isNative: d.readUInt32LE(109) === 1,
      mint,
      owner: b58(d.subarray(32, 64)),
      state,
      tokenAmount: uiAmount(amount, decimals),
    };
    if (d.readUInt32LE(72) === 1) {
      info.delegate = b58(d.subarray(76, 108));
      info.delegatedAmount = uiAmount(d.readBigUInt64LE(121), decimals);
    }
    if (d.readUInt32LE(129) === 1) info.closeAuthority = b58(d.subarray(133, 165));
    return { program: name, parsed: { info, type: 'account' }, space: d.length };
  }
  if (d.length === 82 || (isToken2022 && d.length > 165 && d[165] === 1)) {
    const info = {
      decimals: d[44],
      freezeAuthority: d.readUInt32LE(46) === 1 ? b58(d.subarray(50, 82)) : null,
      isInitialized: d[45] === 1,
      mintAuthority: d.readUInt32LE(0) === 1 ? b58(d.subarray(4, 36)) : null,
      supply: d.readBigUInt64LE(36).toString(),
    };
    return { program: name, parsed: { info, type: 'mint' }, space: d.length };
  }
  return null;
}
function uiAmount(amount, decimals) {
  const s = amount.toString().padStart(decimals + 1, '0');
  const whole = s.slice(0, s.length - decimals);
  const frac = decimals === 0 ? '' : s.slice(s.length - decimals).replace(/0+$/, '');
  const str = frac ? `${whole}.${frac}` : whole;
  return { amount: amount.toString(), decimals, uiAmount: Number(str), uiAmountString: str };
}
function accountJson(addr, acc, cfg) {
  if (!acc) return null;
  const enc = (cfg && cfg.encoding) || 'base58';
  let data = Buffer.from(acc.data());
  const owner = b58(acc.owner());
  const space = data.length;
  let out;
  if (enc === 'jsonParsed' && (owner === TOKEN || owner === TOKEN_2022)) {
    out = tokenAccountParsed(addr, acc, owner);
  }
  if (!out) {
    if (cfg && cfg.dataSlice) {
      const { offset, length } = cfg.dataSlice;
      data = data.subarray(offset, offset + length);
    }
    if (enc === 'base58') {
      if (data.length > 128) throw new RpcError(-32600, 'Encoded binary (base 58) data should be less than 128 bytes, please use Base64 encoding.');
      out = [bs58.encode(data), 'base58'];
    } else if (enc === 'base64' || enc === 'jsonParsed') {
      out = [data.toString('base64'), 'base64'];
    } else {
      throw invalidParams(`Invalid params: unsupported encoding ${enc}`);
    }
  }
  return { data: out, executable: acc.executable(), lamports: acc.lamports(), owner, rentEpoch: acc.rentEpoch(), space };
}
function getAccount(addr) {
  return svm.getAccount(pubkeyBytes(addr, 'pubkey'));
}
function matchesFilters(data, filters) {
  for (const f of filters || []) {
    if (f.dataSize !== undefined) {
      if (data.length !== f.dataSize) return false;
    } else if (f.memcmp) {
      const enc = f.memcmp.encoding || 'base58';
      let bytes;
      try {
        bytes = enc === 'base64' ? Buffer.from(f.memcmp.bytes, 'base64') : Buffer.from(bs58.decode(f.memcmp.bytes));
      } catch (e) {
        throw invalidParams('Invalid param: memcmp bytes are not ' + enc);
      }
      const off = f.memcmp.offset;
      if (off + bytes.length > data.length || !Buffer.from(data.subarray(off, off + bytes.length)).equals(bytes)) return false;
    } else if (f.tokenAccountState !== undefined) {
      // accepted, no-op
    } else {
      throw invalidParams('Invalid params: unknown filter ' + JSON.stringify(f));
    }
  }
  return true;
}
function programAccounts(program, filters) {
  const list = svm.getProgramAccounts(pubkeyBytes(program, 'program id'));
  const out = [];
  for (const aa of list) {
    const acc = aa.account();
    if (matchesFilters(acc.data(), filters)) out.push({ address: b58(aa.address), acc });
  }
  out.sort((a, b) => (a.address < b.address ? -1 : a.address > b.address ? 1 : 0));
  return out;
}

// ------------------------------------------------------------------------------------------ methods
function cfgAt(params, i) {
  const c = params[i];
  return c && typeof c === 'object' && !Array.isArray(c) ? c : {};
}

function sendTransaction(params) {
  const cfg = cfgAt(params, 1);
  const { bytes, tx } = decodeTxParam(params[0], cfg);
  const m = tx.message;
  const signature = b58(tx.signatures[0] ?? Buffer.alloc(64));
  if (tx.signatures.length === 0) throw invalidParams('Invalid params: transaction has no signatures');
  const valid = blockhashValid(m);
  if (!cfg.skipPreflight) {
    if (!valid) {
      throw new RpcError(-32002, 'Transaction simulation failed: Blockhash not found',
        { accounts: null, err: 'BlockhashNotFound', innerInstructions: null, logs: [], returnData: null, unitsConsumed: 0 });
    }
    if (statuses.has(signature)) {
      throw new RpcError(-32002, 'Transaction simulation failed: This transaction has already been processed',
        { accounts: null, err: 'AlreadyProcessed', innerInstructions: null, logs: [], returnData: null, unitsConsumed: 0 });
    }
    const sim = simulate(bytes, tx, true);
    if (sim.err !== null) {
      if (sim.err === 'SignatureFailure') throw new RpcError(-32003, 'Transaction signature verification failure');
      throw new RpcError(-32002, 'Transaction simulation failed: ' + errText(sim.err),
        { accounts: null, err: sim.err, innerInstructions: null, logs: sim.logs, returnData: sim.returnData, unitsConsumed: sim.unitsConsumed });
    }
  }
  if (dropNext > 0) {
    dropNext--;
    return signature;
  }
  if (!valid || statuses.has(signature)) return signature; // never lands
  const { keys, loaded } = allKeys(m);
  const pre = balances(keys);
  const r = execute(bytes, tx, false);
  const errJ = failed(r) ? txErrorJson(r.err()) : null;
  if (errJ !== null && !LANDING.has(errVariant(errJ))) {
    // rejected before execution (a real node drops it): never lands
    console.error(`dropped ${signature}: ${JSON.stringify(errJ)}`);
    return signature;
  }
  advance(1n);
  const meta = metaJson(metaOf(r));
  const post = balances(keys);
  transactionCount++;
  const { price } = computeBudget(m);
  const writable = new Set(keys.filter((k, i) => k !== null && isWritable(m, i)));
  prioritization.push({ slot, fee: price, writable });
  if (prioritization.length > MAX_PROCESSING_AGE) prioritization.shift();
  const rec = {
    slot, err: errJ, bytes: Buffer.from(bytes), tx, fee: feeOf(m), pre, post, meta, loaded, keys, blockTime: Math.floor(Date.now() / 1000),
  };
  statuses.set(signature, rec);
  notifyTransaction(signature, rec);
  return signature;
}

function simulateTransaction(params) {
  const cfg = cfgAt(params, 1);
  const { bytes, tx } = decodeTxParam(params[0], { encoding: cfg.encoding || 'base58' });
  if (cfg.sigVerify && cfg.replaceRecentBlockhash) {
    throw invalidParams('Invalid params: sigVerify may not be used with replaceRecentBlockhash');
  }
  const value = { err: null, logs: [], accounts: null, unitsConsumed: 0, returnData: null, innerInstructions: null };
  let replacement;
  if (cfg.replaceRecentBlockhash) {
    const bh = svm.latestBlockhash();
    replacement = { blockhash: bh, lastValidBlockHeight: Number(blockhashes.get(bh)) };
  } else if (!blockhashValid(tx.message)) {
    value.err = 'BlockhashNotFound';
    return { context: ctx(), value };
  }
  if (statuses.has(b58(tx.signatures[0])) && cfg.sigVerify) {
    value.err = 'AlreadyProcessed';
    return { context: ctx(), value };
  }
  const sim = simulate(bytes, tx, cfg.sigVerify);
  value.err = sim.err;
  value.logs = sim.logs;
  value.unitsConsumed = sim.unitsConsumed;
  value.returnData = sim.returnData;
  value.fee = Number(feeOf(tx.message));
  if (cfg.innerInstructions) value.innerInstructions = sim.innerInstructions;
  if (cfg.accounts && Array.isArray(cfg.accounts.addresses)) {
    const post = new Map();
    for (const a of sim.postAccounts || []) post.set(b58(a.address), a.account());
    value.accounts = cfg.accounts.addresses.map((addr) => {
      const acc = post.get(addr);
      if (acc) return accountJson(addr, acc, cfg.accounts);
      return accountJson(addr, getAccount(addr), cfg.accounts);
    });
  }
  if (replacement) value.replacementBlockhash = replacement;
  return { context: ctx(), value };
}

function transactionJson(rec, cfg) {
  const version = rec.tx.message.version;
  const maxV = cfg.maxSupportedTransactionVersion;
  if (version !== 'legacy' && (maxV === undefined || maxV === null || maxV < version)) {
    throw new RpcError(-32015, `Transaction version (${version}) is not supported by the requesting client. `
      + 'Please try the request again with the following configuration parameter: "maxSupportedTransactionVersion": 0');
  }
  const enc = cfg.encoding || 'json';
  let transaction;
  if (enc === 'base64') {
    transaction = [rec.bytes.toString('base64'), 'base64'];
  } else if (enc === 'base58') {
    transaction = [bs58.encode(rec.bytes), 'base58'];
  } else if (enc === 'json' || enc === 'jsonParsed') {
    const m = rec.tx.message;
    const message = {
      accountKeys: m.keys,
      header: { numRequiredSignatures: m.header[0], numReadonlySignedAccounts: m.header[1], numReadonlyUnsignedAccounts: m.header[2] },
      recentBlockhash: m.recentBlockhash,
      instructions: m.instructions.map((ix) => ({ programIdIndex: ix.programIdIndex, accounts: ix.accounts, data: bs58.encode(ix.data), stackHeight: null })),
    };
    if (version !== 'legacy') message.addressTableLookups = m.lookups;
    transaction = { signatures: rec.tx.signatures.map(b58), message };
  } else {
    throw invalidParams(`Invalid params: unsupported encoding ${enc}`);
  }
  const meta = {
    err: rec.err,
    status: rec.err === null ? { Ok: null } : { Err: rec.err },
    fee: Number(rec.fee),
    preBalances: rec.pre,
    postBalances: rec.post,
    innerInstructions: rec.meta.innerInstructions,
    logMessages: rec.meta.logs,
    preTokenBalances: [],
    postTokenBalances: [],
    rewards: [],
    loadedAddresses: { writable: rec.loaded.writable, readonly: rec.loaded.readonly },
    computeUnitsConsumed: rec.meta.unitsConsumed,
  };
  if (rec.meta.returnData) meta.returnData = rec.meta.returnData;
  const out = { slot: Number(rec.slot), blockTime: rec.blockTime, transaction, meta };
  if (maxV !== undefined && maxV !== null) out.version = version;
  return out;
}

function tokenAmountOf(addr) {
  const acc = getAccount(addr);
  const owner = acc ? b58(acc.owner()) : null;
  if (!acc || (owner !== TOKEN && owner !== TOKEN_2022)) {
    throw invalidParams('Invalid param: could not find account');
  }
  const p = tokenAccountParsed(addr, acc, owner);
  if (!p || p.parsed.type !== 'account') throw invalidParams('Invalid param: not a Token account');
  return p.parsed.info.tokenAmount;
}

const methods = {
  getHealth: () => 'ok',
  getVersion: () => ({ 'solana-core': '2.2.0', 'feature-set': 0, litesvm: '1.5.0' }),
  getGenesisHash: () => genesisHash,
  getSlot: () => Number(slot),
  getBlockHeight: () => Number(slot),
  getTransactionCount: () => Number(transactionCount),
  getEpochInfo: () => ({ absoluteSlot: Number(slot), blockHeight: Number(slot), epoch: 0, slotIndex: Number(slot),
    slotsInEpoch: 432000, transactionCount: Number(transactionCount) }),
  getLatestBlockhash: () => {
    const bh = svm.latestBlockhash();
    return { context: ctx(), value: { blockhash: bh, lastValidBlockHeight: Number(blockhashes.get(bh)) } };
  },
  isBlockhashValid: (p) => {
    const lv = blockhashes.get(p[0]);
    return { context: ctx(), value: lv !== undefined && slot <= lv };
  },
  getBalance: (p) => ({ context: ctx(), value: Number(svm.getBalance(pubkeyBytes(p[0], 'pubkey')) ?? 0n) }),
  getAccountInfo: (p) => ({ context: ctx(), value: accountJson(p[0], getAccount(p[0]), cfgAt(p, 1)) }),
  getMultipleAccounts: (p) => {
    if (!Array.isArray(p[0])) throw invalidParams('Invalid params: expected an array of pubkeys');
    if (p[0].length > 100) throw invalidParams('Too many inputs provided; max 100');
    return { context: ctx(), value: p[0].map((a) => accountJson(a, getAccount(a), cfgAt(p, 1))) };
  },
  getProgramAccounts: (p) => {
    const cfg = cfgAt(p, 1);
    const list = programAccounts(p[0], cfg.filters).map(({ address, acc }) => ({ pubkey: address, account: accountJson(address, acc, cfg) }));
    return cfg.withContext ? { context: ctx(), value: list } : list;
  },
  getTokenAccountsByOwner: (p) => {
    const owner = p[0];
    pubkeyBytes(owner, 'owner');
    const f = cfgAt(p, 1);
    const cfg = cfgAt(p, 2);
    let programs;
    let mint = null;
    if (f.mint) {
      const ma = getAccount(f.mint);
      if (!ma) throw invalidParams('Invalid param: could not find mint');
      programs = [b58(ma.owner())];
      mint = f.mint;
    } else if (f.programId) {
      if (f.programId !== TOKEN && f.programId !== TOKEN_2022) throw invalidParams('Invalid param: unrecognized Token program id');
      programs = [f.programId];
    } else {
      throw invalidParams('Invalid params: expected {"mint":...} or {"programId":...}');
    }
    const out = [];
    for (const prog of programs) {
      const filters = [{ memcmp: { offset: 32, bytes: owner } }];
      if (mint) filters.push({ memcmp: { offset: 0, bytes: mint } });
      for (const { address, acc } of programAccounts(prog, filters)) {
        const d = acc.data();
        if (d.length === 165 || (d.length > 165 && d[165] === 2)) out.push({ pubkey: address, account: accountJson(address, acc, cfg) });
      }
    }
    return { context: ctx(), value: out };
  },
  getTokenAccountBalance: (p) => ({ context: ctx(), value: tokenAmountOf(p[0]) }),
  getTokenSupply: (p) => {
    const acc = getAccount(p[0]);
    if (!acc || acc.data().length < 82) throw invalidParams('Invalid param: not a Token mint');
    const d = Buffer.from(acc.data());
    return { context: ctx(), value: uiAmount(d.readBigUInt64LE(36), d[44]) };
  },
  getMinimumBalanceForRentExemption: (p) => {
    const n = p[0];
    if (!Number.isInteger(n) || n < 0) throw invalidParams('Invalid params: data length must be a non-negative integer');
    return Number(svm.minimumBalanceForRentExemption(BigInt(n)));
  },
  getFeeForMessage: (p) => {
    if (typeof p[0] !== 'string') throw invalidParams('Invalid params: message must be a base64 string');
    let m;
    try {
      const buf = Buffer.from(p[0], 'base64');
      const o = { p: 0 };
      m = parseMessage(buf, o);
      if (o.p !== buf.length) throw new Error('trailing bytes');
    } catch (e) {
      throw invalidParams('Invalid params: invalid message: ' + e.message);
    }
    return { context: ctx(), value: blockhashValid(m) ? Number(feeOf(m)) : null };
  },
  getRecentPrioritizationFees: (p) => {
    const addrs = Array.isArray(p[0]) ? p[0] : [];
    if (addrs.length > 128) throw invalidParams('Too many inputs provided; max 128');
    const bySlot = new Map();
    for (const e of prioritization) {
      if (addrs.length > 0 && !addrs.some((a) => e.writable.has(a))) {
        if (!bySlot.has(e.slot)) bySlot.set(e.slot, 0n);
        continue;
      }
      const cur = bySlot.get(e.slot);
      bySlot.set(e.slot, cur === undefined || e.fee < cur ? e.fee : cur);
    }
    return [...bySlot.entries()].map(([s, fee]) => ({ slot: Number(s), prioritizationFee: Number(fee) }));
  },
  getSignatureStatuses: (p) => {
    if (!Array.isArray(p[0])) throw invalidParams('Invalid params: expected an array of signatures');
    if (p[0].length > 256) throw invalidParams('Too many inputs provided; max 256');
    return {
      context: ctx(),
      value: p[0].map((s) => {
        const rec = statuses.get(s);
        if (!rec) return null;
        return { slot: Number(rec.slot), confirmations: null, err: rec.err,
          status: rec.err === null ? { Ok: null } : { Err: rec.err }, confirmationStatus: 'finalized' };
      }),
    };
  },
  getTransaction: (p) => {
    const rec = statuses.get(p[0]);
    const cfg = typeof p[1] === 'string' ? { encoding: p[1] } : cfgAt(p, 1);
    return rec ? transactionJson(rec, cfg) : null;
  },
  sendTransaction,
  simulateTransaction,
  requestAirdrop: (p) => {
    const to = pubkeyBytes(p[0], 'pubkey');
    const lamports = p[1];
    if (!Number.isSafeInteger(lamports) || lamports <= 0) throw invalidParams('Invalid params: lamports must be a positive integer');
    const before = svm.getBalance(to) ?? 0n;
    const r = svm.airdrop(to, BigInt(lamports));
    if (!r || failed(r)) throw new RpcError(-32603, 'airdrop failed: ' + (r ? JSON.stringify(txErrorJson(r.err())) : 'no result'));
    advance(1n);
    const sig = b58(r.signature());
    const meta = metaJson(r);
    const rec = { slot, err: null, bytes: null, tx: null, fee: LAMPORTS_PER_SIGNATURE, pre: [Number(before)],
      post: [Number(svm.getBalance(to))], meta, loaded: { writable: [], readonly: [] }, keys: [p[0]], blockTime: Math.floor(Date.now() / 1000), airdrop: true };
    statuses.set(sig, rec);
    notifyTransaction(sig, rec);
    return sig;
  },
  // ---- test control
  cairn_advanceSlots: (p) => {
    const n = p.length > 0 ? p[0] : 1;
    if (!Number.isSafeInteger(n) || n < 1 || n > 1000000) throw invalidParams('Invalid params: slots must be 1..1000000');
    advance(BigInt(n));
    return Number(slot);
  },
  cairn_dropTransactions: (p) => {
    const n = p[0];
    if (!Number.isSafeInteger(n) || n < 0) throw invalidParams('Invalid params: count must be a non-negative integer');
    dropNext = n;
    return n;
  },
  cairn_setAccount: (p) => {
    const key = pubkeyBytes(p[0], 'pubkey');
    const a = cfgAt(p, 1);
    const data = Buffer.from(a.data || '', 'base64');
    svm.setAccount(key, new internal.Account(BigInt(a.lamports ?? 0), data, pubkeyBytes(a.owner || SYSTEM, 'owner'), !!a.executable, U64_MAX));
    notifyAccountsAll();
    return null;
  },
};

// ------------------------------------------------------------------------------------------ JSON-RPC
function stringify(v) {
  return JSON.stringify(v, (k, x) => (typeof x === 'bigint' ? `__big__${x}` : x)).replace(/"__big__(\d+)"/g, '$1');
}
function handle(req) {
  const id = req && req.id !== undefined ? req.id : null;
  if (!req || typeof req !== 'object' || req.jsonrpc !== '2.0' || typeof req.method !== 'string') {
    return { jsonrpc: '2.0', error: { code: -32600, message: 'Invalid request' }, id };
  }
  const fn = methods[req.method];
  if (!fn) return { jsonrpc: '2.0', error: { code: -32601, message: 'Method not found' }, id };
  const params = req.params === undefined ? [] : req.params;
  if (!Array.isArray(params)) return { jsonrpc: '2.0', error: { code: -32602, message: 'Invalid params: expected an array' }, id };
  try {
    for (const p of params) {
      if (p && typeof p === 'object' && !Array.isArray(p) && p.minContextSlot !== undefined && BigInt(p.minContextSlot) > slot) {
        throw new RpcError(-32016, 'Minimum context slot has not been reached', { contextSlot: Number(slot) });
      }
    }
    const result = fn(params);
    return { jsonrpc: '2.0', result: result === undefined ? null : result, id };
  } catch (e) {
    if (e instanceof RpcError) {
      const error = { code: e.code, message: e.message };
      if (e.data !== undefined) error.data = e.data;
      return { jsonrpc: '2.0', error, id };
    }
    return { jsonrpc: '2.0', error: { code: -32603, message: 'Internal error: ' + (e && e.message) }, id };
  }
}

const server = http.createServer((request, response) => {
  if (request.method !== 'POST') {
    response.writeHead(405, { 'content-type': 'text/plain' });
    response.end('use POST');
    return;
  }
  const chunks = [];
  let size = 0;
  request.on('data', (c) => {
    size += c.length;
    if (size > 50 * 1024 * 1024) {
      response.writeHead(413);
      response.end();
      request.destroy();
      return;
    }
    chunks.push(c);
  });
  request.on('end', () => {
    let body;
    try {
      body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    } catch (e) {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(stringify({ jsonrpc: '2.0', error: { code: -32700, message: 'Parse error' }, id: null }));
      return;
    }
    const answer = Array.isArray(body) ? body.map(handle) : handle(body);
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(stringify(answer));
  });
});

// ------------------------------------------------------------------------------------------ WebSocket
const wss = new WebSocketServer({ server });
let nextSub = 1;
const subs = new Map(); // id -> {kind, socket, ...}

function send(socket, method, subscription, result) {
  if (socket.readyState === 1) socket.send(stringify({ jsonrpc: '2.0', method, params: { result, subscription } }));
}
function accountFingerprint(acc) {
  if (!acc) return 'none';
  return createHash('sha256').update(Buffer.from(acc.data())).update(String(acc.lamports())).update(Buffer.from(acc.owner())).digest('hex');
}
function notifyAccountsAll() {
  for (const [id, s] of subs) {
    if (s.kind === 'account') {
      const acc = getAccount(s.address);
      const fp = accountFingerprint(acc);
      if (fp !== s.last) {
        s.last = fp;
        send(s.socket, 'accountNotification', id, { context: { slot: Number(slot) }, value: accountJson(s.address, acc, s.cfg) });
      }
    } else if (s.kind === 'program') {
      for (const { address, acc } of programAccounts(s.program, s.cfg.filters)) {
        const fp = accountFingerprint(acc);
        if (s.last.get(address) !== fp) {
          s.last.set(address, fp);
          send(s.socket, 'programNotification', id, { context: { slot: Number(slot) }, value: { pubkey: address, account: accountJson(address, acc, s.cfg) } });
        }
      }
    }
  }
}
function notifyTransaction(signature, rec) {
  for (const [id, s] of [...subs]) {
    if (s.kind === 'signature' && s.signature === signature) {
      send(s.socket, 'signatureNotification', id, { context: { slot: Number(rec.slot) }, value: { err: rec.err } });
      subs.delete(id);
    } else if (s.kind === 'logs') {
      const mentions = s.filter === 'all' || s.filter === 'allWithVotes' || (s.mentions && rec.keys.includes(s.mentions));
      if (mentions) {
        send(s.socket, 'logsNotification', id, { context: { slot: Number(rec.slot) }, value: { signature, err: rec.err, logs: rec.meta.logs } });
      }
    }
  }
  notifyAccountsAll();
}
function notifySlot(parent) {
  for (const [id, s] of subs) {
    if (s.kind === 'slot') send(s.socket, 'slotNotification', id, { parent: Number(parent), root: Number(parent), slot: Number(slot) });
  }
}
const subscribe = {
  accountSubscribe: (socket, p) => {
    pubkeyBytes(p[0], 'pubkey');
    const cfg = cfgAt(p, 1);
    return { kind: 'account', socket, address: p[0], cfg, last: accountFingerprint(getAccount(p[0])) };
  },
  programSubscribe: (socket, p) => {
    pubkeyBytes(p[0], 'program id');
    const cfg = cfgAt(p, 1);
    const last = new Map();
    for (const { address, acc } of programAccounts(p[0], cfg.filters)) last.set(address, accountFingerprint(acc));
    return { kind: 'program', socket, program: p[0], cfg, last };
  },
  signatureSubscribe: (socket, p) => {
    if (typeof p[0] !== 'string') throw invalidParams('Invalid params: signature must be a string');
    return { kind: 'signature', socket, signature: p[0] };
  },
  logsSubscribe: (socket, p) => {
    const f = p[0];
    if (f === 'all' || f === 'allWithVotes') return { kind: 'logs', socket, filter: f };
    if (f && Array.isArray(f.mentions) && f.mentions.length === 1) {
      pubkeyBytes(f.mentions[0], 'mentions');
      return { kind: 'logs', socket, filter: 'mentions', mentions: f.mentions[0] };
    }
    throw invalidParams('Invalid params: logs filter must be "all", "allWithVotes" or {"mentions":[one pubkey]}');
  },
  slotSubscribe: (socket) => ({ kind: 'slot', socket }),
};
wss.on('connection', (socket) => {
  socket.on('message', (raw) => {
    let req;
    try {
      req = JSON.parse(raw.toString());
    } catch (e) {
      socket.send(stringify({ jsonrpc: '2.0', error: { code: -32700, message: 'Parse error' }, id: null }));
      return;
    }
    const id = req && req.id !== undefined ? req.id : null;
    const params = Array.isArray(req.params) ? req.params : [];
    try {
      if (subscribe[req.method]) {
        const sub = subscribe[req.method](socket, params);
        const subId = nextSub++;
        subs.set(subId, sub);
        socket.send(stringify({ jsonrpc: '2.0', result: subId, id }));
        // a signature already processed is notified at once, like a node with it in its status cache
        if (sub.kind === 'signature' && statuses.has(sub.signature)) notifyTransaction(sub.signature, statuses.get(sub.signature));
      } else if (typeof req.method === 'string' && req.method.endsWith('Unsubscribe')) {
        const sid = params[0];
        const s = subs.get(sid);
        const ok = s !== undefined && s.socket === socket;
        if (ok) subs.delete(sid);
        socket.send(stringify(ok ? { jsonrpc: '2.0', result: true, id } : { jsonrpc: '2.0', error: { code: -32602, message: 'Invalid subscription id.' }, id }));
      } else {
        socket.send(stringify(handle(req)));
      }
    } catch (e) {
      const error = e instanceof RpcError ? { code: e.code, message: e.message } : { code: -32603, message: 'Internal error: ' + e.message };
      socket.send(stringify({ jsonrpc: '2.0', error, id }));
    }
  });
  socket.on('close', () => {
    for (const [id, s] of subs) if (s.socket === socket) subs.delete(id);
  });
});

server.listen(Number(process.env.PORT || 0), '127.0.0.1', () => {
  console.log(`litesvm-rpc listening on 127.0.0.1:${server.address().port}`);
});
const stop = () => {
  server.close();
  process.exit(0);
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);

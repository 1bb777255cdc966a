// Line-delimited JSON bridge to ledgerjs's Solana and Cosmos app clients for the sdk-hsm tests
// (CommonJS: the ESM builds of @ledgerhq/* do not load). One request per line on stdin,
// {"id":n,"op":"solana"|"cosmos"|"zondax","method":"...","args":{...},"responses":["hex",...]};
// one answer per line, {"id":n,"ok":true,"apdus":["hex",...],"result":{...}} or
// {"id":n,"ok":false,"error":"...","apdus":[...]}.
// The client runs over a MockTransport of @ledgerhq/hw-transport-mocker that records every command
// APDU the client sends and answers it with the next of "responses" (data || status word, as the
// Java side's emulator answered the same command), so the test compares the APDUs byte for byte
// and the parsed results field by field.
'use strict';
const readline = require('node:readline');
const { MockTransport } = require('@ledgerhq/hw-transport-mocker');
const Solana = require('@ledgerhq/hw-app-solana').default;
const Cosmos = require('@ledgerhq/hw-app-cosmos').default;
const ZondaxCosmos = require('@zondax/ledger-cosmos-js').default;

class RecordingTransport extends MockTransport {
  constructor(responses) {
    super(Buffer.alloc(0));
    this.responses = responses.map((h) => Buffer.from(h, 'hex'));
    this.apdus = [];
  }
  exchange(apdu) {
    this.apdus.push(Buffer.from(apdu).toString('hex'));
    const next = this.responses.shift();
    if (!next) return Promise.reject(new Error('no recorded response for command ' + this.apdus.length));
    return Promise.resolve(next);
  }
}

const hex = (b) => (b == null ? null : Buffer.from(b).toString('hex'));

const clients = {
  async solana(t, m, a) {
    const app = new Solana(t);
    switch (m) {
      case 'getAppConfiguration': return await app.getAppConfiguration();
      case 'getAddress': return { addressHex: hex((await app.getAddress(a.path, !!a.display)).address) };
      case 'signTransaction': return { signatureHex: hex((await app.signTransaction(a.path, Buffer.from(a.messageHex, 'hex'))).signature) };
      case 'signOffchainMessage': return { signatureHex: hex((await app.signOffchainMessage(a.path, Buffer.from(a.messageHex, 'hex'))).signature) };
      default: throw new Error('unknown solana method ' + m);
    }
  },
  async cosmos(t, m, a) {
    const app = new Cosmos(t);
    switch (m) {
      case 'getAppConfiguration': return await app.getAppConfiguration();
      case 'getAddress': return await app.getAddress(a.path, a.hrp, !!a.display);
      case 'sign': {
        const r = await app.sign(a.path, Buffer.from(a.messageHex, 'hex').toString('utf8'));
        return { signatureHex: hex(r.signature), returnCode: r.return_code };
      }
      default: throw new Error('unknown cosmos method ' + m);
    }
  },
  async zondax(t, m, a) {
    const app = new ZondaxCosmos(t);
    switch (m) {
      case 'getVersion': {
        const v = await app.getVersion();
        return { testMode: v.testMode, major: v.major, minor: v.minor, patch: v.patch, deviceLocked: v.deviceLocked, targetId: v.targetId };
      }
      case 'getAddressAndPubKey': {
        const r = a.display ? await app.showAddressAndPubKey(a.path, a.hrp) : await app.getAddressAndPubKey(a.path, a.hrp);
        return { publicKeyHex: hex(r.compressed_pk), address: r.bech32_address };
      }
      case 'sign': return { signatureHex: hex((await app.sign(a.path, Buffer.from(a.messageHex, 'hex'), a.hrp)).signature) };
      default: throw new Error('unknown zondax method ' + m);
    }
  },
};

(async () => {
  const rl = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of rl) {
    if (!line.trim()) continue;
    let req = null;
    let t = null;
    try {
      req = JSON.parse(line);
      if (req.op === 'versions') {
        process.stdout.write(JSON.stringify({ id: req.id, ok: true, result: {
          solana: require('@ledgerhq/hw-app-solana/package.json').version,
          cosmos: require('@ledgerhq/hw-app-cosmos/package.json').version,
          zondax: require('@zondax/ledger-cosmos-js/package.json').version } }) + '\n');
        continue;
      }
      const client = clients[req.op];
      if (!client) throw new Error('unknown op ' + req.op);
      t = new RecordingTransport(req.responses || []);
      const result = await client(t, req.method, req.args || {});
      process.stdout.write(JSON.stringify({ id: req.id, ok: true, apdus: t.apdus, result }) + '\n');
    } catch (e) {
      process.stdout.write(JSON.stringify({ id: req ? req.id : null, ok: false, apdus: t ? t.apdus : [],
        error: String(e && (e.message || e.statusText) || e) }) + '\n');
    }
  }
})();

// Differential oracle for sdk-hsm's Ledger Ethereum client: ledgerjs's @ledgerhq/hw-app-eth over a
// recording transport (hw-transport-mocker's createTransportRecorder around a transport that answers
// with the responses the Java side supplies, then canned 9000s).
//
// Reads JSON lines on stdin, writes one JSON line per request on stdout, in order.
//   {"op":"getAddress","path","display","chainCode","chainId"?,"responses":[hex..]}
//   {"op":"getAppConfiguration","responses"}
//   {"op":"signTransaction","path","rawTxHex","responses"}        (resolution null: blind signing, no network)
//   {"op":"signPersonalMessage","path","messageHex","responses"}
//   {"op":"signEIP712HashedMessage","path","domainSeparatorHex","hashStructMessageHex","responses"}
//   {"op":"signEIP712Message","path","typedData","responses"}     (no CAL filters, no network)
// -> {"commands":[hex..],"result":{..}} or {"error":"..","commands":[..]}
'use strict';
const readline = require('node:readline');
const Transport = require('@ledgerhq/hw-transport').default;
const { RecordStore, createTransportRecorder } = require('@ledgerhq/hw-transport-mocker');
const Eth = require('@ledgerhq/hw-app-eth').default;

class AnsweringTransport extends Transport {
  constructor(responses) {
    super();
    this.responses = responses.slice();
  }
  async exchange(apdu) {
    const next = this.responses.shift();
    return Buffer.from(next === undefined ? '9000' : next, 'hex');
  }
  setScrambleKey() {}
  close() { return Promise.resolve(); }
}

// no network: no CAL, no CDN
const LOAD_CONFIG = {
  cryptoassetsBaseURL: null, nftExplorerBaseURL: null, pluginBaseURL: null, extraPlugins: null,
  calServiceURL: 'http://127.0.0.1:9', staticEIP712SignaturesV1: {}, staticEIP712SignaturesV2: {},
  staticERC20Signatures: {},
};

async function handle(req) {
  const store = new RecordStore();
  const inner = new AnsweringTransport(req.responses || []);
  const Recorder = createTransportRecorder(inner, store);
  const transport = new Recorder(inner);
  const eth = new Eth(transport, 'w0w', LOAD_CONFIG);
  const commands = [];
  const origExchange = transport.exchange.bind(transport);
  transport.exchange = async (apdu) => { commands.push(apdu.toString('hex')); return origExchange(apdu); };
  let result;
  try {
    switch (req.op) {
      case 'getAddress':
        result = await eth.getAddress(req.path, req.display, req.chainCode, req.chainId);
        break;
      case 'getAppConfiguration':
        result = await eth.getAppConfiguration();
        break;
      case 'signTransaction':
        result = await eth.signTransaction(req.path, req.rawTxHex, null);
        break;
      case 'signPersonalMessage':
        result = await eth.signPersonalMessage(req.path, req.messageHex);
        break;
      case 'signEIP712HashedMessage':
        result = await eth.signEIP712HashedMessage(req.path, req.domainSeparatorHex, req.hashStructMessageHex);
        break;
      case 'signEIP712Message':
        result = await eth.signEIP712Message(req.path, req.typedData);
        break;
      default:
        return { error: 'unknown op ' + req.op, commands };
    }
  } catch (e) {
    return { error: String(e && e.message || e), commands };
  }
  return { commands, result, recorded: store.toString().split('\n').filter(l => l.startsWith('=>')).length };
}

const rl = readline.createInterface({ input: process.stdin });
let chain = Promise.resolve();
rl.on('line', (line) => {
  if (!line.trim()) return;
  chain = chain.then(async () => {
    let out;
    try { out = await handle(JSON.parse(line)); } catch (e) { out = { error: String(e && e.message || e) }; }
    process.stdout.write(JSON.stringify(out) + '\n');
  });
});

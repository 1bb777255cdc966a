// JSON Lines request/response loop shared by the oracle scripts.
//
// Reads one JSON request per line from stdin, calls handle(request) for each, and writes one JSON
// line per request to stdout, in order: {"ok":true,"result":...} or {"ok":false,"error":"..."}.
// An "id" field of the request is echoed back. BigInts in results are written as decimal strings.
// Blank lines are ignored. Output is written in chunks so that large batches stay fast.
import { createInterface } from 'node:readline';

function replacer(_key, value) {
  return typeof value === 'bigint' ? value.toString() : value;
}

export function serve(handle) {
  const rl = createInterface({ input: process.stdin, crlfDelay: Infinity });
  let pending = [];
  const flush = () => {
    if (pending.length > 0) {
      process.stdout.write(pending.join(''));
      pending = [];
    }
  };
  rl.on('line', (line) => {
    if (line.trim() === '') return;
    let response;
    let id;
    try {
      const request = JSON.parse(line);
      id = request.id;
      const result = handle(request);
      response = { ok: true, result };
    } catch (e) {
      response = { ok: false, error: String(e?.shortMessage ?? e?.message ?? e) };
    }
    if (id !== undefined) response.id = id;
    pending.push(JSON.stringify(response, replacer) + '\n');
    if (pending.length >= 256) flush();
  });
  // readline emits 'line' events for everything already buffered before we get a chance to flush
  // on idle; flush whenever the input pauses and at the end.
  process.stdin.on('data', () => setImmediate(flush));
  rl.on('close', flush);
}

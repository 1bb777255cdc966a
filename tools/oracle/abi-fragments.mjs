// Oracle for the sdk-abi fragment parser, JSON ABI reader and event topics (abi-json helper).
// Reads one JSON request per line on stdin, writes one JSON answer per line on stdout.
//   {"op":"fragment","text":"function f(uint a) view returns (bool)"}
//     -> {"kind","sighash","hash","params":[normalized inputs...],"outputs":[...],"mutability","anonymous"}
//        (ethers 6 Fragment.from; hash = selector or topic hash)
//   {"op":"topics","event":"event E(string indexed s, ...)","args":[...]}
//     -> {"topics":["0x..",...]} (viem encodeEventTopics; uint/int args as decimal strings)
//   any failure -> {"error":"message"}
import { createInterface } from "node:readline";
import { Fragment } from "ethers";
import { encodeEventTopics, parseAbiItem } from "viem";

function norm(p) {
  let t = p.type;
  if (p.components != null) {
    t = "(" + p.components.map(norm).join(",") + ")" + p.type.slice(5);
  }
  return t + (p.indexed ? " indexed" : "") + (p.name ? " " + p.name : "");
}

function fragment(text) {
  const f = Fragment.from(text);
  const j = JSON.parse(f.format("json"));
  const out = { kind: f.type, sighash: f.type === "function" || f.type === "event" || f.type === "error" ? f.format("sighash") : "" };
  if (f.type === "function" || f.type === "error") out.hash = f.selector;
  if (f.type === "event") out.hash = f.topicHash;
  // ethers' JSON format drops "indexed" on array types; take the flags from the fragment itself
  out.params = (j.inputs || []).map((p, i) => norm({ ...p, indexed: f.inputs[i].indexed === true }));
  out.outputs = (j.outputs || []).map(norm);
  out.mutability =
    f.type === "constructor" || f.type === "fallback"
      ? (f.payable ? "payable" : "nonpayable")
      : j.stateMutability || "nonpayable";
  out.anonymous = !!j.anonymous;
  return out;
}

function convert(type, v) {
  if (/^u?int\d*$/.test(type)) return BigInt(v);
  return v;
}

function topics(eventText, args) {
  const item = parseAbiItem(eventText);
  const indexed = item.inputs.filter((i) => i.indexed);
  const a = {};
  indexed.forEach((inp, k) => {
    if (args[k] !== null) a[inp.name] = convert(inp.type, args[k]);
  });
  return { topics: encodeEventTopics({ abi: [item], eventName: item.name, args: a }) };
}

const rl = createInterface({ input: process.stdin });
for await (const line of rl) {
  if (!line.trim()) continue;
  let res;
  try {
    const req = JSON.parse(line);
    if (req.op === "fragment") res = fragment(req.text);
    else if (req.op === "topics") res = topics(req.event, req.args);
    else res = { error: "unknown op " + req.op };
  } catch (e) {
    res = { error: String(e && e.shortMessage ? e.shortMessage : e && e.message ? e.message : e) };
  }
  process.stdout.write(JSON.stringify(res) + "\n");
}

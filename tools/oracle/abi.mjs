// ABI oracle for the Java differential tests: viem 2.57.20 (and ethers 6 for EIP-712).
//
// Usage: node tools/oracle/abi.mjs < requests.jsonl > responses.jsonl
// One JSON request per line, one JSON response per line ({"ok":true,"result":...} or
// {"ok":false,"error":"..."}). Values cross the boundary as JSON: integers as decimal strings,
// bytes as 0x hex, addresses as strings, tuples and arrays as JSON arrays, bool as JSON booleans.
// Types are canonical ABI type strings, tuples written as "(uint256,bool)[]".
//
// Operations:
//   {"op":"encodeAbiParameters","types":[...],"values":[...]}        -> "0x..."
//   {"op":"decodeAbiParameters","types":[...],"data":"0x..."}        -> [values]
//   {"op":"encodePacked","types":[...],"values":[...]}               -> "0x..."
//   {"op":"toFunctionSelector","signature":"f(uint256)"}             -> "0x12345678"
//   {"op":"toEventSelector","signature":"E(address,uint256)"}        -> "0x" + 32 bytes (topic 0)
//   {"op":"encodeFunctionData","signature":"function f(uint256)","args":[...]} -> "0x..."
//   {"op":"decodeFunctionData","signature":"function f(uint256)","data":"0x..."} -> [args]
//   {"op":"hashTypedData","typedData":{types,primaryType,domain,message}} -> "0x..."
//   {"op":"hashDomain","typedData":{...}}                             -> domain separator
//   {"op":"hashStruct","typedData":{...}}                             -> hashStruct(message)
//   {"op":"ethersHashTypedData","typedData":{...}}                    -> ethers 6 digest
//   {"op":"version"}                                                  -> {viem, ethers}
import {
  decodeAbiParameters,
  decodeFunctionData,
  encodeAbiParameters,
  encodeFunctionData,
  encodePacked,
  getTypesForEIP712Domain,
  hashDomain,
  hashStruct,
  hashTypedData,
  parseAbiItem,
  toFunctionSelector,
  toEventSelector,
} from 'viem';
import { TypedDataEncoder, version as ethersVersion } from 'ethers';
import { readFileSync } from 'node:fs';
import { serve } from './lib/jsonl.mjs';

const viemVersion = JSON.parse(
  readFileSync(new URL('./node_modules/viem/package.json', import.meta.url), 'utf8'),
).version;

// ---- canonical type string -> viem AbiParameter ------------------------------------------------

const paramCache = new Map();

function toParam(type) {
  let p = paramCache.get(type);
  if (p === undefined) {
    p = parseParam(type);
    paramCache.set(type, p);
  }
  return p;
}

function parseParam(type) {
  if (type.startsWith('tuple(')) type = type.slice(5);
  if (!type.startsWith('(')) return { type };
  // find the ')' matching the opening '('
  let depth = 0;
  let end = -1;
  for (let i = 0; i < type.length; i++) {
    if (type[i] === '(') depth++;
    else if (type[i] === ')' && --depth === 0) {
      end = i;
      break;
    }
  }
  if (end < 0) throw new Error(`unbalanced parentheses in ${type}`);
  const inner = type.slice(1, end);
  const suffix = type.slice(end + 1);
  const components = splitTopLevel(inner).map(toParam);
  return { type: 'tuple' + suffix, components };
}

function splitTopLevel(s) {
  if (s === '') return [];
  const parts = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === ',' && depth === 0) {
      parts.push(s.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(s.slice(start));
  return parts;
}

// ---- JSON value <-> viem value, directed by the AbiParameter ------------------------------------

function arraySuffix(type) {
  // "uint8[2][]" -> { base: "uint8[2]", length: null }; not an array -> null
  if (!type.endsWith(']')) return null;
  const open = type.lastIndexOf('[');
  const len = type.slice(open + 1, -1);
  return { base: type.slice(0, open), length: len === '' ? null : Number(len) };
}

function toViem(param, value) {
  const arr = arraySuffix(param.type);
  if (arr) {
    const elem = { ...param, type: arr.base };
    return value.map((v) => toViem(elem, v));
  }
  if (param.type === 'tuple') return value.map((v, i) => toViem(param.components[i], v));
  if (/^u?int/.test(param.type)) return BigInt(value);
  return value; // address, bool, bytes, bytesN, string
}

function fromViem(param, value) {
  const arr = arraySuffix(param.type);
  if (arr) {
    const elem = { ...param, type: arr.base };
    return value.map((v) => fromViem(elem, v));
  }
  if (param.type === 'tuple') {
    // unnamed components decode to an array
    return param.components.map((c, i) => fromViem(c, Array.isArray(value) ? value[i] : value[c.name]));
  }
  if (/^u?int/.test(param.type)) return BigInt(value).toString();
  return value;
}

// ---- EIP-712 ---------------------------------------------------------------------------------------

function typedDataForViem(td) {
  return {
    types: td.types,
    primaryType: td.primaryType,
    domain: td.domain ?? {},
    message: td.message,
  };
}

function ethersDigest(td) {
  const types = { ...td.types };
  delete types.EIP712Domain;
  return TypedDataEncoder.hash(td.domain ?? {}, types, td.message);
}

// ---- dispatch --------------------------------------------------------------------------------------

function handle(req) {
  switch (req.op) {
    case 'encodeAbiParameters': {
      const params = req.types.map(toParam);
      return encodeAbiParameters(
        params,
        params.map((p, i) => toViem(p, req.values[i])),
      );
    }
    case 'decodeAbiParameters': {
      const params = req.types.map(toParam);
      const out = decodeAbiParameters(params, req.data);
      return params.map((p, i) => fromViem(p, out[i]));
    }
    case 'encodePacked': {
      const params = req.types.map(toParam);
      return encodePacked(
        req.types,
        params.map((p, i) => toViem(p, req.values[i])),
      );
    }
    case 'toFunctionSelector':
      return toFunctionSelector(req.signature);
    case 'toEventSelector':
      return toEventSelector(req.signature);
    case 'encodeFunctionData': {
      const item = parseAbiItem(req.signature);
      return encodeFunctionData({
        abi: [item],
        functionName: item.name,
        args: item.inputs.map((p, i) => toViem(p, req.args[i])),
      });
    }
    case 'decodeFunctionData': {
      const item = parseAbiItem(req.signature);
      const { args } = decodeFunctionData({ abi: [item], data: req.data });
      return item.inputs.map((p, i) => fromViem(p, args[i]));
    }
    case 'hashTypedData':
      return hashTypedData(typedDataForViem(req.typedData));
    case 'hashDomain': {
      const td = typedDataForViem(req.typedData);
      const types = { EIP712Domain: getTypesForEIP712Domain({ domain: td.domain }), ...td.types };
      return hashDomain({ domain: td.domain, types });
    }
    case 'hashStruct': {
      const td = typedDataForViem(req.typedData);
      return hashStruct({ data: td.message, primaryType: td.primaryType, types: td.types });
    }
    case 'ethersHashTypedData':
      return ethersDigest(req.typedData);
    case 'version':
      return { viem: viemVersion, ethers: ethersVersion };
    default:
      throw new Error(`unknown op ${JSON.stringify(req.op)}`);
  }
}

serve(handle);

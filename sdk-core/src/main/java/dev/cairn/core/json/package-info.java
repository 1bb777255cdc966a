/**
 * Strict JSON without dependencies: an immutable value model, an RFC 8259 parser with bounded
 * resources ({@link dev.cairn.core.json.JsonLimits}) and a writer whose output equals ECMAScript
 * {@code JSON.stringify}'s, in document order or in the sorted canonical form of Cosmos amino JSON.
 *
 * <pre>{@code
 * JsonObject abiEntry = Json.parse("{\"type\":\"function\",\"name\":\"transfer\"}").asObject("abi[0]");
 * String name = abiEntry.get("name").asString("abi[0].name");          // "transfer"
 *
 * JsonObject doc = JsonObject.builder().put("b", 1).put("a", "x").build();
 * Json.write(doc);          // {"b":1,"a":"x"}
 * Json.writeCanonical(doc); // {"a":"x","b":1}
 *
 * Json.parse("[01]");       // DecodingException: json/0 at offset 1: number with a leading zero
 * }</pre>
 */
package dev.cairn.core.json;

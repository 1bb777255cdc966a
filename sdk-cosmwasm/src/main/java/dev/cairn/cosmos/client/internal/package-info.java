/** Implementation of the Cosmos clients: strict JSON readers and request helpers. Not API. */
package dev.cairn.cosmos.client.internal;

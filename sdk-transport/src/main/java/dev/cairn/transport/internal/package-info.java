/** Channels (OkHttp, pipelined HTTP/1.1), buffers and the endpoint rule. Internal: not API. */
package dev.cairn.transport.internal;

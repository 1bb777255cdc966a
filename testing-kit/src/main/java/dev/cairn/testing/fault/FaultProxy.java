package dev.cairn.testing.fault;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fault-injecting HTTP/1.1 and WebSocket proxy on a loopback port, between a client under test
 * and its local node (anvil, LiteSVM, a scripted server). Requests pass unchanged unless a {@link
 * FaultRule} picks them; then the proxy does the rule's {@link Fault} instead: resets (RST) before
 * or in the middle of the answer, truncated or never-ending bodies, slow bodies, 429/503 with
 * {@code Retry-After}, HTML error pages, wrong or duplicated JSON-RPC ids, reordered or incomplete
 * batch answers, oversized bodies. Keep-alive and pipelined requests are served in order on each
 * client connection (each request is forwarded on a fresh upstream connection, so a fault never
 * leaves the upstream in a strange state). WebSocket upgrades are passed through as a byte tunnel;
 * {@link #dropWebSockets(boolean)} and {@link #dropWebSocketsAfter(int, boolean)} break them, with
 * or without a closing frame. {@link #refuseConnections(boolean)} closes the listening port (and
 * re-opens it on the same port); {@link #refusedUrl()} and {@link #unresolvableUrl()} give
 * addresses that cannot connect at all.
 *
 * <p>The proxy counts its open client-side ({@link #openDownstream()}) and node-side ({@link
 * #openUpstream()}) sockets, so a test can check that a client closes what it opens. Its threads
 * are named {@code cairn-fault-proxy-<port>-...}.
 *
 * <pre>{@code
 * try (FaultProxy proxy = FaultProxy.start(anvil.url())) {
 *   proxy.rule(FaultRule.onMethod("eth_blockNumber", Fault.unavailable(1)).times(1));
 *   // a client pointed at proxy.url() gets a 503 first, then (after its retry) the node's answer
 * }
 * }</pre>
 */
public final class FaultProxy implements AutoCloseable {
  /** The host name of {@link #unresolvableUrl()}; {@code .invalid} never resolves (RFC 6761). */
  public static final String UNRESOLVABLE_HOST = "cairn-fault-proxy.invalid";

  private static final byte[] HTML = ("<!DOCTYPE html>\n<html><head><title>Bad Gateway</title></head>\n"
      + "<body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>\n")
      .getBytes(StandardCharsets.UTF_8);

  private final String upstreamHost;
  private final int upstreamPort;
  private final String basePath;
  private final int port;
  private volatile ServerSocket server;
  private volatile Thread acceptor;
  private volatile boolean closed;
  private final Object rulesLock = new Object();
  private final List<FaultRule> rules = new ArrayList<>();
  private final List<int[]> ruleCounts = new ArrayList<>(); // {matched, applied}
  private final AtomicInteger requests = new AtomicInteger();
  private final AtomicInteger forwarded = new AtomicInteger();
  private final AtomicInteger downstream = new AtomicInteger();
  private final AtomicInteger upstream = new AtomicInteger();
  private final AtomicInteger connections = new AtomicInteger();
  private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
  private final List<Tunnel> tunnels = new CopyOnWriteArrayList<>();
  private final List<String> log = Collections.synchronizedList(new ArrayList<>());
  private volatile byte[] lastAnswerBody;
  private volatile int wsDropAfter = -1;
  private volatile boolean wsDropWithClose;
  private final AtomicInteger wsDrops = new AtomicInteger();

  private FaultProxy(String upstreamUrl) throws IOException {
    URI u = URI.create(upstreamUrl);
    if (u.getHost() == null) {
      throw new IllegalArgumentException("upstream URL without a host: " + upstreamUrl);
    }
    String scheme = u.getScheme() == null ? "" : u.getScheme();
    if (!scheme.equals("http") && !scheme.equals("ws")) {
      throw new IllegalArgumentException("the proxy speaks plain http:// and ws:// only, not " + scheme);
    }
    this.upstreamHost = u.getHost();
    this.upstreamPort = u.getPort() > 0 ? u.getPort() : 80;
    String p = u.getRawPath() == null ? "" : u.getRawPath();
    this.basePath = p + (u.getRawQuery() == null ? "" : "?" + u.getRawQuery());
    ServerSocket s = new ServerSocket();
    s.setReuseAddress(true);
    s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 128);
    this.port = s.getLocalPort();
    this.server = s;
    startAcceptor(s);
  }

  /** Starts a proxy in front of an {@code http://} or {@code ws://} upstream (host and port; its path is kept in {@link #url()}). */
  public static FaultProxy start(String upstreamUrl) throws IOException {
    return new FaultProxy(upstreamUrl);
  }

  /** An {@code http://} URL on a loopback port nobody listens on (bound, then closed): connecting is refused. */
  public static String refusedUrl() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return "http://127.0.0.1:" + s.getLocalPort() + "/";
    }
  }

  /** An {@code http://} URL whose host name does not resolve ({@value #UNRESOLVABLE_HOST}). */
  public static String unresolvableUrl() {
    return "http://" + UNRESOLVABLE_HOST + ":8545/";
  }

  /** The proxy's port. */
  public int port() {
    return port;
  }

  /** {@code http://127.0.0.1:<port>} and the upstream URL's path. */
  public String url() {
    return "http://127.0.0.1:" + port + (basePath.isEmpty() ? "/" : basePath);
  }

  /** {@code ws://127.0.0.1:<port>} and the upstream URL's path. */
  public String wsUrl() {
    return "ws://127.0.0.1:" + port + (basePath.isEmpty() ? "/" : basePath);
  }

  // ------------------------------------------------------------------ scripting

  /** Adds a rule after the existing ones. */
  public FaultProxy rule(FaultRule rule) {
    synchronized (rulesLock) {
      rules.add(rule);
      ruleCounts.add(new int[2]);
    }
    return this;
  }

  /** The {@code n}-th request from now on (1 for the next one) gets this fault. */
  public FaultProxy nth(int n, Fault fault) {
    if (n < 1) {
      throw new IllegalArgumentException("n must be at least 1");
    }
    return rule(FaultRule.any(fault).after(n - 1).times(1));
  }

  /** The next requests get these faults, one each, in order; later requests pass. */
  public FaultProxy next(Fault... faults) {
    for (int i = 0; i < faults.length; i++) {
      nth(i + 1, faults[i]);
    }
    return this;
  }

  /** Every request gets this fault (until {@link #clearRules()}). */
  public FaultProxy always(Fault fault) {
    return rule(FaultRule.any(fault));
  }

  /** Removes every rule: requests pass. */
  public FaultProxy clearRules() {
    synchronized (rulesLock) {
      rules.clear();
      ruleCounts.clear();
    }
    return this;
  }

  /** How many times each rule (in order of addition) has applied so far. */
  public List<Integer> applied() {
    synchronized (rulesLock) {
      List<Integer> out = new ArrayList<>();
      for (int[] c : ruleCounts) {
        out.add(c[1]);
      }
      return out;
    }
  }

  private Fault choose(String target, String body) {
    Fault chosen = null;
    synchronized (rulesLock) {
      // every rule counts every request it matches (so "the n-th from now" means what it says);
      // the first rule that is past its skip count and not used up decides
      for (int i = 0; i < rules.size(); i++) {
        FaultRule r = rules.get(i);
        int[] c = ruleCounts.get(i);
        if (c[1] >= r.times() || !r.matches(target, body)) {
          continue;
        }
        int seen = c[0]++;
        if (chosen == null && seen >= r.skip()) {
          c[1]++;
          chosen = r.fault();
        }
      }
    }
    return chosen == null ? Fault.pass() : chosen;
  }

  /**
   * Closes the listening socket (connections are then refused) or re-opens it on the same port.
   * Open connections are not touched.
   */
  public synchronized void refuseConnections(boolean refuse) throws IOException {
    if (refuse) {
      ServerSocket s = server;
      if (s != null) {
        server = null;
        s.close();
        // the JDK closes a listening socket for good only once the thread blocked in accept()
        // has left it; until then the kernel still completes handshakes on the port
        Thread a = acceptor;
        if (a != null && a != Thread.currentThread()) {
          try {
            a.join(5000);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        }
      }
    } else if (server == null && !closed) {
      ServerSocket s = new ServerSocket();
      s.setReuseAddress(true);
      s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 128);
      server = s;
      startAcceptor(s);
    }
  }

  /**
   * Breaks every open WebSocket tunnel now: with a closing frame (1001, going away) to the client
   * then FIN, or (without) a reset (RST) of the client's connection; the node's side is closed.
   */
  public void dropWebSockets(boolean withCloseFrame) {
    for (Tunnel t : tunnels) {
      t.drop(withCloseFrame);
    }
  }

  /**
   * Arms a one-shot drop: the first WebSocket tunnel that passes {@code messages} more data frames
   * from the node to the client (counted from now) is broken right after that frame, as {@link
   * #dropWebSockets(boolean)} does.
   */
  public void dropWebSocketsAfter(int messages, boolean withCloseFrame) {
    if (messages < 1) {
      throw new IllegalArgumentException("messages must be at least 1");
    }
    for (Tunnel t : tunnels) {
      t.sinceArm.set(0);
    }
    wsDropWithClose = withCloseFrame;
    wsDropAfter = messages;
  }

  /** How many WebSocket tunnels the proxy has broken. */
  public int webSocketDrops() {
    return wsDrops.get();
  }

  // ------------------------------------------------------------------ counters

  /** HTTP requests received (WebSocket upgrades included). */
  public int requests() {
    return requests.get();
  }

  /** HTTP requests passed on to the upstream node. */
  public int forwarded() {
    return forwarded.get();
  }

  /** Client connections accepted so far. */
  public int connectionsAccepted() {
    return connections.get();
  }

  /** Open client-side sockets. */
  public int openDownstream() {
    return downstream.get();
  }

  /** Open node-side sockets. */
  public int openUpstream() {
    return upstream.get();
  }

  /** Open WebSocket tunnels. */
  public int openWebSockets() {
    return tunnels.size();
  }

  /** One line per request: number, verb, target, JSON-RPC method(s) and the fault applied. */
  public List<String> log() {
    synchronized (log) {
      return List.copyOf(log);
    }
  }

  @Override
  public void close() {
    closed = true;
    ServerSocket s = server;
    server = null;
    if (s != null) {
      try {
        s.close();
      } catch (IOException ignored) {
        // closing
      }
    }
    for (Socket k : sockets) {
      closeQuietly(k);
    }
  }

  @Override
  public String toString() {
    return "FaultProxy[" + url() + " -> " + upstreamHost + ":" + upstreamPort + "]";
  }

  // ------------------------------------------------------------------ serving

  private void startAcceptor(ServerSocket s) {
    Thread t = new Thread(() -> {
      while (!s.isClosed()) {
        Socket c;
        try {
          c = s.accept();
        } catch (IOException e) {
          return;
        }
        int n = connections.incrementAndGet();
        downstream.incrementAndGet();
        sockets.add(c);
        if (closed || s.isClosed()) {
          // accepted while the port was being closed: refused in effect
          reset(c);
          release(c, downstream);
          return;
        }
        Thread w = new Thread(() -> serve(c), "cairn-fault-proxy-" + port + "-conn-" + n);
        w.setDaemon(true);
        w.start();
      }
    }, "cairn-fault-proxy-" + port + "-accept");
    t.setDaemon(true);
    acceptor = t;
    t.start();
  }

  private void release(Socket s, AtomicInteger counter) {
    if (sockets.remove(s)) {
      counter.decrementAndGet();
    }
    closeQuietly(s);
  }

  private static void closeQuietly(Socket s) {
    try {
      s.close();
    } catch (IOException ignored) {
      // closing
    }
  }

  private static void reset(Socket s) {
    try {
      s.setSoLinger(true, 0);
    } catch (SocketException ignored) {
      // already closed
    }
    closeQuietly(s);
  }

  private void serve(Socket c) {
    boolean handedOff = false;
    try {
      c.setTcpNoDelay(true);
      InputStream in = c.getInputStream();
      OutputStream out = c.getOutputStream();
      while (!closed) {
        HttpWire.Message req = HttpWire.readHead(in);
        if (req == null) {
          return;
        }
        int n = requests.incrementAndGet();
        if (req.isWebSocketUpgrade()) {
          log.add(n + " " + req.verb() + " " + req.target() + " websocket upgrade");
          handedOff = true;
          tunnel(c, req);
          return;
        }
        req.body = HttpWire.readBody(in, req, false, null);
        String bodyText = new String(req.body, StandardCharsets.UTF_8);
        Fault f = choose(req.target(), bodyText);
        log.add(n + " " + req.verb() + " " + req.target() + " " + methods(bodyText) + " -> " + f);
        boolean keepAlive = !req.headerHasToken("Connection", "close");
        if (!apply(f, c, out, req, bodyText, keepAlive)) {
          return;
        }
        if (!keepAlive) {
          return;
        }
      }
    } catch (IOException | RuntimeException e) {
      // the client went away or sent garbage: close its connection
    } finally {
      if (!handedOff) {
        release(c, downstream);
      }
    }
  }

  private static String methods(String body) {
    StringBuilder sb = new StringBuilder();
    int from = 0;
    while (sb.length() < 200) {
      int i = body.indexOf("\"method\"", from);
      if (i < 0) {
        break;
      }
      int j = HttpWire.skipWs(body, i + 8);
      if (j < body.length() && body.charAt(j) == ':') {
        j = HttpWire.skipWs(body, j + 1);
        int end = HttpWire.valueEnd(body, j);
        if (end > j + 1 && body.charAt(j) == '"') {
          sb.append(sb.length() == 0 ? "" : ",").append(body, j + 1, end - 1);
        }
      }
      from = i + 8;
    }
    return sb.length() == 0 ? "-" : sb.toString();
  }

  /** Applies one fault; returns whether the client connection stays open for the next request. */
  private boolean apply(Fault f, Socket c, OutputStream out, HttpWire.Message req, String bodyText, boolean keepAlive)
      throws IOException {
    String conn = keepAlive ? "keep-alive" : "close";
    switch (f.kind()) {
      case RESET_MID_REQUEST:
        reset(c);
        return false;
      case STATUS: {
        byte[] body = ("fault proxy: status " + f.status() + "\n").getBytes(StandardCharsets.UTF_8);
        List<String[]> h = new ArrayList<>();
        h.add(new String[] {"Content-Type", "text/plain"});
        if (f.retryAfter() != null) {
          h.add(new String[] {"Retry-After", f.retryAfter()});
        }
        writeAnswer(out, "HTTP/1.1 " + f.status() + " " + reason(f.status()), h, body, conn);
        return true;
      }
      case HTML_PAGE: {
        List<String[]> h = new ArrayList<>();
        h.add(new String[] {"Content-Type", "text/html; charset=utf-8"});
        writeAnswer(out, "HTTP/1.1 " + f.status() + " " + reason(f.status()), h, HTML, conn);
        return true;
      }
      case OVERSIZED_BODY: {
        String id = HttpWire.requestId(bodyText);
        String prefix = "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"result\":\"0x";
        int fill = (int) Math.max(0, f.bytes() - prefix.length() - 2);
        if ((fill & 1) == 1) {
          fill--;
        }
        byte[] body = new byte[prefix.length() + fill + 2];
        byte[] p = prefix.getBytes(StandardCharsets.UTF_8);
        System.arraycopy(p, 0, body, 0, p.length);
        java.util.Arrays.fill(body, p.length, p.length + fill, (byte) 'a');
        body[body.length - 2] = '"';
        body[body.length - 1] = '}';
        List<String[]> h = new ArrayList<>();
        h.add(new String[] {"Content-Type", "application/json"});
        writeAnswer(out, "HTTP/1.1 200 OK", h, body, conn);
        return true;
      }
      case DECLARED_OVERSIZED: {
        out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + f.bytes()
            + "\r\n\r\n{\"jsonrpc\":\"2.0\",\"id\":" + HttpWire.requestId(bodyText) + ",\"result\":\"0x")
            .getBytes(StandardCharsets.UTF_8));
        out.flush();
        c.shutdownOutput();
        return false;
      }
      default:
        break;
    }
    HttpWire.Message resp = forward(req);
    if (resp == null) {
      List<String[]> h = new ArrayList<>();
      h.add(new String[] {"Content-Type", "text/plain"});
      writeAnswer(out, "HTTP/1.1 502 Bad Gateway", h, "fault proxy: upstream unreachable\n"
          .getBytes(StandardCharsets.UTF_8), conn);
      return true;
    }
    byte[] body = resp.body;
    switch (f.kind()) {
      case PASS:
        writeAnswer(out, resp.startLine, resp.headers, body, conn);
        remember(body);
        return true;
      case CLOSE_BEFORE_RESPONSE:
        c.shutdownOutput();
        return false;
      case SILENCE:
        drain(c);
        return false;
      case HEADERS_THEN_SILENCE:
        out.write(HttpWire.head(resp.startLine, resp.headers, "Content-Length", Integer.toString(body.length),
            "Connection", conn));
        out.flush();
        drain(c);
        return false;
      case RESET_MID_RESPONSE:
      case TRUNCATED_BODY: {
        out.write(HttpWire.head(resp.startLine, resp.headers, "Content-Length", Integer.toString(body.length),
            "Connection", conn));
        out.write(body, 0, body.length / 2);
        out.flush();
        if (f.kind() == Fault.Kind.RESET_MID_RESPONSE) {
          pause(50);
          reset(c);
        } else {
          c.shutdownOutput();
        }
        return false;
      }
      case SLOW_BODY: {
        out.write(HttpWire.head(resp.startLine, resp.headers, "Content-Length", Integer.toString(body.length),
            "Connection", conn));
        out.flush();
        int step = (int) f.bytes();
        for (int i = 0; i < body.length; i += step) {
          pause(f.step().toMillis());
          out.write(body, i, Math.min(step, body.length - i));
          out.flush();
        }
        remember(body);
        return true;
      }
      default:
        break;
    }
    String text = new String(body, StandardCharsets.UTF_8);
    String changed = rewrite(f, text);
    byte[] nb = changed.getBytes(StandardCharsets.UTF_8);
    writeAnswer(out, resp.startLine, resp.headers, nb, conn);
    remember(nb);
    return true;
  }

  private String rewrite(Fault f, String text) {
    List<int[]> els = HttpWire.arrayElements(text);
    switch (f.kind()) {
      case WRONG_ID: {
        int at = els == null ? 0 : els.isEmpty() ? -1 : els.get(0)[0];
        if (at < 0) {
          return text;
        }
        int[] span = HttpWire.idSpan(text, at);
        return span == null ? text : HttpWire.replaceId(text, at, HttpWire.wrongIdFor(text.substring(span[0], span[1])));
      }
      case DUPLICATE_ID: {
        if (els == null) {
          byte[] last = lastAnswerBody;
          if (last != null) {
            return new String(last, StandardCharsets.UTF_8);
          }
          int[] span = HttpWire.idSpan(text, 0);
          return span == null ? text : HttpWire.replaceId(text, 0, HttpWire.wrongIdFor(text.substring(span[0], span[1])));
        }
        if (els.size() < 2) {
          return text;
        }
        int[] first = HttpWire.idSpan(text, els.get(0)[0]);
        if (first == null) {
          return text;
        }
        return HttpWire.replaceId(text, els.get(1)[0], text.substring(first[0], first[1]));
      }
      case BATCH_REORDERED: {
        if (els == null) {
          return text;
        }
        StringBuilder sb = new StringBuilder(text.length()).append('[');
        for (int i = els.size() - 1; i >= 0; i--) {
          sb.append(text, els.get(i)[0], els.get(i)[1]).append(i > 0 ? "," : "");
        }
        return sb.append(']').toString();
      }
      case BATCH_MISSING_ENTRY: {
        if (els == null || els.isEmpty()) {
          return text;
        }
        StringBuilder sb = new StringBuilder(text.length()).append('[');
        for (int i = 0; i < els.size() - 1; i++) {
          sb.append(i > 0 ? "," : "").append(text, els.get(i)[0], els.get(i)[1]);
        }
        return sb.append(']').toString();
      }
      default:
        return text;
    }
  }

  private void remember(byte[] body) {
    lastAnswerBody = body;
  }

  private static void pause(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Reads and discards what the client sends until it closes (or the proxy does). */
  private static void drain(Socket c) {
    try {
      InputStream in = c.getInputStream();
      byte[] buf = new byte[4096];
      while (in.read(buf) >= 0) {
        // discard
      }
    } catch (IOException ignored) {
      // closed
    }
  }

  private static void writeAnswer(OutputStream out, String statusLine, List<String[]> headers, byte[] body, String conn)
      throws IOException {
    out.write(HttpWire.head(statusLine, headers, "Content-Length", Integer.toString(body.length), "Connection", conn));
    out.write(body);
    out.flush();
  }

  private static String reason(int status) {
    switch (status) {
      case 200:
        return "OK";
      case 429:
        return "Too Many Requests";
      case 500:
        return "Internal Server Error";
      case 502:
        return "Bad Gateway";
      case 503:
        return "Service Unavailable";
      case 504:
        return "Gateway Timeout";
      default:
        return "Status";
    }
  }

  private Socket connectUpstream() throws IOException {
    Socket u = new Socket();
    sockets.add(u);
    upstream.incrementAndGet();
    try {
      u.connect(new InetSocketAddress(upstreamHost, upstreamPort), 5000);
      u.setTcpNoDelay(true);
    } catch (IOException e) {
      release(u, upstream);
      throw e;
    }
    return u;
  }

  /** Sends the request on a fresh upstream connection and reads the whole answer; null if unreachable. */
  private HttpWire.Message forward(HttpWire.Message req) throws IOException {
    Socket u;
    try {
      u = connectUpstream();
    } catch (IOException e) {
      return null;
    }
    try {
      forwarded.incrementAndGet();
      OutputStream uo = u.getOutputStream();
      List<String[]> h = withHost(req.headers);
      uo.write(HttpWire.head(req.startLine, h, "Content-Length", Integer.toString(req.body.length), "Connection", "close"));
      uo.write(req.body);
      uo.flush();
      InputStream ui = u.getInputStream();
      HttpWire.Message resp;
      do {
        resp = HttpWire.readHead(ui);
        if (resp == null) {
          throw new IOException("upstream closed without an answer");
        }
      } while (resp.status() / 100 == 1);
      resp.body = HttpWire.readBody(ui, resp, true, req.verb());
      return resp;
    } finally {
      release(u, upstream);
    }
  }

  private List<String[]> withHost(List<String[]> headers) {
    List<String[]> h = new ArrayList<>(headers.size());
    for (String[] kv : headers) {
      if (!kv[0].equalsIgnoreCase("Host")) {
        h.add(kv);
      }
    }
    h.add(0, new String[] {"Host", upstreamHost + ":" + upstreamPort});
    return h;
  }

  // ------------------------------------------------------------------ WebSocket tunnels

  private void tunnel(Socket c, HttpWire.Message req) {
    Socket u = null;
    Tunnel t = null;
    try {
      try {
        u = connectUpstream();
      } catch (IOException e) {
        OutputStream out = c.getOutputStream();
        out.write("HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
            .getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        return;
      }
      forwarded.incrementAndGet();
      StringBuilder head = new StringBuilder(req.startLine).append("\r\n");
      for (String[] kv : withHost(req.headers)) {
        head.append(kv[0]).append(": ").append(kv[1]).append("\r\n");
      }
      OutputStream uo = u.getOutputStream();
      uo.write(head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
      uo.flush();
      t = new Tunnel(c, u);
      tunnels.add(t);
      Socket up = u;
      Tunnel tt = t;
      Thread pump = new Thread(() -> {
        try {
          InputStream ci = c.getInputStream();
          OutputStream no = up.getOutputStream();
          byte[] buf = new byte[8192];
          int n;
          while ((n = ci.read(buf)) >= 0) {
            if (!tt.dropped) {
              try {
                no.write(buf, 0, n);
                no.flush();
              } catch (IOException nodeGone) {
                // keep reading the client's side until it closes (a close reply after a drop)
              }
            }
          }
        } catch (IOException ignored) {
          // either side closed, or the wait for the client's close after a drop timed out
        } finally {
          tt.closeBoth();
        }
      }, "cairn-fault-proxy-" + port + "-ws-up");
      pump.setDaemon(true);
      pump.start();
      t.pumpDown();
    } catch (IOException | RuntimeException ignored) {
      // either side went away
    } finally {
      if (t != null) {
        if (t.dropped) {
          t.awaitClientClose();
        }
        t.closeBoth();
        tunnels.remove(t);
      } else {
        if (u != null) {
          release(u, upstream);
        }
        release(c, downstream);
      }
    }
  }

  /** One WebSocket connection passed through: raw bytes up, whole frames down (counted). */
  private final class Tunnel {
    final Socket client;
    final Socket node;
    final Object writeLock = new Object();
    final AtomicInteger sinceArm = new AtomicInteger();
    volatile boolean dropped;

    Tunnel(Socket client, Socket node) {
      this.client = client;
      this.node = node;
    }

    void pumpDown() throws IOException {
      InputStream ni = node.getInputStream();
      OutputStream co = client.getOutputStream();
      HttpWire.Message resp = HttpWire.readHead(ni);
      if (resp == null) {
        return;
      }
      synchronized (writeLock) {
        StringBuilder head = new StringBuilder(resp.startLine).append("\r\n");
        for (String[] kv : resp.headers) {
          head.append(kv[0]).append(": ").append(kv[1]).append("\r\n");
        }
        co.write(head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
        co.flush();
      }
      if (resp.status() != 101) {
        // a refused handshake: pass its body on and stop
        ni.transferTo(co);
        return;
      }
      byte[] hdr = new byte[14];
      while (!dropped) {
        int b0 = ni.read();
        if (b0 < 0) {
          return;
        }
        int b1 = readByte(ni);
        hdr[0] = (byte) b0;
        hdr[1] = (byte) b1;
        int hl = 2;
        long len = b1 & 0x7f;
        if (len == 126) {
          hdr[2] = (byte) readByte(ni);
          hdr[3] = (byte) readByte(ni);
          len = ((hdr[2] & 0xff) << 8) | (hdr[3] & 0xff);
          hl = 4;
        } else if (len == 127) {
          len = 0;
          for (int i = 0; i < 8; i++) {
            hdr[2 + i] = (byte) readByte(ni);
            len = (len << 8) | (hdr[2 + i] & 0xff);
          }
          hl = 10;
        }
        if ((b1 & 0x80) != 0) {
          for (int i = 0; i < 4; i++) {
            hdr[hl++] = (byte) readByte(ni);
          }
        }
        if (len > HttpWire.MAX_BODY) {
          throw new IOException("frame of " + len + " bytes");
        }
        byte[] payload = HttpWire.readN(ni, (int) len);
        synchronized (writeLock) {
          if (dropped) {
            return;
          }
          co.write(hdr, 0, hl);
          co.write(payload);
          co.flush();
        }
        int opcode = b0 & 0x0f;
        boolean fin = (b0 & 0x80) != 0;
        if (fin && opcode < 8) {
          int armed = wsDropAfter;
          if (armed > 0 && sinceArm.incrementAndGet() >= armed) {
            synchronized (FaultProxy.this) {
              if (wsDropAfter == armed) {
                wsDropAfter = -1;
                drop(wsDropWithClose);
                awaitClientClose();
                return;
              }
            }
          }
        }
      }
    }

    void drop(boolean withCloseFrame) {
      synchronized (writeLock) {
        if (dropped) {
          return;
        }
        dropped = true;
        wsDrops.incrementAndGet();
        if (withCloseFrame) {
          release(node, upstream);
          try {
            OutputStream co = client.getOutputStream();
            // 1001 going away, unmasked (server to client), then FIN; the client's side is read
            // (by the up pump) until it closes too or 2 s pass, so that closing does not turn into a
            // reset that could destroy what the client has not read yet
            co.write(new byte[] {(byte) 0x88, 0x02, 0x03, (byte) 0xE9});
            co.flush();
            client.shutdownOutput();
          } catch (IOException ignored) {
            closeBoth();
            return;
          }
          Thread closer = new Thread(() -> {
            pause(2000);
            closeBoth();
          }, "cairn-fault-proxy-" + port + "-ws-close");
          closer.setDaemon(true);
          closer.start();
        } else {
          // let the client read the frames already sent: a reset can discard unread data
          pause(100);
          reset(client);
          closeBoth();
        }
      }
    }

    /** After a drop with a closing frame: returns when the up pump has seen the client close. */
    void awaitClientClose() {
      long end = System.nanoTime() + 2_500_000_000L;
      while (!client.isClosed() && System.nanoTime() < end) {
        pause(10);
      }
    }

    void closeBoth() {
      release(node, upstream);
      release(client, downstream);
    }
  }

  private static int readByte(InputStream in) throws IOException {
    int b = in.read();
    if (b < 0) {
      throw new java.io.EOFException("frame cut");
    }
    return b;
  }
}

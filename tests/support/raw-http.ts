// HTTP/1.1 over a bare socket, for what fetch cannot do: keep reading the answer after the server stopped
// reading an oversized body, send a body slower than the request timeout, send headers larger than the
// server takes. Reads one answer (status line, headers, a Content-Length body) and whether the server
// closed the connection.
import net from 'node:net';

export interface RawAnswer {
  /** null when the connection closed before a status line arrived. */
  status: number | null;
  headers: Record<string, string>;
  body: string;
  /** The server closed the connection (it ended or reset it). */
  closed: boolean;
  /** Milliseconds from connecting until the answer was complete (or the connection closed). */
  elapsedMs: number;
}

export interface RawRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  /** Sent in one write, or, with `trickle`, in pieces. */
  body?: Buffer;
  trickle?: { chunkBytes: number; everyMs: number };
  /** Leave the header block open: what follows (`body`) is more header bytes, not a body. */
  headersUnfinished?: boolean;
  /**
   * Send only this much of the body (as chunks, with `chunked`), then wait for the answer: a server that
   * refuses a body mid-way closes the connection, and bytes still arriving then would reset it.
   */
  sendBytes?: number;
  chunked?: boolean;
  /** Send no Host header (HTTP/1.1 requires one). */
  noHost?: boolean;
  timeoutMs?: number;
}

function parseAnswer(data: Buffer): { status: number; headers: Record<string, string>; body: string; complete: boolean } | undefined {
  const end = data.indexOf('\r\n\r\n');
  if (end === -1) return undefined;
  const [statusLine = '', ...lines] = data.subarray(0, end).toString('latin1').split('\r\n');
  const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(statusLine)?.[1]);
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  const body = data.subarray(end + 4);
  const length = Number(headers['content-length'] ?? 0);
  return { status, headers, body: body.subarray(0, length).toString('utf8'), complete: body.length >= length };
}

export function rawRequest(baseUrl: string, request: RawRequest): Promise<RawAnswer> {
  const { hostname, port } = new URL(baseUrl);
  const started = Date.now();
  return new Promise((resolve) => {
    const socket = net.connect({ host: hostname, port: Number(port) });
    let received = Buffer.alloc(0);
    let settled = false;
    let trickleTimer: NodeJS.Timeout | undefined;
    const finish = (closed: boolean): void => {
      if (settled) return;
      settled = true;
      clearInterval(trickleTimer);
      clearTimeout(deadline);
      const answer = parseAnswer(received);
      socket.destroy();
      resolve({ status: answer?.status ?? null, headers: answer?.headers ?? {}, body: answer?.body ?? '', closed, elapsedMs: Date.now() - started });
    };
    const deadline = setTimeout(() => finish(false), request.timeoutMs ?? 30_000);
    socket.on('data', (chunk: Buffer) => {
      received = Buffer.concat([received, chunk]);
      let answer = parseAnswer(received);
      // A 100 Continue is not the answer: drop it and read on.
      while (answer?.status === 100) {
        received = received.subarray(received.indexOf('\r\n\r\n') + 4);
        answer = parseAnswer(received);
      }
      if (answer?.complete) finish(answer.headers.connection === 'close');
    });
    // Writing into a connection the server already closed fails; the answer it sent first still counts.
    socket.on('error', () => finish(true));
    socket.on('close', () => finish(true));
    socket.on('connect', () => {
      const head = [`${request.method} ${request.path} HTTP/1.1`, ...(request.noHost ? [] : [`host: ${hostname}:${port}`]), ...Object.entries(request.headers).map(([name, value]) => `${name}: ${value}`)];
      socket.write(`${head.join('\r\n')}\r\n${request.headersUnfinished ? '' : '\r\n'}`);
      const body = request.sendBytes === undefined ? request.body : request.body?.subarray(0, request.sendBytes);
      if (!body) return;
      if (request.chunked) {
        for (let at = 0; at < body.length; at += 64 * 1024) {
          const chunk = body.subarray(at, at + 64 * 1024);
          socket.write(`${chunk.length.toString(16)}\r\n`);
          socket.write(chunk);
          socket.write('\r\n');
        }
        return;
      }
      if (!request.trickle) {
        socket.write(body);
        return;
      }
      const { chunkBytes, everyMs } = request.trickle;
      let sent = 0;
      trickleTimer = setInterval(() => {
        if (sent >= body.length || socket.destroyed) return clearInterval(trickleTimer);
        socket.write(body.subarray(sent, sent + chunkBytes));
        sent += chunkBytes;
      }, everyMs);
    });
  });
}

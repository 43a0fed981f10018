import { connect, type Socket } from "node:net";

/**
 * One kept-alive HTTP/1.1 connection, written by hand on `node:net`: the request line and headers as one string, the
 * answer framed by its Content-Length, one request at a time. It is the runtime's floor for a request (no HTTP
 * library at all: no parser, no pool, no streams, no promises but the one per answer), the lowest a Node client can
 * go, measured beside undici and the product to show where the runtime ends and the libraries begin. Nothing to use
 * in the product: it knows only what the emulator sends (no chunked bodies, no pipelining, no redirects, no TLS).
 */
export class RawHttpConnection {
  private socket: Socket | undefined;
  private received: Buffer[] = [];
  private receivedBytes = 0;
  private waiting: { resolve: (answer: RawAnswer) => void; reject: (error: Error) => void } | undefined;

  constructor(
    private readonly host: string,
    private readonly port: number,
  ) {}

  /** Sends `head` (request line, headers, blank line; no body) and resolves with the whole answer. */
  request(head: string): Promise<RawAnswer> {
    if (this.waiting) return Promise.reject(new Error("raw HTTP: one request at a time on a connection"));
    const socket = this.open();
    return new Promise<RawAnswer>((resolve, reject) => {
      this.waiting = { resolve, reject };
      socket.write(head);
    });
  }

  close(): void {
    this.socket?.destroy();
    this.socket = undefined;
  }

  /** The kept-alive socket, or a new one when the server closed the last (its keep-alive timeout) or none was open. */
  private open(): Socket {
    if (this.socket && !this.socket.destroyed) return this.socket;
    const socket = connect({ host: this.host, port: this.port, noDelay: true });
    // A socket replaced since (closed by us, or by the server after an answer) has nothing to say to the current one.
    socket.on("data", (chunk: Buffer) => this.socket === socket && this.onData(chunk));
    socket.on("error", (error) => this.socket === socket && this.fail(error));
    socket.on("close", () => {
      if (this.socket !== socket) return;
      this.socket = undefined;
      this.fail(new Error("raw HTTP: the server closed the connection before answering"));
    });
    this.socket = socket;
    this.received = [];
    this.receivedBytes = 0;
    return socket;
  }

  private fail(error: Error): void {
    const waiting = this.waiting;
    this.waiting = undefined;
    waiting?.reject(error);
  }

  private onData(chunk: Buffer): void {
    this.received.push(chunk);
    this.receivedBytes += chunk.length;
    const all = this.received.length === 1 ? chunk : Buffer.concat(this.received, this.receivedBytes);
    const headEnd = all.indexOf("\r\n\r\n");
    if (headEnd < 0) return;
    const head = all.toString("latin1", 0, headEnd);
    const length = /\r\ncontent-length:[ \t]*(\d+)/i.exec(head);
    if (!length) {
      this.fail(new Error(`raw HTTP: an answer without Content-Length: ${JSON.stringify(head.slice(0, 200))}`));
      return;
    }
    const bodyEnd = headEnd + 4 + Number(length[1]);
    if (all.length < bodyEnd) {
      this.received = [all];
      return;
    }
    if (all.length > bodyEnd) {
      this.fail(new Error("raw HTTP: bytes after the answer (nothing was pipelined)"));
      return;
    }
    this.received = [];
    this.receivedBytes = 0;
    const waiting = this.waiting;
    this.waiting = undefined;
    waiting?.resolve({
      status: Number(head.slice(9, 12)),
      body: all.toString("utf8", headEnd + 4, bodyEnd),
    });
  }
}

export interface RawAnswer {
  status: number;
  body: string;
}

/**
 * A TCP proxy a test can cut and restore, standing between the app and PostgreSQL to simulate
 * the database going away: cut() destroys every open connection (the server seems to have
 * died mid-query) and refuses new ones (connection refused); restore() accepts them again on
 * the same port.
 */
import net from "node:net";

export interface PausableTcpProxy {
  /** The port the proxy listens on (127.0.0.1). */
  port: number;
  /** Whether connections are currently passed through. */
  readonly open: boolean;
  /** Ends every open connection and refuses new ones until restore(). */
  cut(): Promise<void>;
  /** Listens again on the same port. */
  restore(): Promise<void>;
  close(): Promise<void>;
}

export interface ProxyOptions {
  /** Port to listen on (default: any free port). */
  port?: number;
  host?: string;
}

/** Forwards 127.0.0.1:<port> to target (e.g. PostgreSQL on 127.0.0.1:5432). */
export async function startPausableTcpProxy(
  target: { host: string; port: number },
  options: ProxyOptions = {},
): Promise<PausableTcpProxy> {
  const host = options.host ?? "127.0.0.1";
  const sockets = new Set<net.Socket>();
  let server: net.Server | undefined;
  let port = options.port ?? 0;

  const track = (socket: net.Socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    socket.on("error", () => socket.destroy());
  };

  const listen = () =>
    new Promise<void>((resolve, reject) => {
      const s = net.createServer((client) => {
        track(client);
        const upstream = net.connect(target.port, target.host);
        track(upstream);
        client.pipe(upstream);
        upstream.pipe(client);
        client.on("close", () => upstream.destroy());
        upstream.on("close", () => client.destroy());
      });
      s.once("error", reject);
      s.listen(port, host, () => {
        port = (s.address() as net.AddressInfo).port;
        server = s;
        resolve();
      });
    });

  const stop = () =>
    new Promise<void>((resolve) => {
      const s = server;
      server = undefined;
      for (const socket of sockets) socket.destroy();
      sockets.clear();
      if (!s) return resolve();
      s.close(() => resolve());
    });

  await listen();
  return {
    get port() {
      return port;
    },
    get open() {
      return server !== undefined;
    },
    cut: stop,
    restore: async () => {
      if (!server) await listen();
    },
    close: stop,
  };
}

/**
 * How `npm run backup` reaches a running embedded server. PGlite's data directory is open in
 * exactly one process (data-dir-lock.ts), so while the server runs only the server can read
 * it; the CLI asks the server to stream a backup to it.
 *
 * The channel is HTTP over a Unix socket, `<data dir>/backup.sock`, mode 0600 inside the
 * 0700 data directory: only the account that runs Lentera (the one that can read
 * secrets.json anyway) can connect, with no port, token or network exposure. It answers one
 * request, `POST /backup`, with the backup file's bytes; a failure mid-way aborts the
 * response, and the CLI, which checks every file it writes against its manifest, reports it.
 * The server does not write files on request: the CLI writes where it was told.
 */
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import type { DbHandle } from "../db.ts";
import { backupFromServer } from "./server-backup.ts";

export const controlSocketPath = (dataDir: string) => path.join(dataDir, "backup.sock");

/** Unix socket paths are limited to about 108 bytes. */
const MAX_SOCKET_PATH = 100;

export function startBackupControl(dataDir: string, getHandle: () => Promise<DbHandle>): http.Server | null {
  const socket = controlSocketPath(dataDir);
  if (Buffer.byteLength(socket) > MAX_SOCKET_PATH) {
    console.warn(
      `Lentera: the data directory path is too long for the backup socket (${socket}); \`npm run backup\` works only while the server is stopped`,
    );
    return null;
  }
  let busy = false;
  const server = http.createServer((req, res) => {
    if (req.method !== "POST" || req.url !== "/backup") {
      res.writeHead(404).end();
      return;
    }
    if (busy) {
      res
        .writeHead(409, { "content-type": "text/plain" })
        .end("another backup is running; try again when it has finished\n");
      return;
    }
    busy = true;
    void (async () => {
      try {
        const handle = await getHandle();
        res.writeHead(200, { "content-type": "application/zip" });
        const sink = async (chunk: Uint8Array) => {
          if (!res.write(chunk)) await new Promise<void>((resolve) => res.once("drain", resolve));
        };
        await backupFromServer(handle, sink, dataDir);
        res.end();
      } catch (e) {
        console.error(
          `Lentera: backup over ${socket} failed: ${e instanceof Error ? e.message.split("\n")[0] : String(e)}`,
        );
        if (!res.headersSent)
          res
            .writeHead(500, { "content-type": "text/plain" })
            .end(`backup failed: ${e instanceof Error ? e.message.split("\n")[0] : "unknown error"}\n`);
        else res.destroy();
      } finally {
        busy = false;
      }
    })();
  });
  // This process holds the directory's lock, so a socket file left there is a dead server's.
  fs.rmSync(socket, { force: true });
  server.on("error", (e) => console.error(`Lentera: the backup socket ${socket} failed: ${e.message}`));
  server.listen(socket, () => {
    try {
      fs.chmodSync(socket, 0o600);
    } catch (e) {
      console.error(
        `Lentera: could not restrict ${socket} to its owner (${e instanceof Error ? e.message : String(e)}); closing it`,
      );
      server.close();
    }
  });
  server.unref();
  return server;
}

export type ServerBackupOutcome = { kind: "no-server" } | { kind: "done" };

/**
 * Asks the server holding `dataDir` for a backup and passes the bytes to `sink`. "no-server"
 * when nothing listens on the socket (no server, or a dead one's leftover socket).
 */
export function requestServerBackup(
  dataDir: string,
  sink: (chunk: Uint8Array) => Promise<void>,
): Promise<ServerBackupOutcome> {
  const socketPath = controlSocketPath(dataDir);
  return new Promise((resolve, reject) => {
    const req = http.request({ socketPath, method: "POST", path: "/backup" }, (res) => {
      if (res.statusCode !== 200) {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (d: string) => (text += d));
        res.on("end", () =>
          reject(new Error(`the server refused the backup: ${text.trim() || `HTTP ${res.statusCode}`}`)),
        );
        return;
      }
      void (async () => {
        try {
          for await (const chunk of res) await sink(chunk as Buffer);
          if (!res.complete) throw new Error("the server stopped sending before the backup was complete (see its log)");
          resolve({ kind: "done" });
        } catch (e) {
          reject(e instanceof Error ? e : new Error(String(e)));
        }
      })();
    });
    req.on("error", (e: NodeJS.ErrnoException) => {
      if (e.code === "ENOENT" || e.code === "ECONNREFUSED") resolve({ kind: "no-server" });
      else reject(e);
    });
    req.end();
  });
}

/**
 * A node-postgres client that remembers its last connection error. Prisma's PostgreSQL adapter
 * turns ECONNREFUSED into "DatabaseNotReachable" and ECONNRESET into "ConnectionClosed",
 * dropping the code; the log line names the driver's own reason (ECONNREFUSED 127.0.0.1:5432).
 */
import pg from "pg";

export interface RawErrorMemory {
  Client: typeof pg.Client;
  /** The last error, if recent enough to belong to the failure being reported. */
  last(): unknown;
}

const RECENT_MS = 5_000;

export function notingPgClient(): RawErrorMemory {
  let last: { error: unknown; at: number } | undefined;
  const note = (error: unknown) => {
    last = { error, at: Date.now() };
  };
  class NotingClient extends pg.Client {
    constructor(config?: string | pg.ClientConfig) {
      super(config);
      this.on("error", note);
      // pg-pool calls connect(callback); the promise form is kept for anyone else.
      const connect = this.connect.bind(this) as (callback?: (err: Error | null) => void) => Promise<unknown> | void;
      this.connect = ((callback?: (err: Error | null) => void) => {
        if (callback)
          return connect((err) => {
            if (err) note(err);
            callback(err);
          });
        return (connect() as Promise<unknown>).catch((err: unknown) => {
          note(err);
          throw err;
        });
      }) as typeof this.connect;
    }
  }
  return { Client: NotingClient, last: () => (last && Date.now() - last.at < RECENT_MS ? last.error : undefined) };
}

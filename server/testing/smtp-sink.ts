/**
 * Tests: a real SMTP server in the test process (smtp-server) that keeps what arrives. It can be
 * stopped and started again on the same port to play an outage, and can require a password.
 */
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";

export interface ReceivedMail {
  from: string;
  to: string[];
  /** Raw message as received. */
  raw: string;
  subject: string;
  /** Body with quoted-printable undone. */
  text: string;
  headers: Record<string, string>;
}

function decodeQuotedPrintable(s: string): string {
  const bytes = Buffer.from(
    s.replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16))),
    "latin1",
  );
  return bytes.toString("utf8");
}

function decodeWord(s: string): string {
  return s.replace(/=\?utf-8\?([QB])\?([^?]*)\?=/gi, (_, enc: string, text: string) =>
    enc.toUpperCase() === "B"
      ? Buffer.from(text, "base64").toString("utf8")
      : decodeQuotedPrintable(text.replace(/_/g, " ")),
  );
}

export function parseMail(raw: string): Pick<ReceivedMail, "subject" | "text" | "headers"> {
  const split = raw.indexOf("\r\n\r\n");
  const head = raw.slice(0, split).replace(/\r\n[ \t]+/g, " ");
  const headers: Record<string, string> = {};
  for (const line of head.split("\r\n")) {
    const i = line.indexOf(":");
    if (i > 0) headers[line.slice(0, i).trim().toLowerCase()] = line.slice(i + 1).trim();
  }
  let body = raw.slice(split + 4);
  const cte = (headers["content-transfer-encoding"] ?? "").toLowerCase();
  if (cte === "quoted-printable") body = decodeQuotedPrintable(body);
  else if (cte === "base64") body = Buffer.from(body.replace(/\s+/g, ""), "base64").toString("utf8");
  return { subject: decodeWord(headers.subject ?? "").replace(/\?= =\?/g, ""), text: body, headers };
}

export class SmtpSink {
  readonly received: ReceivedMail[] = [];
  private server: SMTPServer | null = null;
  port = 0;

  constructor(private readonly auth?: { user: string; pass: string }) {}

  async start(port = this.port): Promise<number> {
    const auth = this.auth;
    const server = new SMTPServer({
      disabledCommands: auth ? ["STARTTLS"] : ["STARTTLS", "AUTH"],
      allowInsecureAuth: true,
      authOptional: !auth,
      logger: false,
      onAuth(a, _session, cb) {
        if (auth && a.username === auth.user && a.password === auth.pass) cb(null, { user: a.username });
        else cb(new Error("Invalid username or password"));
      },
      onData: (stream, session, cb) => {
        const chunks: Buffer[] = [];
        stream.on("data", (c: Buffer) => chunks.push(c));
        stream.on("end", () => {
          const raw = Buffer.concat(chunks).toString("utf8");
          this.received.push({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
            to: session.envelope.rcptTo.map((r) => r.address),
            raw,
            ...parseMail(raw),
          });
          cb();
        });
      },
    });
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(port, "127.0.0.1", () => resolve());
    });
    this.server = server;
    this.port = (server as unknown as { server: { address(): AddressInfo } }).server.address().port;
    return this.port;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** Waits until `count` messages match, or throws after `ms`. */
  async waitFor(predicate: (m: ReceivedMail) => boolean, count = 1, ms = 20_000): Promise<ReceivedMail[]> {
    const end = Date.now() + ms;
    for (;;) {
      const found = this.received.filter(predicate);
      if (found.length >= count) return found;
      if (Date.now() > end)
        throw new Error(`expected ${count} matching email(s), got ${found.length} of ${this.received.length}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

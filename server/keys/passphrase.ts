/**
 * The passphrase of a key file: from LENTERA_KEYS_PASSPHRASE (scripts), else typed on the
 * terminal without echo. Never from a pipe: a passphrase in a shell history or a file next to
 * the export would defeat it, and a script can set the variable on purpose instead.
 */
import { ConfigError } from "../env.ts";
import { checkPassphrase } from "../domain/key-file.ts";

function readHidden(prompt: string): Promise<string> {
  const stdin = process.stdin;
  return new Promise((resolve, reject) => {
    process.stderr.write(prompt);
    let value = "";
    const done = (error?: Error) => {
      stdin.setRawMode(false);
      stdin.pause();
      stdin.off("data", onData);
      process.stderr.write("\n");
      if (error) reject(error);
      else resolve(value);
    };
    const onData = (chunk: Buffer) => {
      for (const ch of chunk.toString("utf8")) {
        if (ch === "\r" || ch === "\n") return done();
        if (ch === "\u0003" || ch === "\u0004") return done(new ConfigError("Cancelled"));
        if (ch === "\u007f" || ch === "\b") value = [...value].slice(0, -1).join("");
        else if (ch >= " ") value += ch;
      }
    };
    stdin.setRawMode(true);
    stdin.resume();
    stdin.on("data", onData);
  });
}

/** The passphrase; `confirm` asks twice on a terminal (for a new file). Checks the minimum length. */
export async function askPassphrase(
  confirm: boolean,
  source: Record<string, string | undefined> = process.env,
): Promise<string> {
  const fromEnv = source.LENTERA_KEYS_PASSPHRASE;
  if (fromEnv !== undefined && fromEnv !== "") {
    checkPassphrase(fromEnv);
    return fromEnv;
  }
  if (!process.stdin.isTTY) throw new ConfigError("No terminal to ask the passphrase on; set LENTERA_KEYS_PASSPHRASE");
  const first = await readHidden("Passphrase / Frasa sandi: ");
  if (confirm) {
    checkPassphrase(first);
    const again = await readHidden("Again / Ulangi: ");
    if (again !== first) throw new ConfigError("The two passphrases differ");
  }
  return first;
}

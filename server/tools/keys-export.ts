/**
 * npm run keys:export -- <file> — writes the installation's secrets (master key, tracking key,
 * session secret; during a rotation also the previous master key) to <file>, encrypted under a
 * passphrase asked on the terminal (or LENTERA_KEYS_PASSPHRASE). Reads secrets.json or the
 * environment like the server; needs no database. Exit 0, or one line on stderr and exit 1.
 */
import { ConfigError, env } from "../env.ts";
import { KeyFileError } from "../domain/key-file.ts";
import { runCommand } from "./run-command.ts";
import { askPassphrase } from "../keys/passphrase.ts";
import { exportKeys } from "../keys/export-import.ts";

async function main(args: string[]): Promise<void> {
  const files = args.filter((a) => !a.startsWith("--"));
  if (files.length !== 1 || files.length !== args.length) throw new ConfigError("Usage: npm run keys:export -- <file>");
  const config = env();
  await exportKeys(config, files[0]!, await askPassphrase(true), (line) => console.log(line));
}

runCommand(() => main(process.argv.slice(2)), { refusals: [KeyFileError] });

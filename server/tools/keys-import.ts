/**
 * npm run keys:import -- <file> [--print] [--replace] — decrypts a key file made by
 * keys:export (passphrase asked on the terminal, or LENTERA_KEYS_PASSPHRASE), compares the
 * keys with the database's check values when there is a database, and installs them:
 * embedded, into secrets.json (--replace to overwrite a different one; it is kept as a copy);
 * with DATABASE_URL, prints the KEY=value lines for the environment, only with --print.
 * Exit 0, or one line on stderr and exit 1 (wrong passphrase, altered file, other installation).
 */
import { ConfigError } from "../env.ts";
import { KeyFileError } from "../domain/key-file.ts";
import { runCommand } from "./run-command.ts";
import { askPassphrase } from "../keys/passphrase.ts";
import { importKeys } from "../keys/export-import.ts";

const FLAGS = new Set(["--print", "--replace"]);

async function main(args: string[]): Promise<void> {
  const files = args.filter((a) => !a.startsWith("--"));
  const unknown = args.filter((a) => a.startsWith("--") && !FLAGS.has(a));
  if (files.length !== 1 || unknown.length)
    throw new ConfigError("Usage: npm run keys:import -- <file> [--print] [--replace]");
  await importKeys(
    {
      file: files[0]!,
      passphrase: await askPassphrase(false),
      print: args.includes("--print"),
      replace: args.includes("--replace"),
    },
    (line) => console.error(line),
    (line) => console.log(line),
  );
}

runCommand(() => main(process.argv.slice(2)), { refusals: [KeyFileError] });

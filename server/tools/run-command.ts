/**
 * How every operator command ends: the exit code its main returns, if any,
 * or one line on stderr and exit 1. A refusal (a ConfigError or one of the command's own
 * refusals) prints its message as it is; anything else is described by `failure`
 * (by default its stack: a fault to report).
 */
import { ConfigError } from "../env.ts";

export function runCommand(
  main: () => Promise<number | void>,
  {
    refusals = [],
    failure = (err) => err.stack ?? err.message,
  }: { refusals?: readonly (abstract new (...args: never[]) => Error)[]; failure?: (err: Error) => string } = {},
): void {
  main().then(
    (code) => {
      if (code !== undefined) process.exitCode = code;
    },
    (err: unknown) => {
      const refused = err instanceof ConfigError || refusals.some((kind) => err instanceof kind);
      console.error(refused ? (err as Error).message : err instanceof Error ? failure(err) : err);
      process.exitCode = 1;
    },
  );
}

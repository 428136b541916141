/**
 * npm run keys:rotate — replaces the master key and re-wraps every value sealed under it while
 * the service runs; resumable (run it again after an interruption). See
 * server/keys/rotate-command.ts for the steps on each backend. Exit 0 when finished or handed
 * to the running server; one line on stderr and exit 1 on a refusal.
 */
import { KeyRotationError } from "../domain/key-rotation.ts";
import { runRotateCommand } from "../keys/rotate-command.ts";
import { runCommand } from "./run-command.ts";

runCommand(() => runRotateCommand((line) => console.log(line)), { refusals: [KeyRotationError] });

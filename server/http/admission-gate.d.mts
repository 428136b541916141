/** Types of admission-gate.mjs (shared by the preloads, plain JavaScript). */
import type { ServerResponse } from "node:http";

export interface Gate {
  enter(admit: (release: () => void) => void, refuse: () => void): () => void;
  readonly inWork: number;
  readonly waiting: number;
}

export function createGate(options: { limit: number; maxWaitMs: number }): Gate;

export function answerBusy(
  response: ServerResponse,
  page: { html: string; headers: Record<string, string> } | undefined,
  maxWaitMs: number,
): void;

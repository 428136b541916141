/** What a scenario builder (portal-forms.ts, letters.ts, …) is given and returns; the list is scenarios.ts. */
import type autocannon from "autocannon";

export interface ScenarioContext {
  /** http://127.0.0.1:<port>, no trailing slash. */
  baseUrl: string;
  /** Cookie header of a fresh signed-in session of a demo account (password + TOTP), e.g. "sekretariat". */
  staffSession: (username: string) => Promise<string>;
  /** Synthetic cases in the database (the usual run: SYNTHETIC_CASES when a scenario needs them). */
  syntheticCases?: number;
}

/** What autocannon sends. `requests` (a per-connection sequence) overrides method/headers/body. */
export interface RequestSpec {
  method?: autocannon.HttpMethod;
  headers?: Record<string, string>;
  body?: string | Buffer;
  requests?: autocannon.Request[];
  /** Replace `[<id>]` in bodies with a random id per request (unique idempotency keys etc.). */
  idReplacement?: boolean;
  /** Checks every answer's body; a false counts the request as failed (e.g. a 200 showing form errors). */
  verifyBody?: (body: string) => boolean;
  /** Other load running while (and only while) the scenario is measured; its figures go to results.json. */
  background?: () => BackgroundLoad;
}

export interface BackgroundLoad {
  stop: () => Promise<Record<string, number>>;
}

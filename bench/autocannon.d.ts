// Minimal types for autocannon 9 (it ships none and @types/autocannon is not installed).
// Only what the bench uses; extend when a scenario needs more.
declare module "autocannon" {
  import type { EventEmitter } from "node:events";

  namespace autocannon {
    type HttpMethod = "GET" | "HEAD" | "POST" | "PUT" | "PATCH" | "DELETE" | "OPTIONS";

    interface RawRequest {
      method?: HttpMethod;
      path?: string;
      headers?: Record<string, string>;
      body?: string | Buffer;
    }

    /** One step of a per-connection request sequence (see autocannon's README, "requests"). */
    interface Request extends RawRequest {
      setupRequest?: (request: RawRequest, context: Record<string, unknown>) => RawRequest | null | undefined | false;
      /** Headers repeated in the answer (e.g. Set-Cookie) come as an array. */
      onResponse?: (
        status: number,
        body: string,
        context: Record<string, unknown>,
        headers: Record<string, string | string[]>,
      ) => void;
    }

    interface Options {
      url: string;
      connections?: number;
      /** seconds */
      duration?: number;
      amount?: number;
      /** seconds */
      timeout?: number;
      pipelining?: number;
      method?: HttpMethod;
      headers?: Record<string, string>;
      body?: string | Buffer;
      requests?: Request[];
      initialContext?: Record<string, unknown>;
      idReplacement?: boolean;
      expectBody?: string;
      verifyBody?: (body: string) => boolean;
      excludeErrorStats?: boolean;
      title?: string;
    }

    interface Histogram {
      average: number;
      mean: number;
      stddev: number;
      min: number;
      max: number;
      total?: number;
      p2_5: number;
      p50: number;
      p75: number;
      p90: number;
      p97_5: number;
      p99: number;
      p99_9: number;
      p99_99: number;
      p99_999: number;
    }

    interface Result {
      title?: string;
      url: string;
      connections: number;
      /** seconds */
      duration: number;
      start: Date;
      finish: Date;
      /** Connection errors, including timeouts. */
      errors: number;
      timeouts: number;
      mismatches: number;
      non2xx: number;
      resets: number;
      "1xx": number;
      "2xx": number;
      "3xx": number;
      "4xx": number;
      "5xx": number;
      statusCodeStats: Record<string, { count: number }>;
      /** milliseconds */
      latency: Histogram & { totalCount: number };
      /** requests per second (per 1 s sample) */
      requests: Histogram & { sent: number };
      /** bytes per second */
      throughput: Histogram;
    }

    interface Instance extends EventEmitter, PromiseLike<Result> {
      stop(): void;
      catch(onRejected: (reason: unknown) => unknown): Promise<unknown>;
    }
  }

  function autocannon(options: autocannon.Options): autocannon.Instance;
  export default autocannon;
}

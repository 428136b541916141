/** Shared by server code and the client-side error pages: nothing else may live here. */
export const DATABASE_UNAVAILABLE_DIGEST = "LENTERA_DATABASE_UNAVAILABLE";
/** Seconds a client is asked to wait before retrying (Retry-After). */
export const RETRY_AFTER_SECONDS = 30;

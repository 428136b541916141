// The floor has no start-up work of its own. Without this file Next.js builds the repository's
// instrumentation.ts into the floor (its Turbopack root is the repository), and the floor would
// open Lentera's database at start.
export function register() {}

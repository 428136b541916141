import "server-only";
import { appRouter } from "../routers/_app.ts";
import { createCallerFactory } from "./init.ts";
import { createContext } from "./context.ts";

const createCaller = createCallerFactory(appRouter);

/** Server components call the same procedures as the browser, with the same checks. */
export async function serverCaller() {
  return createCaller(await createContext());
}

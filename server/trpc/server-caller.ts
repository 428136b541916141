import "server-only";
import { cache } from "react";
import { appRouter } from "../routers/_app.ts";
import { createCallerFactory } from "./init.ts";
import { createContext } from "./context.ts";

const createCaller = createCallerFactory(appRouter);

/**
 * One context per rendered request (React's cache): the layout, the page and the header's bell
 * each call procedures, and the session is then checked against the database once, not once each.
 */
const requestContext = cache(createContext);

/** Server components call the same procedures as the browser, with the same checks. */
export async function serverCaller() {
  return createCaller(await requestContext());
}

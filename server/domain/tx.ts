import type { Prisma } from "../generated/prisma/client.ts";

/** A Prisma interactive-transaction client: domain writes take one so the caller owns the transaction. */
export type Tx = Prisma.TransactionClient;

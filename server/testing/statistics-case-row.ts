import type { CaseStatus, Category, Channel } from "../generated/prisma/enums.ts";

/** The plain columns of a case the statistics count; each statistics test adds what it needs. */
export interface StatisticsCaseRow {
  id: string;
  receivedAt: Date;
  category: Category;
  channel: Channel;
  status: CaseStatus;
}

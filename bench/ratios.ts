/**
 * Every scenario as a multiple of the floor (bench/floor/: the smallest Next.js app on the same
 * Next.js, React and Node). Pure: the figures in, the ratios out.
 */

/** What a row is compared on. */
export interface Costs {
  requestsPerSec: number;
  cpuMsPerRequest: number;
  maxRssMb: number;
}

/** scenario ÷ floor; null when the floor's figure is 0 (nothing to divide by). */
export interface Ratios {
  /** Throughput as a share of the floor's: 0.25 = a quarter of the floor's req/s. */
  requestsPerSec: number | null;
  /** CPU per request as a multiple of the floor's: 12 = twelve times the floor's CPU per request. */
  cpuMsPerRequest: number | null;
  /** Memory as a multiple of the floor server's. */
  maxRssMb: number | null;
}

/** Three significant digits: ratios span 0.01 … 100+. */
function ratio(value: number, floor: number): number | null {
  if (!Number.isFinite(value) || !Number.isFinite(floor) || floor <= 0) return null;
  return Number((value / floor).toPrecision(3));
}

export function ratiosTo(floor: Costs, row: Costs): Ratios {
  return {
    requestsPerSec: ratio(row.requestsPerSec, floor.requestsPerSec),
    // No answers at all: there is no cost per request to compare (the row's 0 is no figure).
    cpuMsPerRequest: row.requestsPerSec > 0 ? ratio(row.cpuMsPerRequest, floor.cpuMsPerRequest) : null,
    maxRssMb: ratio(row.maxRssMb, floor.maxRssMb),
  };
}

/** "0.25×", "12.0×", "—" for no ratio. */
export function formatRatio(value: number | null): string {
  if (value === null) return "—";
  return `${value >= 10 ? value.toFixed(1) : value.toFixed(2)}×`;
}

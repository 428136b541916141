/**
 * Cell-key perturbation of the public counts, as statistics offices publish tables.
 *
 * Every case holds a secret random 32-bit record key (cases.record_key, never published). A
 * monthly cell (e.g. "GRATIFICATION reports counted in March 2026") gets a small noise looked
 * up in a fixed table with its cell key: the sum of its records' keys plus a secret salt of
 * the cell (an HMAC of the cell's name under a server secret), modulo 2^32, read as a fraction
 * in [0, 1). So:
 * - the same cell always gets the same noise: asking again, or downloading again, averages
 *   nothing out;
 * - a reader who knows every record of a cell but one (an insider from whom a case is hidden)
 *   knows neither the keys nor the salt, so the noise is unknown to them, and it changes
 *   completely when one record joins or leaves the cell; an empty cell is noisy too (through
 *   its salt), so a hidden case that is alone in its cell does not stand out.
 * The noise is −2…+2 with zero mean. A published monthly figure is the count plus its noise,
 * at least 0; a year figure is the sum over the year's published months of count plus noise,
 * at least 0 (months are summed before the floor, so the sum keeps zero mean).
 */
import { createHmac } from "node:crypto";
import { SMALL, type Shown } from "./suppression.ts";

/** Noise by cell key: each entry covers a share `p` of [0, 1), in order. */
export const PERTURBATION_TABLE: readonly { noise: number; p: number }[] = [
  { noise: -2, p: 0.01 },
  { noise: -1, p: 0.2 },
  { noise: 0, p: 0.58 },
  { noise: 1, p: 0.2 },
  { noise: 2, p: 0.01 },
];

/** Largest noise in the table (either way). */
export const MAX_NOISE = 2;

/** The smallest value shown as it is; below it the cell reads "< 3". */
export const SHOWN_FROM = 3;

const TWO_32 = 2n ** 32n;

/** A cell's records: how many, and the sum of their record keys (any integers). */
export interface CellRecords {
  count: number;
  keySum: bigint;
}

/** The cell key: the records' key sum modulo 2^32, as a fraction in [0, 1). */
export function cellKey(keySum: bigint): number {
  const m = ((keySum % TWO_32) + TWO_32) % TWO_32;
  return Number(m) / 2 ** 32;
}

/** The noise the table gives a cell key. */
export function noiseFor(key: number): number {
  let edge = 0;
  for (const row of PERTURBATION_TABLE) {
    edge += row.p;
    if (key < edge) return row.noise;
  }
  return PERTURBATION_TABLE.at(-1)!.noise;
}

/** A cell with its salt. */
export interface SaltedCell extends CellRecords {
  salt: bigint;
}

/** The secret salt of a named cell (32 bits), from a server secret; domain-separated by a label. */
export function cellSalt(secret: Buffer, cellName: string): bigint {
  return BigInt(createHmac("sha256", secret).update(`lentera/statistics/cell/${cellName}`).digest().readUInt32BE(0));
}

/** The noise of one cell. */
export const cellNoise = (cell: SaltedCell): number => noiseFor(cellKey(cell.keySum + cell.salt));

/** The published value of one monthly cell: count plus noise, at least 0. */
export const perturb = (cell: SaltedCell): number => Math.max(0, cell.count + cellNoise(cell));

/** The published value of a sum of monthly cells (a year figure): counts plus noises, at least 0. */
export const perturbSum = (cells: readonly SaltedCell[]): number =>
  Math.max(
    0,
    cells.reduce((s, c) => s + c.count + cellNoise(c), 0),
  );

/** How a published value is shown: "< 3" under 3. */
export const showPerturbed = (value: number): Shown => (value < SHOWN_FROM ? SMALL : value);

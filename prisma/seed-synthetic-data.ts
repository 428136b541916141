/**
 * Synthetic cases for load tests (the staff case list at 100 000 cases). One SQL
 * statement per batch makes them inside the database; every row is a valid case whose
 * payload decrypts under the master key (all share one data key: this is test data).
 * The references use the prefix SIN- so they never collide with real WBS- numbers.
 */
import type { Db } from "../server/db.ts";
import { masterKeyVersion, newDataKey, sealJson, wrapDataKey } from "../server/domain/crypto.ts";

const BATCH = 20_000;

export async function seedSyntheticCases(db: Db, masterKey: Buffer, count: number, now = new Date()): Promise<number> {
  const dataKey = newDataKey();
  const wrapped = wrapDataKey(masterKey, dataKey);
  const payload = sealJson(dataKey, {
    what: "Data uji beban (sintetis)",
    persons: [{ name: "Pegawai Sintetis", position: "Uji" }],
    where: "",
    when: "",
    how: "",
    evidence: "",
    witnesses: "",
  });
  const existing = await db.case.count({ where: { reference: { startsWith: "SIN-" } } });
  // Numbers after every case already there (real ones too), so (year, sequence) stays unique.
  const [row] = await db.$queryRaw<{ base: number }[]>`SELECT coalesce(max(sequence), 0)::int AS base FROM cases`;
  const base = row?.base ?? 0;
  for (let start = existing + 1; start <= existing + count; start += BATCH) {
    const end = Math.min(existing + count, start + BATCH - 1);
    // Spread over two years back from now; 70 % archived, the rest across the open steps, half of those overdue.
    await db.$executeRaw`
      INSERT INTO cases (id, reference, year, sequence, status, channel, category, identity_mode, involves_leadership,
                         wrapped_key, key_version, payload, received_at, submitted_at, due_at, record_due_at, response_due_at, updated_at)
      SELECT gen_random_uuid()::text, 'SIN-' || lpad(i::text, 7, '0'), extract(year FROM ts AT TIME ZONE 'Asia/Jakarta')::int, ${base}::int + i,
             (CASE WHEN i % 10 < 7 THEN 'ARCHIVED'
                   ELSE (ARRAY['SUBMITTED','RECORDED','AWAITING_INFO','REVIEWED','IN_MEETING','MINUTED','RESPONDED','RESPONSE_RECEIVED','ESCALATED'])[1 + (i % 9)] END)::case_status,
             (ARRAY['PORTAL','PORTAL','PORTAL','SMS','PHONE','EMAIL','SUGGESTION_BOX','IN_PERSON'])[1 + (i % 8)]::channel,
             (ARRAY['CORRUPTION','GRATIFICATION','BRIBERY','ILLEGAL_LEVY','ABUSE_OF_AUTHORITY','CONFLICT_OF_INTEREST','ETHICS_VIOLATION','LICENSING_MALADMINISTRATION','OTHER'])[1 + (i % 9)]::category,
             'ANONYMOUS'::identity_mode, i % 50 = 0,
             ${wrapped}, ${masterKeyVersion(masterKey)}, ${payload},
             ts, ts, CASE WHEN i % 10 < 7 THEN NULL ELSE ${now}::timestamptz + ((i % 7) - 3) * interval '1 day' END,
             ts + interval '1 day', ts + interval '14 days', ${now}
      FROM generate_series(${start}::int, ${end}::int) AS i,
           LATERAL (SELECT ${now}::timestamptz - (i % 730) * interval '1 day' - (i % 480) * interval '1 minute' AS ts) t`;
  }
  // Real cases draw their numbers from the same yearly sequence: start them after the synthetic ones.
  await db.$executeRaw`
    INSERT INTO sequences (scope, year, last_value, updated_at)
    SELECT 'CASE', year, max(sequence), now() FROM cases GROUP BY year
    ON CONFLICT (scope, year) DO UPDATE SET last_value = GREATEST(sequences.last_value, EXCLUDED.last_value), updated_at = now()`;
  // Fresh planner statistics and visibility map: without them PostgreSQL plans the queue and
  // statistics queries for an empty table until autovacuum comes by, and reads every counted
  // queue row from the table instead of the index alone; embedded PGlite has no autovacuum at all.
  await db.$executeRaw`VACUUM ANALYZE cases`;
  return existing + count;
}

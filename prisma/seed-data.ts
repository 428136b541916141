/**
 * Demo seed: one staff account per role and the office's default settings.
 * Idempotent: existing accounts and settings are left exactly as they are (a second run
 * never resets a password or overwrites what Admin changed).
 */
import { randomInt } from "node:crypto";
import type { Db } from "../server/db.ts";
import { ConfigError, type Env } from "../server/env.ts";
import { hashPassword } from "../server/domain/password.ts";
import { SETTING_KEYS, parseSetting, type SettingKey, type SettingValues } from "../server/domain/settings.ts";
import { settingDefaults } from "../server/domain/settings-defaults.ts";
import type { Prisma } from "../server/generated/prisma/client.ts";
import { Role } from "../server/generated/prisma/enums.ts";

export interface DemoAccount {
  username: string;
  name: string;
  /** 18 digits: birth date YYYYMMDD, appointment YYYYMM, sex (1 male, 2 female), sequence. */
  nip: string;
  rankGrade: string;
  position: string;
  roles: Role[];
}

/**
 * The Kepala Dinas is the official who signed the SOP (a public record). Everyone else is a
 * fictional demo person.
 */
export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  {
    username: "kadis",
    name: "MUL'ATMIDY, S.Sos., M.A.P.",
    nip: "197904022005021004",
    rankGrade: "Pembina Tingkat I (IV/b)",
    position: "Kepala Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu",
    roles: [Role.KEPALA_DINAS],
  },
  {
    username: "sekretariat",
    name: "Yuliana Sari, S.E.",
    nip: "198607142010012007",
    rankGrade: "Penata (III/c)",
    position: "Kepala Sub Bagian Umum dan Kepegawaian",
    roles: [Role.SEKRETARIAT],
  },
  {
    username: "telaah",
    name: "Hendra Saputra, S.H.",
    nip: "198203112006041003",
    rankGrade: "Penata Tingkat I (III/d)",
    position: "Kepala Bidang Pengaduan, Kebijakan dan Pelaporan Layanan",
    roles: [Role.TIM_TELAAH],
  },
  {
    username: "audit",
    name: "Dewi Anggraini, S.Ak., M.M.",
    nip: "198009252003122002",
    rankGrade: "Pembina (IV/a)",
    position: "Kepala Bidang Pengendalian Pelaksanaan Penanaman Modal",
    roles: [Role.TIM_AUDIT],
  },
  {
    username: "admin",
    name: "Ahmad Fauzi, S.Kom.",
    nip: "199305182019031005",
    rankGrade: "Penata Muda Tingkat I (III/b)",
    position: "Pranata Komputer Ahli Pertama",
    roles: [Role.ADMIN],
  },
  {
    username: "pengawas",
    name: "Agustinus Tingang, S.E., M.Si.",
    nip: "197608302002121001",
    rankGrade: "Pembina (IV/a)",
    position: "Auditor Ahli Madya, Inspektorat Kabupaten Lamandau",
    roles: [Role.PENGAWAS],
  },
];

export class SeedRefusedError extends Error {
  override name = "SeedRefusedError";
}

/** The end of a seed script that failed: a refusal or a configuration problem in one line, else the stack. */
export function reportSeedFailure(err: unknown): void {
  const known = err instanceof SeedRefusedError || err instanceof ConfigError;
  console.error(known ? (err as Error).message : err instanceof Error ? (err.stack ?? err.message) : err);
  process.exitCode = 1;
}

/** Demo accounts have printed passwords: never in production unless explicitly allowed. */
export function assertDemoSeedAllowed(config: Pick<Env, "isProduction" | "allowDemoSeed">): void {
  if (config.isProduction && !config.allowDemoSeed) {
    throw new SeedRefusedError(
      "Refusing to create demo accounts in production (NODE_ENV=production). Create real accounts in Admin, or set LENTERA_ALLOW_DEMO_SEED=true for a demo installation.",
    );
  }
}

// No 0/O, 1/l/I: the password is read off a terminal and typed by hand.
const PASSWORD_ALPHABET = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

/** 20 random symbols (~115 bits) in groups of five, e.g. `k7Pmq-9xQaz-…`. */
export function generateDemoPassword(): string {
  const groups = Array.from({ length: 4 }, () =>
    Array.from({ length: 5 }, () => PASSWORD_ALPHABET[randomInt(PASSWORD_ALPHABET.length)]).join(""),
  );
  return groups.join("-");
}

export interface CreatedAccount {
  username: string;
  roles: Role[];
  password: string;
}

export interface SeedResult {
  createdAccounts: CreatedAccount[];
  createdSettings: SettingKey[];
}

export interface SeedOptions {
  log?: (line: string) => void;
  /** Password for a new account (default: a fresh random one each); e2e uses a known one. */
  password?: (account: DemoAccount) => string;
}

function formatTable(rows: string[][]): string[] {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows.map(
    (r) =>
      "  " +
      r
        .map((cell, i) => cell.padEnd(widths[i]!))
        .join("  ")
        .trimEnd(),
  );
}

export async function seedDemo(
  db: Db,
  { log = console.log, password: choosePassword = generateDemoPassword }: SeedOptions = {},
): Promise<SeedResult> {
  const existingUsers = await db.staffUser.findMany({
    where: { username: { in: DEMO_ACCOUNTS.map((a) => a.username) } },
    select: { username: true },
  });
  const existing = new Set(existingUsers.map((u) => u.username));
  // Hash before the transaction: argon2 takes ~50 ms each and PGlite has one connection.
  const toCreate = await Promise.all(
    DEMO_ACCOUNTS.filter((a) => !existing.has(a.username)).map(async (account) => {
      const password = choosePassword(account);
      return { account, password, passwordHash: await hashPassword(password) };
    }),
  );

  const createdSettings = await db.$transaction(
    async (tx) => {
      for (const { account, passwordHash } of toCreate) {
        await tx.staffUser.create({ data: { ...account, roles: [...account.roles], passwordHash } });
      }
      const byUsername = new Map(
        (
          await tx.staffUser.findMany({
            where: { username: { in: ["kadis", "sekretariat", "telaah"] } },
            select: { id: true, username: true },
          })
        ).map((u) => [u.username, u.id]),
      );
      const values: SettingValues = {
        ...settingDefaults,
        // Surat Penerusan goes to the Pengawas when leadership may be involved: Tim Telaah
        // signs it, not the Kepala Dinas.
        "letters.signers": {
          CATATAN_PENGADUAN: byUsername.get("sekretariat"),
          SURAT_PENGADUAN: byUsername.get("telaah"),
          SURAT_PENERUSAN: byUsername.get("telaah"),
          BERITA_ACARA: byUsername.get("kadis"),
          TANGGAPAN: byUsername.get("kadis"),
        },
      };
      const present = new Set((await tx.setting.findMany({ select: { key: true } })).map((s) => s.key));
      const missing = SETTING_KEYS.filter((key) => !present.has(key));
      for (const key of missing) {
        const value = parseSetting(key, JSON.parse(JSON.stringify(values[key]))); // drops undefined signers
        await tx.setting.create({ data: { key, value: value as Prisma.InputJsonValue } });
      }
      return missing;
      // A few dozen inserts; the limits only matter on a heavily loaded machine.
    },
    { maxWait: 10_000, timeout: 30_000 },
  );

  const createdAccounts = toCreate.map(({ account, password }) => ({
    username: account.username,
    roles: account.roles,
    password,
  }));
  if (createdAccounts.length) {
    log("Demo accounts created (passwords are shown only this once):");
    const rows = [
      ["username", "role", "password"],
      ...createdAccounts.map((a) => [a.username, a.roles.join(","), a.password]),
    ];
    for (const line of formatTable(rows)) log(line);
  } else {
    log("Demo accounts: all present, nothing created.");
  }
  log(
    createdSettings.length
      ? `Settings created: ${createdSettings.join(", ")}`
      : "Settings: all present, nothing created.",
  );
  return { createdAccounts, createdSettings };
}

import { describe, expect, it } from "vitest";
import { parseBenchArgs, selects, UsageError } from "./args.ts";

describe("parseBenchArgs", () => {
  it("defaults to one instance, every scenario, nothing overridden", () => {
    expect(parseBenchArgs([])).toEqual({
      help: false,
      durationS: undefined,
      connections: undefined,
      only: [],
      noBuild: false,
      noLighthouse: false,
      verbose: false,
      cpuProfileDir: undefined,
      postgres: undefined,
      instances: 1,
    });
  });

  it("reads the scale-out command line", () => {
    const args = parseBenchArgs([
      "--postgres",
      "postgresql://postgres@127.0.0.1:5432/postgres",
      "--instances",
      "2",
      "--no-build",
    ]);
    expect(args).toMatchObject({
      postgres: "postgresql://postgres@127.0.0.1:5432/postgres",
      instances: 2,
      noBuild: true,
    });
    expect(parseBenchArgs(["--no-lighthouse"]).noLighthouse).toBe(true);
  });

  it("reads the case counts of the growth check", () => {
    expect(parseBenchArgs(["--scale", "1000, 10_000,100000"]).scale).toEqual([1000, 10_000, 100_000]);
    expect(parseBenchArgs(["--scale", "1000,100000", "--postgres", "postgresql://x/y"])).toMatchObject({
      scale: [1000, 100_000],
      instances: 1,
    });
    expect(parseBenchArgs([]).scale).toBeUndefined();
  });

  it("takes --only as a comma list and as a repeated flag, lower-cased", () => {
    expect(parseBenchArgs(["--only", "Home,letter", "--only", " statistik "]).only).toEqual([
      "home",
      "letter",
      "statistik",
    ]);
  });

  it("rounds connections and keeps a fractional duration", () => {
    expect(parseBenchArgs(["--connections", "9.6", "--duration", "2.5"])).toMatchObject({
      connections: 10,
      durationS: 2.5,
    });
  });

  it.each([
    [["--duration", "0"], /--duration must be a positive number/],
    [["--connections", "abc"], /--connections must be a positive number/],
    [["--instances", "1.5", "--postgres", "postgresql://x/y"], /--instances must be a whole number/],
    [["--instances", "2"], /needs --postgres/],
    [["--postgres", "mysql://x/y"], /postgresql:\/\/ URL/],
    [["--scale", "1000"], /two or more rising case counts/],
    [["--scale", "10000,1000"], /two or more rising case counts/],
    [["--scale", "0,10"], /two or more rising case counts/],
    [["--scale", "1000,1e9"], /two or more rising case counts/],
    [["--scale", "1000,abc"], /two or more rising case counts/],
    [["--scale", "1000,10000", "--instances", "2", "--postgres", "postgresql://x/y"], /leave out --instances/],
    [["--only", " , "], /--only needs a scenario name/],
    [["--bogus"], /Unknown option '--bogus'/],
    [["stray"], /Unexpected argument 'stray'/],
  ])("refuses %j", (argv, message) => {
    expect(() => parseBenchArgs(argv)).toThrow(UsageError);
    expect(() => parseBenchArgs(argv)).toThrow(message);
  });
});

describe("selects", () => {
  const letter = { name: "letter PDF (issued letter download)", path: "/api/staff/letter" };
  it("selects everything without a filter, otherwise by name or path fragment", () => {
    expect(selects([], letter)).toBe(true);
    expect(selects(["pdf"], letter)).toBe(true);
    expect(selects(["/api/staff"], letter)).toBe(true);
    expect(selects(["home", "statistik"], letter)).toBe(false);
  });
});

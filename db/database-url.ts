import path from "node:path";

export type DatabaseTarget =
  | { kind: "sqlite"; file: string; url: string }
  | { kind: "postgresql"; url: string };

/** file:./data/egrid.db (relative to the working directory) or postgresql://… */
export function parseDatabaseUrl(url: string): DatabaseTarget {
  if (url.startsWith("file:")) {
    const raw = url.slice("file:".length).split("?")[0]!;
    if (raw.length === 0) throw new Error("DATABASE_URL: file: needs a path, e.g. file:./data/egrid.db");
    const file = raw === ":memory:" ? raw : path.resolve(raw);
    return { kind: "sqlite", file, url: `file:${file}` };
  }
  if (/^postgres(ql)?:\/\//.test(url)) return { kind: "postgresql", url };
  throw new Error(`DATABASE_URL must start with file: or postgresql:// (got "${url.slice(0, 20)}…")`);
}

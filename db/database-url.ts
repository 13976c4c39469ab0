import path from "node:path";

export type DatabaseTarget =
  | { kind: "sqlite"; file: string; url: string }
  | { kind: "postgresql"; url: string; schema: string };

/**
 * file:./data/egrid.db (relative to the working directory) or postgresql://user@host:port/db, with
 * Prisma's `?schema=name` to keep egrid's tables in a schema of their own (default `public`).
 */
export function parseDatabaseUrl(url: string): DatabaseTarget {
  if (url.startsWith("file:")) {
    const raw = url.slice("file:".length).split("?")[0]!;
    if (raw.length === 0) throw new Error("DATABASE_URL: file: needs a path, e.g. file:./data/egrid.db");
    const file = raw === ":memory:" ? raw : path.resolve(raw);
    return { kind: "sqlite", file, url: `file:${file}` };
  }
  if (/^postgres(ql)?:\/\//.test(url)) {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw new Error("DATABASE_URL: not a valid postgresql:// URL");
    }
    const schema = parsed.searchParams.get("schema") ?? "public";
    if (!/^[A-Za-z_][A-Za-z0-9_]{0,62}$/.test(schema)) {
      throw new Error(`DATABASE_URL: schema "${schema}" must be letters, digits and _`);
    }
    // The pg driver does not know Prisma's `schema` parameter: it is applied as the search path.
    parsed.searchParams.delete("schema");
    return { kind: "postgresql", url: parsed.toString(), schema };
  }
  throw new Error(`DATABASE_URL must start with file: or postgresql:// (got "${url.slice(0, 20)}…")`);
}

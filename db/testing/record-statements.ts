import Database from "better-sqlite3";

/** Record every execution of a prepared better-sqlite3 statement (SQL and JSON parameters) until stopped. */
export function recordPreparedStatements(into: { sql: string; params: string }[]): () => void {
  const probe = new Database(":memory:");
  const prototype = Object.getPrototypeOf(probe.prepare("SELECT 1")) as Record<
    string,
    (...args: unknown[]) => unknown
  >;
  probe.close();
  const originals = new Map(["all", "get", "run"].map((name) => [name, prototype[name]!] as const));
  for (const [name, original] of originals)
    prototype[name] = function (this: { source: string }, ...args: unknown[]) {
      into.push({ sql: this.source, params: JSON.stringify(args) });
      return original.apply(this, args);
    };
  return () => {
    for (const [name, original] of originals) prototype[name] = original;
  };
}

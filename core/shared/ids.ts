/** Identifiers are made outside core (UUIDs in the app, counters in tests) and injected. */
export interface IdGenerator {
  next(): string;
}

export function counterIds(prefix = "id"): IdGenerator {
  let n = 0;
  return { next: () => `${prefix}-${++n}` };
}

/**
 * A list cut into parts of 500: Prisma's SQLite adapter refuses a statement with more than 999 bound
 * values, so every `in` list of unknown length goes in parts.
 */
export function chunks<T>(items: readonly T[], size = 500): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

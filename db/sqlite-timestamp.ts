/** How Prisma's SQLite adapter stores a DateTime (ISO 8601 with an explicit +00:00); raw SQL must match it. */
export function sqliteTimestamp(at: Date): string {
  return at.toISOString().replace("Z", "+00:00");
}

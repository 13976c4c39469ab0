/** Text similarity for duplicate reports: Dice coefficient over character bigrams, robust for Chinese. */
export function textSimilarity(a: string, b: string): number {
  const left = bigrams(normalise(a));
  const right = bigrams(normalise(b));
  if (left.size === 0 || right.size === 0) return 0;
  let shared = 0;
  for (const gram of left) if (right.has(gram)) shared++;
  return (2 * shared) / (left.size + right.size);
}

function normalise(text: string): string {
  // Punctuation, spaces and emoji say nothing about which problem it is.
  return text.toLowerCase().replace(/[\s\p{P}\p{S}]+/gu, "");
}

function bigrams(text: string): Set<string> {
  const chars = Array.from(text);
  const grams = new Set<string>();
  if (chars.length === 1) grams.add(chars[0]!);
  for (let i = 0; i + 1 < chars.length; i++) grams.add(chars[i]! + chars[i + 1]!);
  return grams;
}

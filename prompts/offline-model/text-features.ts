import type { Segmenter } from "./jieba-segmenter";
import { normaliseText } from "./normalise-text";

export interface FeatureOptions {
  /** Character n-grams from charMin to charMax code points long, taken inside whitespace-separated runs. */
  readonly charMin: number;
  readonly charMax: number;
  /** jieba words, and pairs of neighbouring words. */
  readonly words: boolean;
  readonly wordBigrams: boolean;
}

export const DEFAULT_FEATURE_OPTIONS: FeatureOptions = {
  charMin: 1,
  charMax: 3,
  words: true,
  wordBigrams: true,
};

// Prefixes keep the kinds apart: the character 灯 and the word 灯 are different features.
const CHAR = "c:";
const WORD = "w:";
const BIGRAM = "b:";
const PUNCTUATION_ONLY = /^[\s\p{P}\p{S}]*$/u;
// Symbols are punctuation to the regex above, but emoji carry meaning (😭, 🙏, 👍).
const EMOJI = /\p{Extended_Pictographic}/u;

function isWordToken(token: string): boolean {
  return !PUNCTUATION_ONLY.test(token) || EMOJI.test(token);
}

/** Features of one text with their counts. */
export function extractFeatures(
  text: string,
  options: FeatureOptions,
  segment: Segmenter,
): Map<string, number> {
  const counts = new Map<string, number>();
  forEachFeature(text, options, segment, (feature) => counts.set(feature, (counts.get(feature) ?? 0) + 1));
  return counts;
}

/** Calls `add` once for every occurrence of every feature of the text (no intermediate map). */
export function forEachFeature(
  text: string,
  options: FeatureOptions,
  segment: Segmenter,
  add: (feature: string) => void,
): void {
  const normalised = normaliseText(text);
  for (const run of normalised.split(" ")) {
    // Code-point boundaries, so an emoji (two UTF-16 units) is one character of an n-gram.
    const starts: number[] = [];
    for (let i = 0; i < run.length; i += (run.codePointAt(i) ?? 0) > 0xffff ? 2 : 1) starts.push(i);
    starts.push(run.length);
    const length = starts.length - 1;
    for (let n = options.charMin; n <= options.charMax; n++) {
      for (let i = 0; i + n <= length; i++) add(CHAR + run.slice(starts[i], starts[i + n]));
    }
  }
  if (options.words || options.wordBigrams) {
    const words = segment(normalised).filter(isWordToken);
    if (options.words) for (const word of words) add(WORD + word);
    if (options.wordBigrams) {
      for (let i = 0; i + 1 < words.length; i++) add(`${BIGRAM}${words[i]}|${words[i + 1]}`);
    }
  }
}

/** A feature as a person reads it in a reason: "c:楼道" → 楼道, "b:没|亮" → 没亮, "b:the|lift" → the lift. */
export function displayFeature(feature: string): string {
  const body = feature.slice(2);
  if (!feature.startsWith(BIGRAM)) return body;
  const [left = "", right = ""] = body.split("|");
  return /[a-z0-9#]$/i.test(left) && /^[a-z0-9#]/i.test(right) ? `${left} ${right}` : left + right;
}

/** The jieba words of a text, as training needs them to pick the dictionary lines it keeps. */
export function wordsOf(text: string, segment: Segmenter): string[] {
  return segment(normaliseText(text)).filter(isWordToken);
}

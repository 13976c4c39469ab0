import { Jieba } from "@node-rs/jieba";

/** Splits normalised text into words. */
export type Segmenter = (text: string) => readonly string[];

let fullDictionary: Jieba | null = null;

/** jieba with its full dictionary (5 MB, about 0.3 s to load): used only while training. */
async function fullJieba(): Promise<Jieba> {
  if (!fullDictionary) {
    const { dict } = await import("@node-rs/jieba/dict");
    fullDictionary = Jieba.withDict(dict);
  }
  return fullDictionary;
}

export async function fullDictionarySegmenter(): Promise<Segmenter> {
  const jieba = await fullJieba();
  return (text) => jieba.cut(text, false);
}

/**
 * The lines of jieba's dictionary ("word freq tag") for the words a corpus uses. The model file
 * keeps them, so loading needs no 5 MB dictionary and segmentation cannot drift when jieba's
 * dictionary changes; training and classifying segment with the same small dictionary.
 */
export async function dictionaryFor(words: ReadonlySet<string>): Promise<string> {
  const { dict } = await import("@node-rs/jieba/dict");
  const lines: string[] = [];
  for (const line of Buffer.from(dict).toString("utf8").split("\n")) {
    const word = line.slice(0, line.indexOf(" "));
    if (word && words.has(word)) lines.push(line);
  }
  return lines.join("\n");
}

export function dictionarySegmenter(dictionary: string): Segmenter {
  const jieba = Jieba.withDict(Buffer.from(dictionary, "utf8"));
  return (text) => jieba.cut(text, false);
}

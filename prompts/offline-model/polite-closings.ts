import type { LabelledText } from "./training-corpus";

const CHINESE_CLOSINGS = [
  "，谢谢！",
  "，辛苦了🙏",
  "，麻烦尽快处理，谢谢",
  "。谢谢网格员",
  "，谢谢啦",
  "，辛苦网格员了",
  " 谢谢🙏",
  "，拜托了，谢谢",
  "。辛苦辛苦",
  "，麻烦了！",
];
const ENGLISH_CLOSINGS = [", thanks!", ". Thank you", ", thanks a lot 🙏", ". Cheers"];

/**
 * Residents end reports with thanks (谢谢, 辛苦了), and the model read a third of those as
 * chitchat. Every third report line also trains with a closing (chosen in turn, so training stays
 * deterministic): thanks at the end do not change what is being reported.
 */
export function withPoliteClosings(lines: readonly LabelledText[]): LabelledText[] {
  const extra: LabelledText[] = [];
  let turn = 0;
  lines.forEach((line, index) => {
    if (line.intent !== "report" || index % 3 !== 0) return;
    const english = !/[\u4e00-\u9fff]/.test(line.text);
    const closings = english ? ENGLISH_CLOSINGS : CHINESE_CLOSINGS;
    const closing = closings[turn++ % closings.length]!;
    extra.push({
      ...line,
      text: `${line.text.replace(/[。！!.，,\s]+$/u, "")}${closing}`,
      origin: `${line.origin}+closing`,
    });
  });
  return [...lines, ...extra];
}

import type { ScoredLabel } from "../../core/understanding/understanding";
import { type DangerCue, dangerCuesIn } from "./danger-cues";
import { dictionarySegmenter, type Segmenter } from "./jieba-segmenter";
import { argmax, type LinearHead, probabilities } from "./linear-head";
import type { OfflineModel } from "./offline-model";
import { idfToThe, type SparseVector, scaled, textFrequencies } from "./sparse-vector";
import { displayFeature } from "./text-features";

/** One head's answer: every label it knows with its calibrated probability, best first. */
export interface HeadAnswer {
  readonly ranked: readonly ScoredLabel[];
  /** The features that pushed most toward the best label, as a person reads them. */
  readonly evidence: readonly string[];
}

export interface PriorityAnswer extends HeadAnswer {
  readonly priority: string;
  /** Why the priority is what it is, e.g. "priority urgent (safety net: gas smell; P(urgent)=0.41)". */
  readonly reason: string;
}

export interface Classification {
  readonly intent: HeadAnswer;
  readonly category: HeadAnswer;
  readonly priority: PriorityAnswer;
}

const EVIDENCE_COUNT = 3;
// Overlapping n-grams (楼道, 楼道灯, 道灯) are skipped, so look at a few more than are shown.
const CANDIDATES = 10;

/** Runs a loaded model: text → the three heads' calibrated answers with their evidence. */
export class OfflineClassifier {
  private readonly vocabulary: Map<string, number>;
  private readonly segment: Segmenter;
  /** Per head, each feature's mean weight over the labels (evidence is measured against it). */
  private readonly meanWeights: Map<LinearHead, Float32Array>;
  /** Per head, idf^power of each feature. */
  private readonly factors: Map<LinearHead, Float32Array>;

  constructor(readonly model: OfflineModel) {
    this.vocabulary = new Map(model.vocabulary.map((feature, i) => [feature, i]));
    this.segment = dictionarySegmenter(model.dictionary);
    const heads = [model.intent, model.category, model.priority];
    this.meanWeights = new Map(heads.map((head) => [head, meanPerFeature(head)]));
    this.factors = new Map(heads.map((head) => [head, idfToThe(model.idf, head.idfPower)]));
  }

  /** The category codes this model can answer. */
  get categories(): readonly string[] {
    return this.model.category.labels;
  }

  /** Term frequencies of the text's known features; each head weighs them its own way. */
  frequenciesOf(text: string): SparseVector {
    return textFrequencies(text, this.vocabulary, this.model.features, this.segment);
  }

  classify(text: string): Classification {
    const tf = this.frequenciesOf(text);
    const input = (head: LinearHead) =>
      scaled(tf, this.factors.get(head) ?? idfToThe(this.model.idf, head.idfPower));
    return {
      intent: this.answer(this.model.intent, input(this.model.intent)),
      category: this.answer(this.model.category, input(this.model.category)),
      priority: this.priority(text, input(this.model.priority)),
    };
  }

  private answer(head: LinearHead, x: SparseVector): HeadAnswer {
    const p = probabilities(head, x);
    const ranked = head.labels
      .map((code, i) => ({ code, confidence: p[i]! }))
      .sort((a, b) => b.confidence - a.confidence);
    return { ranked, evidence: this.evidence(head, x, argmax(p)) };
  }

  /**
   * The head's best level, except: a danger cue (see danger-cues.ts) or a calibrated P(urgent) at
   * or above the threshold fitted on held-out lines makes it urgent, because missing an urgent
   * report is the costly mistake.
   */
  private priority(text: string, x: SparseVector): PriorityAnswer {
    const answer = this.answer(this.model.priority, x);
    const best = answer.ranked[0] ?? { code: "normal", confidence: 0 };
    const urgent = answer.ranked.find((r) => r.code === "urgent");
    const cues: DangerCue[] = dangerCuesIn(text);
    const pUrgent = urgent?.confidence ?? 0;
    if (cues.length > 0) {
      const names = cues.map((c) => c.name).join(", ");
      return {
        ...answer,
        priority: "urgent",
        reason: `priority urgent (safety net: ${names}; P(urgent)=${pUrgent.toFixed(2)})`,
      };
    }
    if (urgent && best.code !== "urgent" && pUrgent >= this.model.urgentThreshold) {
      const evidence = this.evidence(this.model.priority, x, this.model.priority.labels.indexOf("urgent"));
      return {
        ...answer,
        evidence,
        priority: "urgent",
        reason: `priority urgent (P(urgent)=${pUrgent.toFixed(2)} ≥ ${this.model.urgentThreshold}): ${evidence.join(", ")}`,
      };
    }
    return {
      ...answer,
      priority: best.code,
      reason: `priority ${best.code} (${best.confidence.toFixed(2)}): ${answer.evidence.join(", ")}`,
    };
  }

  /**
   * The features that raised this label's score most compared with the other labels
   * (value × (weight − mean weight of the feature)), leaving out one that overlaps a stronger one.
   */
  private evidence(head: LinearHead, x: SparseVector, label: number): string[] {
    const labelCount = head.labels.length;
    const means = this.meanWeights.get(head) ?? meanPerFeature(head);
    // The strongest few pushes, kept sorted by insertion (cheaper than sorting them all).
    const top: { feature: number; push: number }[] = [];
    for (let k = 0; k < x.indices.length; k++) {
      const feature = x.indices[k]!;
      const push = x.values[k]! * (head.weights[feature * labelCount + label]! - means[feature]!);
      if (push <= 0 || (top.length === CANDIDATES && push <= top[CANDIDATES - 1]!.push)) continue;
      let at = top.length;
      while (at > 0 && top[at - 1]!.push < push) at--;
      top.splice(at, 0, { feature, push });
      if (top.length > CANDIDATES) top.pop();
    }
    // A longer feature replaces a shorter one it contains (不 → 不亮), which reads better.
    let chosen: string[] = [];
    for (const { feature } of top) {
      const shown = displayFeature(this.model.vocabulary[feature]!).trim();
      if (!shown || chosen.some((c) => c.includes(shown))) continue;
      const shorter = chosen.findIndex((c) => shown.includes(c));
      if (shorter >= 0) {
        chosen[shorter] = shown;
        chosen = chosen.filter((c, i) => i === shorter || !shown.includes(c));
      } else if (chosen.length < EVIDENCE_COUNT) chosen.push(shown);
    }
    return chosen;
  }
}

function meanPerFeature(head: LinearHead): Float32Array {
  const labelCount = head.labels.length;
  const means = new Float32Array(head.weights.length / labelCount);
  for (let f = 0; f < means.length; f++) {
    let sum = 0;
    for (let c = 0; c < labelCount; c++) sum += head.weights[f * labelCount + c]!;
    means[f] = sum / labelCount;
  }
  return means;
}

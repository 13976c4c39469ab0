/** One answer to score: what the file says, and what the model said ("(none)" when it gave none). */
export interface LabelPair {
  readonly gold: string;
  readonly predicted: string;
}

export interface LabelScore {
  readonly label: string;
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
  /** Lines whose gold label this is. */
  readonly support: number;
  /** Lines predicted as this label. */
  readonly predicted: number;
}

export interface Confusion {
  readonly gold: string;
  readonly predicted: string;
  readonly count: number;
}

export interface TaskMetrics {
  readonly n: number;
  readonly accuracy: number;
  /** Unweighted mean F1 over every label that is a gold or a predicted label (as scikit-learn does). */
  readonly macroF1: number;
  readonly perLabel: readonly LabelScore[];
  /** Wrong answers grouped by (gold, predicted), most frequent first. */
  readonly confusions: readonly Confusion[];
}

const ratio = (a: number, b: number) => (b === 0 ? 0 : a / b);

/** Labels in the order given first (the taxonomy order), then any others in order of appearance. */
function labelsOf(pairs: readonly LabelPair[], order: readonly string[]): string[] {
  const present = new Set(pairs.flatMap((p) => [p.gold, p.predicted]));
  const ordered = order.filter((label) => present.has(label));
  for (const label of present) if (!ordered.includes(label)) ordered.push(label);
  return ordered;
}

export function classificationMetrics(
  pairs: readonly LabelPair[],
  order: readonly string[] = [],
): TaskMetrics {
  const labels = labelsOf(pairs, order);
  const perLabel = labels.map((label): LabelScore => {
    const truePositive = pairs.filter((p) => p.gold === label && p.predicted === label).length;
    const support = pairs.filter((p) => p.gold === label).length;
    const predicted = pairs.filter((p) => p.predicted === label).length;
    const precision = ratio(truePositive, predicted);
    const recall = ratio(truePositive, support);
    return {
      label,
      precision,
      recall,
      f1: ratio(2 * precision * recall, precision + recall),
      support,
      predicted,
    };
  });
  const wrong = new Map<string, Confusion>();
  for (const p of pairs) {
    if (p.gold === p.predicted) continue;
    const key = `${p.gold}\u0000${p.predicted}`;
    const seen = wrong.get(key);
    wrong.set(key, { gold: p.gold, predicted: p.predicted, count: (seen?.count ?? 0) + 1 });
  }
  return {
    n: pairs.length,
    accuracy: ratio(pairs.filter((p) => p.gold === p.predicted).length, pairs.length),
    macroF1: ratio(
      perLabel.reduce((sum, s) => sum + s.f1, 0),
      perLabel.length,
    ),
    perLabel,
    // Stable order for ties: by count, then by where the labels come in the taxonomy.
    confusions: [...wrong.values()].sort(
      (a, b) =>
        b.count - a.count ||
        labels.indexOf(a.gold) - labels.indexOf(b.gold) ||
        labels.indexOf(a.predicted) - labels.indexOf(b.predicted),
    ),
  };
}

/** Share of the lines with gold `label` that were predicted as `label` (0 when there are none). */
export function recallOf(pairs: readonly LabelPair[], label: string): number {
  const gold = pairs.filter((p) => p.gold === label);
  return ratio(gold.filter((p) => p.predicted === label).length, gold.length);
}

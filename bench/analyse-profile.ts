// npx tsx bench/analyse-profile.ts FILE.cpuprofile [--top 25] [--exclude REGEX]
// Self time per function and per area (Prisma client, its query compiler, better-sqlite3, zod,
// pino, the offline model …) from a V8 CPU profile written by `node --cpu-prof`.
import { readFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

const AREAS: [RegExp, string][] = [
  [/query_compiler|wasm:\/\//, "prisma query compiler (wasm)"],
  [/generated\/client\/runtime|@prisma\/client/, "prisma client runtime (js)"],
  [/adapter-better-sqlite3/, "prisma better-sqlite3 adapter"],
  [/better-sqlite3/, "better-sqlite3 (js wrapper)"],
  [/node_modules\/zod/, "zod"],
  [/node_modules\/(pino|sonic-boom|thread-stream|fast-redact)/, "pino logging"],
  [/node_modules\/@node-rs\/jieba/, "jieba segmenter"],
  [/prompts\/offline-model|prompts\/place-hints/, "offline understanding"],
  [/\/core\//, "core"],
  [/\/bot\//, "bot"],
  [/\/db\//, "db repositories"],
  [/\/app\//, "app"],
  [/\/bench\//, "bench harness"],
  [/node_modules\/(tsx|esbuild)|^node:|^internal\//, "node / tsx internals"],
];

function areaOf(node: ProfileNode): string {
  const { url, functionName } = node.callFrame;
  if (!url) {
    if (functionName === "(garbage collector)") return "garbage collector";
    if (functionName === "(idle)") return "idle";
    if (functionName === "(program)") return "(program: native, not attributed)";
    return `native: ${functionName || "(anonymous)"}`;
  }
  for (const [pattern, name] of AREAS) if (pattern.test(url)) return name;
  return "other js";
}

/** `exclude`: drop samples with a frame whose file matches (e.g. the raw-rows ceiling run in the same process). */
export function analyseProfile(file: string, top = 25, exclude?: RegExp) {
  const profile = JSON.parse(readFileSync(file, "utf8")) as CpuProfile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parentOf = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parentOf.set(c, n.id);
  if (exclude) {
    const excluded = new Map<number, boolean>();
    const isExcluded = (id: number): boolean => {
      const known = excluded.get(id);
      if (known !== undefined) return known;
      const up = parentOf.get(id);
      const value = exclude.test(byId.get(id)!.callFrame.url) || (up !== undefined && isExcluded(up));
      excluded.set(id, value);
      return value;
    };
    const samples: number[] = [];
    const deltas: number[] = [];
    profile.samples.forEach((id, i) => {
      if (isExcluded(id)) return;
      samples.push(id);
      deltas.push(profile.timeDeltas[i] ?? 0);
    });
    profile.samples = samples;
    profile.timeDeltas = deltas;
  }
  const selfUs = new Map<number, number>();
  profile.samples.forEach((id, i) => {
    selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
  });
  const totalUs = profile.timeDeltas.reduce((sum, d) => sum + d, 0);
  // Inclusive time of the project's own functions (not node_modules): each sample counts once for
  // every distinct function on its stack, so the repository method a query came from shows.
  const parent = parentOf;
  const keyOf = (node: ProfileNode) => {
    const { functionName, url, lineNumber } = node.callFrame;
    return `${functionName || "(anonymous)"} ${url ? `${path.basename(url)}:${lineNumber + 1}` : ""}`.trim();
  };
  const inclusive = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const node = byId.get(at)!;
      const { url } = node.callFrame;
      if (
        !url ||
        url.includes("node_modules") ||
        url.includes("/generated/") ||
        !/\/(core|db|bot|app|prompts)\//.test(url)
      )
        continue;
      seen.add(keyOf(node));
    }
    for (const key of seen) inclusive.set(key, (inclusive.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0));
  });
  const fns = new Map<string, number>();
  const areas = new Map<string, number>();
  for (const [id, us] of selfUs) {
    const node = byId.get(id)!;
    const { functionName, url, lineNumber } = node.callFrame;
    const where = url ? `${path.basename(url)}:${lineNumber + 1}` : "";
    const key = `${functionName || "(anonymous)"} ${where}`.trim();
    fns.set(key, (fns.get(key) ?? 0) + us);
    const area = areaOf(node);
    areas.set(area, (areas.get(area) ?? 0) + us);
  }
  const share = (us: number) => `${((100 * us) / totalUs).toFixed(1)}%`;
  const sorted = (m: Map<string, number>) => [...m.entries()].sort((a, b) => b[1] - a[1]);
  return {
    totalMs: totalUs / 1000,
    areas: sorted(areas).map(([name, us]) => ({ name, ms: Math.round(us / 1000), share: share(us) })),
    functions: sorted(fns)
      .slice(0, top)
      .map(([name, us]) => ({ name, ms: Math.round(us / 1000), share: share(us) })),
    inclusive: sorted(inclusive)
      .slice(0, top)
      .map(([name, us]) => ({ name, ms: Math.round(us / 1000), share: share(us) })),
  };
}

if (process.argv[1] && path.basename(process.argv[1]) === "analyse-profile.ts") {
  const { values, positionals } = parseArgs({
    options: { top: { type: "string", default: "25" }, exclude: { type: "string" } },
    allowPositionals: true,
  });
  for (const file of positionals) {
    const report = analyseProfile(
      file,
      Number(values.top),
      values.exclude ? new RegExp(values.exclude) : undefined,
    );
    console.log(`${file}: ${report.totalMs.toFixed(0)} ms profiled`);
    console.log("by area (self time):");
    for (const a of report.areas)
      console.log(`  ${a.share.padStart(6)} ${String(a.ms).padStart(7)} ms  ${a.name}`);
    console.log("top functions (self time):");
    for (const f of report.functions)
      console.log(`  ${f.share.padStart(6)} ${String(f.ms).padStart(7)} ms  ${f.name}`);
    console.log("the project's functions (inclusive time):");
    for (const f of report.inclusive)
      console.log(`  ${f.share.padStart(6)} ${String(f.ms).padStart(7)} ms  ${f.name}`);
  }
}

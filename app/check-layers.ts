// The dependency rule of ../shared/DESIGN.md, checked on every `npm test` (through `npm run lint`):
//   core    imports only core and zod (tests may also use vitest), and never reads process.env;
//   prompts, db, bot import core and themselves, never each other, never app;
//   only db knows Prisma.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

export const LAYERS = ["core", "prompts", "db", "bot", "app"] as const;
type Layer = (typeof LAYERS)[number];

export interface Violation {
  readonly file: string;
  readonly line: number;
  readonly message: string;
}

const IMPORT = /(?:\bfrom\s+|\bimport\s*\(\s*|\bimport\s+|\brequire\s*\(\s*)["']([^"']+)["']/g;
const PRISMA = /^(@prisma\/|\.prisma\/|prisma$|prisma\/)/;

function layerOf(root: string, file: string): Layer | null {
  const top = path.relative(root, file).split(path.sep)[0];
  return (LAYERS as readonly string[]).includes(top ?? "") ? (top as Layer) : null;
}

/** Check one file's text; `file` is its path, used to resolve relative imports and to name the layer. */
export function checkSource(root: string, file: string, text: string): Violation[] {
  const layer = layerOf(root, file);
  if (!layer || layer === "app") return [];
  const isTest = /\.test\.ts$/.test(file);
  const violations: Violation[] = [];
  const lines = text.split("\n");
  lines.forEach((lineText, index) => {
    const report = (message: string) =>
      violations.push({ file: path.relative(root, file), line: index + 1, message });
    if (layer === "core" && /\bprocess\.env\b/.test(lineText) && !lineText.trim().startsWith("//")) {
      report("core reads process.env: configuration is read once in app/config.ts and passed in");
    }
    for (const match of lineText.matchAll(IMPORT)) {
      const specifier = match[1]!;
      if (specifier.startsWith(".")) {
        const target = layerOf(root, path.resolve(path.dirname(file), specifier));
        if (target === null || target === layer) continue;
        if (target === "core") continue;
        if (layer === "core")
          report(`core imports "${specifier}" from ${target}/: core may import only core and zod`);
        else if (target === "app")
          report(`${layer} imports "${specifier}" from app/: only app imports everything`);
        else
          report(
            `${layer} imports "${specifier}" from ${target}/: prompts, db and bot import core, never each other`,
          );
        continue;
      }
      if (specifier.startsWith("node:") && layer !== "core") continue;
      if (layer === "core") {
        if (specifier === "zod" || (isTest && specifier === "vitest")) continue;
        report(`core imports "${specifier}": core may import only core and zod (ports for the rest)`);
      } else if (layer !== "db" && PRISMA.test(specifier)) {
        report(`${layer} imports "${specifier}": only db/ knows Prisma; use a repository port from core`);
      }
    }
  });
  return violations;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    if (name === "node_modules" || name === "generated") return [];
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.(ts|mts|tsx|js|mjs)$/.test(name) ? [full] : [];
  });
}

export function checkTree(root: string): Violation[] {
  return LAYERS.flatMap((layer) => {
    const dir = path.join(root, layer);
    try {
      statSync(dir);
    } catch {
      return [];
    }
    return sourceFiles(dir).flatMap((file) => checkSource(root, file, readFileSync(file, "utf8")));
  });
}

if (process.argv[1]?.endsWith("check-layers.ts")) {
  const root = path.resolve(import.meta.dirname, "..");
  const violations = checkTree(root);
  if (violations.length > 0) {
    process.stderr.write("Dependency rule broken (see ../shared/DESIGN.md, Architecture):\n");
    for (const v of violations) process.stderr.write(`  ${v.file}:${v.line}  ${v.message}\n`);
    process.exit(1);
  }
  process.stdout.write("dependency rule: ok\n");
}

import { readFileSync } from "node:fs";
import { DEFAULT_WARNING_RULES, type WarningRules, warningRulesSchema } from "../core/warnings/warning-rules";
import { ConfigError } from "./config";

/**
 * The warning rules: the defaults, or WARNING_RULES_FILE (JSON, the whole set, checked with zod at
 * start). A bad file stops start-up with the setting's name and what is wrong in it.
 */
export function loadWarningRules(file: string | undefined): WarningRules {
  if (!file) return DEFAULT_WARNING_RULES;
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    throw new ConfigError(`WARNING_RULES_FILE: cannot read ${file} as JSON: ${(error as Error).message}`);
  }
  const parsed = warningRulesSchema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues
      .map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`)
      .join("; ");
    throw new ConfigError(`WARNING_RULES_FILE: ${file}: ${problems}`);
  }
  return parsed.data;
}

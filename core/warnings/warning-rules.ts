import { z } from "zod";
import { PLACE_LEVELS } from "../places/place";
import { vulnerableTagSchema } from "../registry/resident";

const categories = z.union([z.literal("*"), z.array(z.string().min(1)).min(1)]);

/**
 * The warning rules and their thresholds: configuration (WARNING_RULES_FILE), checked here once.
 * Every rule can be switched off by leaving its list empty or setting `enabled: false`.
 */
export const warningRulesSchema = z
  .object({
    /** N cases of one category in one building or grid within a window (three gas smells in a week). */
    clusters: z
      .array(
        z.object({
          categories,
          level: z.enum(["building", "grid"]),
          minCases: z.number().int().min(2).max(1000),
          windowHours: z
            .number()
            .int()
            .min(1)
            .max(24 * 90),
        }),
      )
      .max(50),
    /**
     * Today's count of a category in a scope far above its usual level. The usual level is the same
     * weekday of the past `baselineWeeks` weeks over the same hours (midnight to now), so Monday
     * mornings are compared with Monday mornings; "far above" is an exact Poisson upper tail below
     * `pValue`, with the baseline floored at `minBaseline` (a category never seen is not "infinitely"
     * above zero) and at least `minCount` cases today (small counts raise nothing).
     */
    spike: z.object({
      enabled: z.boolean(),
      level: z.enum(PLACE_LEVELS).exclude(["building"]),
      baselineWeeks: z.number().int().min(2).max(26),
      minCount: z.number().int().min(2).max(10_000),
      pValue: z.number().positive().max(0.1),
      minBaseline: z.number().positive().max(10),
    }),
    /** The same place and category again soon after a case was closed, or a case reopened: the fix did not hold. */
    repeat: z.object({
      enabled: z.boolean(),
      withinDays: z.number().int().min(1).max(90),
    }),
    /** An outage of these categories in a building where registered vulnerable residents live. */
    exposure: z.object({
      enabled: z.boolean(),
      categories: z.array(z.string().min(1)),
      /** Words that make a case of those categories an outage (a lift is always one). */
      outageWords: z.array(z.string().min(1)),
      alwaysOutage: z.array(z.string().min(1)),
      tags: z.array(vulnerableTagSchema).min(1),
    }),
  })
  .strict();
export type WarningRules = z.infer<typeof warningRulesSchema>;

export const DEFAULT_WARNING_RULES: WarningRules = {
  clusters: [
    {
      categories: ["utilities", "fire_safety", "public_security"],
      level: "building",
      minCases: 3,
      windowHours: 7 * 24,
    },
    { categories: "*", level: "grid", minCases: 6, windowHours: 48 },
  ],
  spike: {
    enabled: true,
    level: "community",
    baselineWeeks: 8,
    minCount: 5,
    pValue: 0.001,
    minBaseline: 0.5,
  },
  repeat: { enabled: true, withinDays: 14 },
  exposure: {
    enabled: true,
    categories: ["utilities", "elevator"],
    outageWords: [
      "停水",
      "没水",
      "断水",
      "停电",
      "没电",
      "断电",
      "跳闸",
      "暖气",
      "供暖",
      "不热",
      "没气",
      "停气",
      "outage",
      "no water",
      "no power",
      "heating",
    ],
    alwaysOutage: ["elevator"],
    tags: ["elderly_alone", "elderly", "disabled", "pregnant", "chronic_illness"],
  },
};

export function categoryMatches(rule: { categories: "*" | readonly string[] }, code: string | null): boolean {
  if (!code) return false;
  return rule.categories === "*" || rule.categories.includes(code);
}

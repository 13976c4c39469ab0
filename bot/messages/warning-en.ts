import { caseList, type WarningMessages } from "./warning-messages";

export const warningEn: WarningMessages = {
  warning: (p) => {
    const cases = `Cases: ${caseList(p.cases, ", ")}`;
    switch (p.rule) {
      case "cluster":
        return [
          `⚠️ Warning · ${p.grown ? "cluster growing" : "cluster"}: ${p.count} ${p.category} cases at ${p.place} within ${p.windowHours ?? "?"} hours — possibly one hazard; please inspect.`,
          cases,
        ].join("\n");
      case "spike":
        return [
          `⚠️ Warning · spike: ${p.count} ${p.category} cases at ${p.place} today; the same hours of the same weekday averaged ${p.baselineMean} over the past ${p.baselineWeeks} weeks.`,
          cases,
        ].join("\n");
      case "repeat":
        return [
          `⚠️ Warning · repeat: ${p.category} at ${p.place} again${p.previous ? ` soon after ${p.previous} was closed` : ""}; the fix may not have held.`,
          cases,
        ].join("\n");
      case "exposure":
        return [
          `⚠️ Warning · vulnerable residents: a ${p.category} outage at ${p.place}, where registered vulnerable residents live. Please contact each soon.`,
          cases,
        ].join("\n");
    }
  },
  ruleName: (rule) =>
    ({ cluster: "cluster", spike: "spike", repeat: "repeat", exposure: "vulnerable residents" })[rule],
  exposureResidents: (p) => ["Please check on (for work only; do not forward):", ...p.lines].join("\n"),
  buttonAcknowledge: () => "I'll handle it ✅",
  acknowledged: (p) => `Acknowledged: ${p.by} follows it up.`,
  askNote: () => "You may reply with a line on what you will do (optional).",
  openList: (p) => ["Open warnings:", ...p.lines].join("\n"),
  noOpen: () => "No open warnings in your area.",
  summaryLine: (p) => `Warnings ${p.raised}${p.open ? ` (${p.open} open)` : ""}`,
};

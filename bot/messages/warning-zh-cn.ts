import { caseList, type WarningMessages } from "./warning-messages";

export const warningZhCn: WarningMessages = {
  warning: (p) => {
    const cases = `涉及工单：${caseList(p.cases, "、")}`;
    switch (p.rule) {
      case "cluster":
        return [
          `⚠️ 预警·${p.grown ? "聚集增加" : "聚集"}：${p.place} ${p.windowHours ?? ""}小时内有 ${p.count} 起${p.category}问题，可能是同一隐患，请排查。`,
          cases,
        ].join("\n");
      case "spike":
        return [
          `⚠️ 预警·激增：${p.place} 今天已有 ${p.count} 起${p.category}，过去 ${p.baselineWeeks} 周同一天同时段平均 ${p.baselineMean} 起，明显偏高。`,
          cases,
        ].join("\n");
      case "repeat":
        return [
          `⚠️ 预警·反复：${p.place} 的${p.category}问题${p.previous ? `在 ${p.previous} 办结后不久` : ""}又出现了，上次的处理可能没有解决根本。`,
          cases,
        ].join("\n");
      case "exposure":
        return [
          `⚠️ 预警·重点人群：${p.place} 出现${p.category}停运/中断，楼里有登记的重点人群，请尽快逐户联系确认。`,
          cases,
        ].join("\n");
    }
  },
  ruleName: (rule) => ({ cluster: "聚集", spike: "激增", repeat: "反复", exposure: "重点人群" })[rule],
  exposureResidents: (p) => ["请联系（仅限工作使用，勿转发）：", ...p.lines].join("\n"),
  buttonAcknowledge: () => "我来处理 ✅",
  acknowledged: (p) => `已确认，由 ${p.by} 跟进。`,
  askNote: () => "可以回复一句说明打算怎么处理（可选）。",
  openList: (p) => ["未确认的预警：", ...p.lines].join("\n"),
  noOpen: () => "您负责的范围内没有未确认的预警。",
  summaryLine: (p) => `预警 ${p.raised} 条${p.open ? `（${p.open} 条未确认）` : ""}`,
};

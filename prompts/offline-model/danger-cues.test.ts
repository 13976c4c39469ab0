import { describe, expect, it } from "vitest";
import { DANGER_CUES, dangerCuesIn } from "./danger-cues";
import { readCorpus } from "./training-corpus";

describe("dangerCuesIn", () => {
  it.each([
    ["电梯困人了，3栋2单元", "trapped in a lift"],
    ["我被关在电梯里了", "trapped in a lift"],
    ["my kid is stuck in the lift alone", "trapped in a lift"],
    ["楼道里好大一股煤气味", "gas smell"],
    ["燃气管子嘶嘶地漏气", "gas smell"],
    ["strong smell of gas in the garage", "gas smell"],
    ["楼下电动车着火了", "fire or smoke"],
    ["配电箱在冒烟", "fire or smoke"],
    ["有个老人晕倒了叫不醒", "someone collapsed"],
    ["奶奶摔在地上起不来", "someone collapsed"],
    ["马桶往外冒粪水，已经淹到卧室了", "sewage flooding a home"],
    ["路灯杆的电线掉下来了", "live wire"],
    ["楼上漏水淹到插座了", "live wire"],
    ["独居的老太太好几天没出门了", "someone not seen for days"],
    ["已经打了120", "an ambulance is needed"],
    ["一条狗咬伤了小孩", "an animal attack"],
    ["有人拿刀在追人", "bleeding or a weapon"],
    ["救命啊", "a cry for help"],
  ])("%s → %s", (text, cue) => {
    expect(dangerCuesIn(text).map((c) => c.name)).toContain(cue);
  });

  it.each([
    "楼道里堆满纸箱，万一着火怎么办",
    "一旦着火整栋楼都跑不出去",
    "燃气灶打不着火",
    "燃气公司已到场 排查无泄漏",
    "电梯里的紧急按钮坏了，万一困人咋办",
    "3栋楼道灯不亮",
    "特困人员供养怎么申请",
    "楼下的狗一直叫",
    "能不能在社区放个血压计",
    "",
  ])("does not fire on %s", (text) => {
    expect(dangerCuesIn(text)).toEqual([]);
  });

  // The cues must stay precise: on the shipped corpus, a cue fires almost only on lines labelled urgent.
  it("fires almost only on urgent lines of the training corpus", async () => {
    const reports = (await readCorpus()).lines.filter((line) => line.priority !== null);
    const nonUrgent = reports.filter((line) => line.priority !== "urgent");
    const falseAlarms = nonUrgent.filter((line) => dangerCuesIn(line.text).length > 0);
    expect(falseAlarms.length / nonUrgent.length).toBeLessThan(0.01);
    for (const cue of DANGER_CUES) {
      const fired = reports.filter((line) => dangerCuesIn(line.text).includes(cue));
      const urgent = fired.filter((line) => line.priority === "urgent").length;
      expect(urgent / Math.max(1, fired.length), cue.name).toBeGreaterThanOrEqual(0.85);
    }
  });
});

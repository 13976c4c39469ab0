import { describe, expect, it } from "vitest";
import { type PlaceHintParts, parsePlaceHint, parseRegistryQuery, type RegistryQuery } from "./registry-text";

function query(placeHint: string | null, tags: RegistryQuery["tags"], mode: RegistryQuery["mode"] = "list") {
  return { placeHint, tags, mode };
}

describe("parseRegistryQuery: lists and counts asked for", () => {
  it.each<[string, RegistryQuery]>([
    ["3栋的独居老人", query("3栋", ["elderly_alone"])],
    ["东山街道 残疾人 名单", query("东山街道", ["disabled"])],
    ["我们网格有多少独居老人", query(null, ["elderly_alone"], "count")],
    ["独居老人有几个", query(null, ["elderly_alone"], "count")],
    ["春晖社区的孕妇和慢性病人员", query("春晖社区", ["pregnant", "chronic_illness"])],
    ["3栋2单元的住户", query("3栋2单元", [])],
    ["3栋住户名单", query("3栋", [])],
    ["list of disabled residents in building 3", query("building 3", ["disabled"])],
    ["查一下3栋的低保户", query("3栋", ["low_income"])],
    // "elderly living alone" names both tags; the list wanted is of those alone.
    ["how many elderly living alone in our grid?", query(null, ["elderly_alone"], "count")],
    ["3号楼有哪些残疾人？", query("3号楼", ["disabled"])],
    ["统计一下春晖社区的留守儿童人数", query("春晖社区", ["child"], "count")],
    ["独居老人名单", query(null, ["elderly_alone"])],
    ["第三网格的高龄老人", query("第三网格", ["elderly"])],
    ["本社区的孕产妇有多少", query(null, ["pregnant"], "count")],
    ["帮我列出5栋里面的慢性病人员和残疾人", query("5栋", ["disabled", "chronic_illness"])],
    ["春晖小区3栋的住户", query("春晖小区3栋", [])],
    ["空巢老人", query(null, ["elderly_alone"])],
    // A word the registry's own list lacks, read here too.
    ["3栋的孤老", query("3栋", ["elderly_alone"])],
    // The place may follow the tags.
    ["独居老人 3栋", query("3栋", ["elderly_alone"])],
    ["residents of building 5", query("building 5", [])],
    ["show pregnant women in Chunhui community", query("Chunhui community", ["pregnant"])],
    ["how many disabled residents", query(null, ["disabled"], "count")],
    ["3栋有几户低保户", query("3栋", ["low_income"], "count")],
    ["东山街道的独居老人和残疾人分别有多少", query("东山街道", ["elderly_alone", "disabled"], "count")],
    ["给我发一下春晖社区残疾人花名册", query("春晖社区", ["disabled"])],
    ["独居老人的名单发我一下", query(null, ["elderly_alone"])],
  ])("%s", (text, expected) => {
    expect(parseRegistryQuery(text)).toEqual(expected);
  });
});

describe("parseRegistryQuery: reports, entries and chat are not requests", () => {
  it.each([
    // Reports naming a tag or residents: a problem word makes them reports.
    "3栋独居老人家里漏水了",
    "3栋的路灯坏了 老人摔倒了",
    "3栋居民反映噪音太大",
    "楼上小孩太吵了",
    "3栋住户投诉楼上漏水",
    "老人家里停电了",
    "3栋垃圾没人管 老人出门不方便",
    "独居老人王奶奶今天没开门",
    "the elderly in building 3 have no water",
    // Registry entries.
    "3栋201 王奶奶 独居 电话13800001111",
    "登记 5号楼1单元302 张阿姨 孕妇",
    // Questions about one person or other business.
    "王奶奶是独居老人吗",
    "居民大会几点开",
    "3栋的志愿者名单",
    "独居老人需要帮忙吗",
    "独居老人情况怎么样",
    "3栋的老人要打疫苗",
    "3栋的独居老人搬走了",
    "你好",
    "明天开会",
    "",
    // Deliberately not understood: two places at once.
    "3栋和5栋的独居老人",
    // 里 is read as "in", so a place named 春晖里 is lost.
    "春晖里的独居老人",
  ])("%s → null", (text) => {
    expect(parseRegistryQuery(text)).toBeNull();
  });
});

describe("parsePlaceHint", () => {
  it.each<[string, PlaceHintParts]>([
    ["3栋2单元", { buildingHint: "3", unit: "2", name: null }],
    ["3栋", { buildingHint: "3", unit: null, name: null }],
    ["三栋", { buildingHint: "3", unit: null, name: null }],
    ["12号楼", { buildingHint: "12", unit: null, name: null }],
    ["十二栋二单元", { buildingHint: "12", unit: "2", name: null }],
    ["2单元", { buildingHint: null, unit: "2", name: null }],
    ["东山街道", { buildingHint: null, unit: null, name: "东山街道" }],
    ["春晖社区", { buildingHint: null, unit: null, name: "春晖社区" }],
    ["第三网格", { buildingHint: null, unit: null, name: "第三网格" }],
    ["春晖小区3号楼2单元", { buildingHint: "3", unit: "2", name: "春晖小区" }],
    ["building 3", { buildingHint: "3", unit: null, name: null }],
    ["building 3 unit 2", { buildingHint: "3", unit: "2", name: null }],
    ["Chunhui community", { buildingHint: null, unit: null, name: "Chunhui community" }],
  ])("%s", (hint, expected) => {
    expect(parsePlaceHint(hint)).toEqual(expected);
  });
});

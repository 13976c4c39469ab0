import { describe, expect, it } from "vitest";
import { parseRegistryUpdate, type RegistryUpdate } from "./registry-text";

const YEAR = 2025;

/** An entry at 3栋201 for 王奶奶 with nothing else known; each case overrides what it says. */
function entry(fields: Partial<RegistryUpdate>): RegistryUpdate {
  return {
    buildingHint: "3",
    unit: null,
    room: "201",
    name: "王奶奶",
    tags: [],
    phone: null,
    birthYear: null,
    emergencyContactName: null,
    emergencyContactPhone: null,
    moveOut: false,
    unread: [],
    problems: [],
    ...fields,
  };
}

describe("parseRegistryUpdate: entries as grid workers type them", () => {
  it.each<[string, RegistryUpdate]>([
    ["3栋201 王奶奶 独居 电话13800001111", entry({ tags: ["elderly_alone"], phone: "13800001111" })],
    [
      "3栋2单元201 李大爷 85岁 残疾 慢性病 电话 138-0000-1111 紧急联系人 李小明 13900002222",
      entry({
        unit: "2",
        name: "李大爷",
        tags: ["disabled", "chronic_illness"],
        phone: "13800001111",
        birthYear: 1940,
        emergencyContactName: "李小明",
        emergencyContactPhone: "13900002222",
      }),
    ],
    [
      "登记 5号楼1单元302 张阿姨 孕妇 手机13911112222",
      entry({
        buildingHint: "5",
        unit: "1",
        room: "302",
        name: "张阿姨",
        tags: ["pregnant"],
        phone: "13911112222",
      }),
    ],
    // A relative named with a phone is the emergency contact.
    [
      "12栋 101室 赵爷爷 独居老人 女儿王芳 13700001111",
      entry({
        buildingHint: "12",
        room: "101",
        name: "赵爷爷",
        tags: ["elderly_alone"],
        emergencyContactName: "王芳",
        emergencyContactPhone: "13700001111",
      }),
    ],
    ["3栋201 王奶奶 已搬走", entry({ moveOut: true })],
    ["3栋201 王奶奶 去世", entry({ moveOut: true })],
    [
      "building 3 room 201 Mrs Wang living alone phone 13800001111",
      entry({ name: "Mrs Wang", tags: ["elderly_alone"], phone: "13800001111" }),
    ],
    [
      "register building 12 unit 2 room 1203 Li Wei disabled age 45 emergency contact Li Na 13900002222",
      entry({
        buildingHint: "12",
        unit: "2",
        room: "1203",
        name: "Li Wei",
        tags: ["disabled"],
        birthYear: 1980,
        emergencyContactName: "Li Na",
        emergencyContactPhone: "13900002222",
      }),
    ],
    ["building 3 room 201 Mr Zhang passed away", entry({ name: "Mr Zhang", moveOut: true })],
    // Written without a single space.
    ["3栋201王奶奶独居电话13800001111", entry({ tags: ["elderly_alone"], phone: "13800001111" })],
    // Full-width digits, ideographic spaces and Chinese commas.
    ["３栋２０１　王奶奶，独居、低保", entry({ tags: ["elderly_alone", "low_income"] })],
    [
      "更新：3栋201，王奶奶，低保户，+86 138 0000 1111",
      entry({ tags: ["low_income"], phone: "13800001111" }),
    ],
    // Chinese numerals for the building, a birth year instead of an age.
    ["三栋201 王芳 1940年生", entry({ name: "王芳", birthYear: 1940 })],
    ["3栋201 王奶奶 八十五岁", entry({ birthYear: 1940 })],
    // Doors are often written building-unit-room; 孙女士 is a name although it holds 孙女.
    ["3-2-201 孙女士 孕妇", entry({ unit: "2", name: "孙女士", tags: ["pregnant"] })],
    // The name need not come first.
    ["3栋201 独居 王奶奶 电话13800001111", entry({ tags: ["elderly_alone"], phone: "13800001111" })],
    [
      "录入 3号楼201 欧阳老奶奶 空巢 老伴 欧阳明 电话 13700001111",
      entry({
        name: "欧阳老奶奶",
        tags: ["elderly_alone"],
        emergencyContactName: "欧阳明",
        emergencyContactPhone: "13700001111",
      }),
    ],
    ["3栋201 刘大爷 高龄 0571-87654321", entry({ name: "刘大爷", tags: ["elderly"], phone: "057187654321" })],
    [
      "3栋201 王芳 孕妇 紧急联系人 丈夫 李强 13900002222",
      entry({
        name: "王芳",
        tags: ["pregnant"],
        emergencyContactName: "李强",
        emergencyContactPhone: "13900002222",
      }),
    ],
    // A relative without a name: the relation is what the worker will call them.
    [
      "3栋201 王奶奶 儿子 13700001111",
      entry({ emergencyContactName: "儿子", emergencyContactPhone: "13700001111" }),
    ],
    ["3栋201 小王 残疾人 13800001111", entry({ name: "小王", tags: ["disabled"], phone: "13800001111" })],
    ["3栋 2单元 201室 张三 低保 特困", entry({ unit: "2", name: "张三", tags: ["low_income"] })],
    // Traditional characters for the phone label.
    ["3栋201 王奶奶 独居 電話13800001111", entry({ tags: ["elderly_alone"], phone: "13800001111" })],
  ])("%s", (text, expected) => {
    expect(parseRegistryUpdate(text, YEAR)).toEqual(expected);
  });
});

describe("parseRegistryUpdate: what is seen but not understood is reported", () => {
  it.each<[string, Partial<RegistryUpdate>]>([
    ["3栋201 王奶奶 独居 电话1380000111", { phone: null, problems: ["phone_invalid"] }],
    ["3栋201 王奶奶 独居 电话", { problems: ["phone_missing"] }],
    ["3栋201 王奶奶 电话13800001111 13800002222", { phone: "13800001111", problems: ["extra_phone"] }],
    ["3栋201 王奶奶 独居 身份证330102194001011234", { problems: ["id_number_ignored"] }],
    ["3栋201 王奶奶 独居 女儿王芳", { emergencyContactName: "王芳", problems: ["contact_phone_missing"] }],
    ["3栋201 王奶奶 独居 紧急联系人", { emergencyContactName: null, problems: ["contact_incomplete"] }],
    [
      "3栋201 王奶奶 紧急联系人 李小明 1390000222",
      { emergencyContactName: "李小明", problems: ["contact_phone_invalid"] },
    ],
    ["3栋201 王奶奶 200岁", { birthYear: null, problems: ["age_invalid"] }],
    ["3栋201 王奶奶 2030年生", { birthYear: null, problems: ["birth_year_invalid"] }],
    // A written birth year wins over an age that contradicts it.
    ["3栋201 王奶奶 1950年生 85岁", { birthYear: 1950, problems: ["age_conflict"] }],
    ["3栋201 王奶奶 1940年出生 84岁", { birthYear: 1940, problems: [] }],
    ["3栋201 王奶奶 二级残疾", { tags: ["disabled"], problems: ["unread_text"], unread: ["二级"] }],
    // The spouse died, not the resident: not a move-out, and left unread.
    [
      "3栋201 王奶奶 独居 老伴去世",
      { moveOut: false, tags: ["elderly_alone"], problems: ["unread_text"], unread: ["老伴去世"] },
    ],
  ])("%s", (text, expected) => {
    expect(parseRegistryUpdate(text, YEAR)).toMatchObject(expected);
  });
});

describe("parseRegistryUpdate: reports and other texts are not entries", () => {
  it.each([
    // Reports of problems at an address.
    "3栋201 漏水了",
    "3栋201 楼道灯坏了",
    "3栋201 卫生间漏水 电话13800001111",
    "3栋201 楼上太吵了 晚上睡不着",
    "3栋201 门口堆了垃圾没人清理",
    "3栋201 下水道堵了 13800001111",
    "3栋201 电梯坏了",
    "3栋201 停电了 联系13800001111",
    "3栋201 噪音扰民",
    "3栋201 有老鼠",
    "3栋201 楼道里有异味 麻烦处理一下",
    "building 3 room 201 water leaking",
    "building 3 room 201 the light is broken phone 13800001111",
    "building 3 room 201 noisy neighbours",
    // Events about a registered resident are reports too.
    "3栋201 王奶奶 独居 家里漏水了",
    "3栋201 王奶奶 今天摔倒了 电话13800001111",
    "3栋201 王奶奶 独居 联系不上",
    "3栋201 王奶奶 独居 水管爆了",
    "3栋201 王奶奶 独居 楼道堆满杂物",
    // An unread word ending in 了 tells of an event.
    "3栋201 王奶奶 独居 门锁不上了",
    // A question.
    "3栋201 王奶奶 独居吗",
    "3栋201 王奶奶 独居?",
    // No name: "家里没人" and "独居" are not names.
    "3栋201 家里没人 电话13800001111",
    "3栋201 独居 电话13800001111",
    "3栋201 需要帮忙 13800001111",
    // A name and nothing about them.
    "3栋201 王奶奶",
    "3栋201 王奶奶 你好",
    // No building + room at the start.
    "王奶奶 独居 电话13800001111",
    "3栋 王奶奶 独居",
    "春晖小区3栋201 王奶奶 独居",
    // Requests for lists.
    "3栋的独居老人",
    "3栋201的住户有哪些",
    "",
    "你好",
  ])("%s → null", (text) => {
    expect(parseRegistryUpdate(text, YEAR)).toBeNull();
  });
});

import { describe, expect, it } from "vitest";
import { PART_OF_DAY_WINDOWS, type ParsedWhen, parseWhen, zonedInstant } from "./parse-when";

const ZONE = "Asia/Shanghai";
/** Reference instants, all in Asia/Shanghai (+08:00, no DST). */
const NOW = {
  /** Sunday 2026-11-29 10:00: the last day of the Monday-start week of Mon 11-23. */
  sun: new Date("2026-11-29T10:00:00+08:00"),
  /** Wednesday 2026-12-02 10:00. */
  wed: new Date("2026-12-02T10:00:00+08:00"),
  /** Wednesday 2026-12-02 20:00: the evening is under way. */
  wedEve: new Date("2026-12-02T20:00:00+08:00"),
  /** Thursday 2026-12-31 10:00: tomorrow is next year. */
  nye: new Date("2026-12-31T10:00:00+08:00"),
} as const;
type Ref = keyof typeof NOW;

/** Expected: date, then "HH:MM" start and end (or null), then the part of the day (or null). */
type Expect = readonly [
  date: string,
  start: string | null,
  end: string | null,
  part?: ParsedWhen["partOfDay"],
];

const hhmm = (minute: number | null) =>
  minute === null
    ? null
    : `${String(Math.floor(minute / 60)).padStart(2, "0")}:${String(minute % 60).padStart(2, "0")}`;

const parse = (text: string, ref: Ref) => parseWhen(text, { now: NOW[ref], timeZone: ZONE });

const CASES: readonly (readonly [text: string, ref: Ref, expected: Expect])[] = [
  // ── the examples of the brief ──
  ["周三晚上7点到9点", "wed", ["2026-12-02", "19:00", "21:00"]],
  ["周三晚上7点到9点", "wedEve", ["2026-12-09", "19:00", "21:00"]], // 19:00 has passed: next week
  ["周三晚上7点", "wed", ["2026-12-02", "19:00", "20:00"]],
  ["周三上午9点", "wed", ["2026-12-09", "09:00", "10:00"]], // already Wednesday 10:00
  ["明天上午", "wed", ["2026-12-03", null, null, "morning"]],
  ["next Friday 3pm", "wed", ["2026-12-11", "15:00", "16:00"]],
  ["next Friday 3pm", "sun", ["2026-12-04", "15:00", "16:00"]],
  ["下周五", "sun", ["2026-12-04", null, null]], // chrono-node says 12-11
  ["下周五", "wed", ["2026-12-11", null, null]],
  ["这周五", "wed", ["2026-12-04", null, null]],
  ["本周五", "sun", ["2026-11-27", null, null]], // this Monday-start week's Friday, already past
  ["this Friday", "wed", ["2026-12-04", null, null]],
  ["我想订周三晚上7点到9点的会议室", "wed", ["2026-12-02", "19:00", "21:00"]],
  ["book the meeting room Wednesday 7-9pm", "wed", ["2026-12-02", "19:00", "21:00"]],
  ["明天下午3点，两个小时", "wed", ["2026-12-03", "15:00", "17:00"]],
  ["晚上7点到9点", "wed", ["2026-12-02", "19:00", "21:00"]], // chrono-node: 09:00 the next day
  // ── days ──
  ["今天", "wed", ["2026-12-02", null, null]],
  ["今日下午", "wed", ["2026-12-02", null, null, "afternoon"]],
  ["today at 3pm", "wed", ["2026-12-02", "15:00", "16:00"]],
  ["明日", "wed", ["2026-12-03", null, null]],
  ["tomorrow", "wed", ["2026-12-03", null, null]],
  ["后天", "wed", ["2026-12-04", null, null]],
  ["day after tomorrow 10am", "wed", ["2026-12-04", "10:00", "11:00"]],
  ["大后天", "wed", ["2026-12-05", null, null]],
  ["周一", "wed", ["2026-12-07", null, null]],
  ["星期五", "wed", ["2026-12-04", null, null]],
  ["星期天", "wed", ["2026-12-06", null, null]],
  ["星期日", "sun", ["2026-11-29", null, null]], // today, the day is not over
  ["周日上午9点", "sun", ["2026-12-06", "09:00", "10:00"]],
  ["周日下午3点", "sun", ["2026-11-29", "15:00", "16:00"]],
  ["礼拜三", "wed", ["2026-12-02", null, null]],
  ["礼拜天上午10点", "wed", ["2026-12-06", "10:00", "11:00"]],
  ["Monday", "wed", ["2026-12-07", null, null]],
  ["Mon", "sun", ["2026-11-30", null, null]],
  ["tue 10am", "wed", ["2026-12-08", "10:00", "11:00"]],
  ["Saturday morning", "wed", ["2026-12-05", null, null, "morning"]],
  ["next week friday 10am", "wed", ["2026-12-11", "10:00", "11:00"]],
  ["下周一", "sun", ["2026-11-30", null, null]],
  ["下周日", "wed", ["2026-12-13", null, null]],
  ["下个星期三下午", "wed", ["2026-12-09", null, null, "afternoon"]],
  ["下下周一", "wed", ["2026-12-14", null, null]],
  ["周三晚上", "wedEve", ["2026-12-02", null, null, "evening"]], // the evening is not over yet
  ["周三上午", "wedEve", ["2026-12-09", null, null, "morning"]],
  // ── dates ──
  ["12月3日", "wed", ["2026-12-03", null, null]],
  ["12月3号", "wed", ["2026-12-03", null, null]],
  ["十二月三号晚上", "wed", ["2026-12-03", null, null, "evening"]],
  ["12/3", "wed", ["2026-12-03", null, null]],
  ["2026-12-03", "wed", ["2026-12-03", null, null]],
  ["2026年12月3日下午3点", "wed", ["2026-12-03", "15:00", "16:00"]],
  ["Dec 3", "wed", ["2026-12-03", null, null]],
  ["3 Dec", "wed", ["2026-12-03", null, null]],
  ["December 3rd", "wed", ["2026-12-03", null, null]],
  ["the 3rd of December at 5pm", "wed", ["2026-12-03", "17:00", "18:00"]],
  ["12月1日", "wed", ["2027-12-01", null, null]], // past this year: next year
  ["3号", "wed", ["2026-12-03", null, null]],
  ["1号", "wed", ["2027-01-01", null, null]], // passed this month: next month
  ["31号", "sun", ["2026-12-31", null, null]], // November has no 31st
  ["4号上午", "wed", ["2026-12-04", null, null, "morning"]],
  ["3号下午3点", "wed", ["2026-12-03", "15:00", "16:00"]],
  ["下个月3号", "wed", ["2027-01-03", null, null]],
  ["12月3日周四晚上", "wed", ["2026-12-03", null, null, "evening"]],
  // ── year rollover (Thursday 2026-12-31) ──
  ["明天", "nye", ["2027-01-01", null, null]],
  ["明天上午", "nye", ["2027-01-01", null, null, "morning"]],
  ["后天下午3点", "nye", ["2027-01-02", "15:00", "16:00"]],
  ["下周五", "nye", ["2027-01-08", null, null]],
  ["周五", "nye", ["2027-01-01", null, null]],
  ["1月2日", "nye", ["2027-01-02", null, null]],
  ["12月3日", "nye", ["2027-12-03", null, null]],
  ["12/31 7pm", "nye", ["2026-12-31", "19:00", "20:00"]],
  ["3号", "nye", ["2027-01-03", null, null]],
  ["Jan 5 at 9am", "nye", ["2027-01-05", "09:00", "10:00"]],
  // ── times (no day: today while ahead, else tomorrow) ──
  ["7点", "wed", ["2026-12-03", "07:00", "08:00"]], // bare 7 is morning, passed today
  ["7点半", "wed", ["2026-12-03", "07:30", "08:30"]],
  ["7:30", "wed", ["2026-12-03", "07:30", "08:30"]],
  ["19:00", "wed", ["2026-12-02", "19:00", "20:00"]],
  ["十九点", "wed", ["2026-12-02", "19:00", "20:00"]],
  ["七点半", "wedEve", ["2026-12-03", "07:30", "08:30"]],
  ["两点", "wed", ["2026-12-02", "14:00", "15:00"]], // bare 1–6: afternoon
  ["3点", "wed", ["2026-12-02", "15:00", "16:00"]],
  ["三点一刻", "wed", ["2026-12-02", "15:15", "16:15"]],
  ["7点15", "wed", ["2026-12-03", "07:15", "08:15"]],
  ["八点三十分", "wed", ["2026-12-03", "08:30", "09:30"]],
  ["12点", "wed", ["2026-12-02", "12:00", "13:00"]],
  ["晚上7点", "wed", ["2026-12-02", "19:00", "20:00"]],
  ["晚上7:30", "wed", ["2026-12-02", "19:30", "20:30"]],
  ["下午一点", "wed", ["2026-12-02", "13:00", "14:00"]],
  ["晚上8点", "wedEve", ["2026-12-03", "20:00", "21:00"]], // 20:00 is not ahead of 20:00
  ["晚7点", "wed", ["2026-12-02", "19:00", "20:00"]],
  ["下午3点", "wed", ["2026-12-02", "15:00", "16:00"]],
  ["中午12点", "wed", ["2026-12-02", "12:00", "13:00"]],
  ["中午1点", "wed", ["2026-12-02", "13:00", "14:00"]],
  ["上午9点", "wed", ["2026-12-03", "09:00", "10:00"]],
  ["早上9点", "wed", ["2026-12-03", "09:00", "10:00"]],
  ["早晨6点半", "wed", ["2026-12-03", "06:30", "07:30"]],
  ["凌晨2点", "wed", ["2026-12-03", "02:00", "03:00"]],
  ["傍晚6点", "wed", ["2026-12-02", "18:00", "19:00"]],
  ["夜里11点", "wed", ["2026-12-02", "23:00", "24:00"]],
  ["晚上11点", "wed", ["2026-12-02", "23:00", "24:00"]],
  ["周五晚上12点", "wed", ["2026-12-05", "00:00", "01:00"]], // midnight after Friday evening
  ["3pm", "wed", ["2026-12-02", "15:00", "16:00"]],
  ["3 pm", "wed", ["2026-12-02", "15:00", "16:00"]],
  ["3:30pm", "wed", ["2026-12-02", "15:30", "16:30"]],
  ["15:00", "wed", ["2026-12-02", "15:00", "16:00"]],
  ["９ａｍ", "wed", ["2026-12-03", "09:00", "10:00"]], // full-width
  ["noon", "wed", ["2026-12-02", "12:00", "13:00"]],
  ["tomorrow at noon", "wed", ["2026-12-03", "12:00", "13:00"]],
  ["midnight", "wed", ["2026-12-03", "00:00", "01:00"]],
  ["at 7 tonight", "wed", ["2026-12-02", "19:00", "20:00"]],
  ["Friday evening at 7", "wed", ["2026-12-04", "19:00", "20:00"]],
  ["3 o'clock tomorrow", "wed", ["2026-12-03", "15:00", "16:00"]],
  ["今晚8点", "wed", ["2026-12-02", "20:00", "21:00"]],
  ["明早8点", "wed", ["2026-12-03", "08:00", "09:00"]],
  ["星期五下午两点半", "wed", ["2026-12-04", "14:30", "15:30"]],
  // ── ranges ──
  ["7点到9点", "wed", ["2026-12-03", "07:00", "09:00"]],
  ["7点-9点", "wed", ["2026-12-03", "07:00", "09:00"]],
  ["7点至9点", "wed", ["2026-12-03", "07:00", "09:00"]],
  ["周三7点到9点", "wed", ["2026-12-09", "07:00", "09:00"]],
  ["19:00-21:00", "wed", ["2026-12-02", "19:00", "21:00"]],
  ["１９：００－２１：００", "wed", ["2026-12-02", "19:00", "21:00"]],
  ["下午2点到4点半", "wed", ["2026-12-02", "14:00", "16:30"]],
  ["下周三下午三点到五点", "wed", ["2026-12-09", "15:00", "17:00"]],
  ["5点到7点", "wed", ["2026-12-02", "17:00", "19:00"]], // bare 7 < 17:00: +12 h
  ["11点到1点", "wed", ["2026-12-02", "11:00", "13:00"]],
  ["上午11点到1点", "wed", ["2026-12-02", "11:00", "13:00"]],
  ["晚上10点到12点", "wed", ["2026-12-02", "22:00", "24:00"]],
  ["7点到晚上9点", "wed", ["2026-12-02", "19:00", "21:00"]],
  ["周六上午9点到11点", "wed", ["2026-12-05", "09:00", "11:00"]],
  ["3-5pm", "wed", ["2026-12-02", "15:00", "17:00"]],
  ["11-1pm", "wed", ["2026-12-02", "11:00", "13:00"]],
  ["from 3pm to 5pm", "wed", ["2026-12-02", "15:00", "17:00"]],
  ["3pm–5pm", "wed", ["2026-12-02", "15:00", "17:00"]],
  ["between 3 and 5pm on Friday", "wed", ["2026-12-04", "15:00", "17:00"]],
  ["9-11am", "wed", ["2026-12-03", "09:00", "11:00"]],
  ["12-2pm", "wed", ["2026-12-02", "12:00", "14:00"]],
  ["下午 3:00-5:00", "wed", ["2026-12-02", "15:00", "17:00"]],
  ["星期四 14:30~16:00", "wed", ["2026-12-03", "14:30", "16:00"]],
  ["周三 晚上 7点 到 9点", "wed", ["2026-12-02", "19:00", "21:00"]],
  ["晚上11点到1点", "wed", ["2026-12-02", "23:00", "25:00"]], // runs past midnight: end > 1440
  ["下午5点到3点", "wed", ["2026-12-02", "17:00", null]], // an end before the start, +12 h makes no sense
  ["19:00-08:00", "wed", ["2026-12-02", "19:00", null]],
  // ── durations ──
  ["晚上11点，两个小时", "wed", ["2026-12-02", "23:00", "25:00"]],
  ["下午3点2小时", "wed", ["2026-12-02", "15:00", "17:00"]],
  ["明天下午3点，1.5小时", "wed", ["2026-12-03", "15:00", "16:30"]],
  ["明天下午3点一个半小时", "wed", ["2026-12-03", "15:00", "16:30"]],
  ["明天下午3点半小时", "wed", ["2026-12-03", "15:00", "15:30"]],
  ["两个钟，周五上午10点", "wed", ["2026-12-04", "10:00", "12:00"]],
  ["tomorrow 3pm for 2 hours", "wed", ["2026-12-03", "15:00", "17:00"]],
  ["tomorrow 3pm for an hour and a half", "wed", ["2026-12-03", "15:00", "16:30"]],
  ["Friday 10am, 90 minutes", "wed", ["2026-12-04", "10:00", "11:30"]],
  // ── parts of the day alone ──
  ["下午", "wed", ["2026-12-02", null, null, "afternoon"]],
  ["中午", "wed", ["2026-12-02", null, null, "noon"]],
  ["上午", "wedEve", ["2026-12-03", null, null, "morning"]],
  ["晚上", "wedEve", ["2026-12-02", null, null, "evening"]],
  ["今晚", "wed", ["2026-12-02", null, null, "evening"]],
  ["tonight", "wed", ["2026-12-02", null, null, "evening"]],
  ["tomorrow morning", "wed", ["2026-12-03", null, null, "morning"]],
  ["周日下午", "wed", ["2026-12-06", null, null, "afternoon"]],
  // ── other words and other numbers around it ──
  ["3号楼的会议室明天上午", "wed", ["2026-12-03", null, null, "morning"]],
  ["我们50人，3号楼，明天晚上7点到9点", "wed", ["2026-12-03", "19:00", "21:00"]],
  ["2单元的张阿姨想借活动室，周六上午9点到11点", "wed", ["2026-12-05", "09:00", "11:00"]],
  ["可以订3号会议室吗 明天上午10点", "wed", ["2026-12-03", "10:00", "11:00"]],
  ["周三 3号楼 7点", "wed", ["2026-12-09", "07:00", "08:00"]],
  ["看一下周三有没有空", "wed", ["2026-12-02", null, null]], // 一下 is not 下周
  ["晚上好，明天下午3点", "wed", ["2026-12-03", "15:00", "16:00"]],
  ["明天的活动，下午3点开始", "wed", ["2026-12-03", "15:00", "16:00"]],
  ["3点的会议改到明天下午4点", "wed", ["2026-12-03", "16:00", "17:00"]],
  ["room 3 at 3pm tomorrow for 20 people", "wed", ["2026-12-03", "15:00", "16:00"]],
  ["3rd floor room tomorrow", "wed", ["2026-12-03", null, null]],
];

describe("parseWhen: a table of real phrasings", () => {
  it("has at least 80 phrasings", () => {
    expect(CASES.length).toBeGreaterThanOrEqual(80);
  });

  it.each(CASES)("%s (now = %s)", (text, ref, [date, start, end, part = null]) => {
    const parsed = parse(text, ref);
    expect(parsed).not.toBeNull();
    expect({
      date: parsed?.date,
      start: hhmm(parsed?.startMinute ?? null),
      end: hhmm(parsed?.endMinute ?? null),
      partOfDay: parsed?.partOfDay,
    }).toEqual({ date, start, end, partOfDay: part });
  });
});

describe("parseWhen: not a time", () => {
  it.each([
    "",
    "你好",
    "hello, can I book a room?",
    "3号楼",
    "3号会议室",
    "3号门坏了",
    "3栋",
    "2单元",
    "50人",
    "room 3",
    "3-5人",
    "大一点的会议室",
    "晚一点",
    "一点也不好",
    "我家3楼漏水",
    "请在五日内处理",
    "我要订3个小时",
    "早上好",
    "good morning",
    "下周",
    "两个小时",
    "2月30日下午3点",
    "25点",
    "电话 138-1234-5678",
  ])("%j → null", (text) => {
    expect(parse(text, "wed")).toBeNull();
  });
});

describe("parseWhen: instants, matched text and options", () => {
  it("gives the start and end as instants in the zone", () => {
    const parsed = parse("周三晚上7点到9点", "wed");
    expect(parsed?.start?.toISOString()).toBe("2026-12-02T11:00:00.000Z");
    expect(parsed?.end?.toISOString()).toBe("2026-12-02T13:00:00.000Z");
  });

  it("has no instants when only a part of the day was named", () => {
    expect(parse("明天上午", "wed")).toMatchObject({
      start: null,
      end: null,
      startMinute: null,
      endMinute: null,
    });
  });

  it("echoes the words it read, and only those", () => {
    expect(parse("我想订周三晚上7点到9点的会议室", "wed")?.matched).toBe("周三晚上7点到9点");
    expect(parse("book the meeting room Wednesday 7-9pm", "wed")?.matched).toBe("Wednesday 7-9pm");
    expect(parse("我们50人，3号楼，明天晚上7点到9点", "wed")?.matched).toBe("明天晚上7点到9点");
    expect(parse("明天的活动，下午3点开始", "wed")?.matched).toBe("明天 下午3点");
    expect(parse("１９：００－２１：００", "wed")?.matched).toBe("１９：００－２１：００");
  });

  it("uses defaultMinutes when only a start is given", () => {
    const parsed = parseWhen("明天下午3点", { now: NOW.wed, timeZone: ZONE, defaultMinutes: 90 });
    expect([parsed?.startMinute, parsed?.endMinute]).toEqual([900, 990]);
    expect(parsed?.end?.toISOString()).toBe("2026-12-03T08:30:00.000Z");
  });

  it("reads today and the time of day in the deployment's zone, not the server's", () => {
    // 2026-12-02 23:30 UTC is already Thursday 07:30 in Shanghai, still Wednesday 18:30 in New York.
    const now = new Date("2026-12-02T23:30:00Z");
    expect(parseWhen("明天", { now, timeZone: "Asia/Shanghai" })?.date).toBe("2026-12-04");
    expect(parseWhen("明天", { now, timeZone: "America/New_York" })?.date).toBe("2026-12-03");
    expect(parseWhen("晚上7点", { now, timeZone: "America/New_York" })?.start?.toISOString()).toBe(
      "2026-12-03T00:00:00.000Z",
    );
  });

  it("gives DST-correct instants around a change of clocks", () => {
    const saturday = new Date("2026-03-07T12:00:00-05:00");
    const parsed = parseWhen("tomorrow 10am", { now: saturday, timeZone: "America/New_York" });
    expect(parsed?.date).toBe("2026-03-08");
    expect(parsed?.start?.toISOString()).toBe("2026-03-08T14:00:00.000Z"); // EDT, -04:00
  });

  it("exposes the windows searched for a part of the day", () => {
    expect(PART_OF_DAY_WINDOWS.morning).toEqual({ startMinute: 480, endMinute: 720 });
    expect(PART_OF_DAY_WINDOWS.evening).toEqual({ startMinute: 1080, endMinute: 1290 });
  });
});

describe("zonedInstant", () => {
  it.each([
    // zones without DST
    ["2026-12-02", 19 * 60, "Asia/Shanghai", "2026-12-02T11:00:00.000Z"],
    ["2026-12-02", 0, "Asia/Shanghai", "2026-12-01T16:00:00.000Z"],
    ["2026-12-02", 1440, "Asia/Shanghai", "2026-12-02T16:00:00.000Z"],
    ["2026-12-02", 0, "Asia/Kolkata", "2026-12-01T18:30:00.000Z"],
    // New York springs forward at 02:00 on Sunday 2026-03-08
    ["2026-03-07", 10 * 60, "America/New_York", "2026-03-07T15:00:00.000Z"],
    ["2026-03-08", 60, "America/New_York", "2026-03-08T06:00:00.000Z"],
    ["2026-03-08", 150, "America/New_York", "2026-03-08T07:30:00.000Z"], // 02:30 does not exist: 03:30 EDT
    ["2026-03-08", 180, "America/New_York", "2026-03-08T07:00:00.000Z"],
    ["2026-03-08", 10 * 60, "America/New_York", "2026-03-08T14:00:00.000Z"],
    // and falls back at 02:00 on Sunday 2026-11-01: 01:30 happens twice, the first is taken
    ["2026-11-01", 90, "America/New_York", "2026-11-01T05:30:00.000Z"],
    ["2026-11-01", 120, "America/New_York", "2026-11-01T07:00:00.000Z"],
    // a half-hour DST change
    ["2026-10-04", 135, "Australia/Lord_Howe", "2026-10-03T15:45:00.000Z"],
  ] as const)("%s + %i min in %s → %s", (date, minute, zone, iso) => {
    expect(zonedInstant(date, minute, zone).toISOString()).toBe(iso);
  });

  it("refuses what is not a date", () => {
    expect(() => zonedInstant("2026-02-30", 0, ZONE)).toThrow(RangeError);
    expect(() => zonedInstant("12/3", 0, ZONE)).toThrow(RangeError);
  });
});

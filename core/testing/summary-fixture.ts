import type { PlaceLevel } from "../places/place";
import type { Ticket, TicketEvent, TicketEventType, TicketState } from "../tickets/ticket";

/**
 * A hand-built week of cases around Monday 2026-11-30 (Asia/Shanghai) for the summary tests, on
 * the demo district's ids and names, so the same rows run in memory (core) and on SQLite (db).
 * The expected figures are worked out by hand in core/summaries/summarise.test.ts.
 */
export const SUMMARY_PLACES: readonly [string, PlaceLevel, string | null, string][] = [
  ["d-demo", "district", null, "示范区"],
  ["s-east", "street", "d-demo", "东街道"],
  ["s-west", "street", "d-demo", "西街道"],
  ["c-chunhui", "community", "s-east", "春晖社区"],
  ["c-wenchang", "community", "s-east", "文昌社区"],
  ["c-xihu", "community", "s-west", "西湖社区"],
  ["g-chunhui-1", "grid", "c-chunhui", "春晖社区第1网格"],
  ["g-chunhui-2", "grid", "c-chunhui", "春晖社区第2网格"],
  ["g-wenchang-1", "grid", "c-wenchang", "文昌社区第1网格"],
  ["g-xihu-1", "grid", "c-xihu", "西湖社区第1网格"],
  ["b-chunhui-1", "building", "g-chunhui-1", "春晖小区1栋"],
  ["b-chunhui-2", "building", "g-chunhui-1", "春晖小区2栋"],
  ["b-chunhui-3", "building", "g-chunhui-1", "春晖小区3栋"],
  ["b-chunhui-4", "building", "g-chunhui-2", "春晖小区4栋"],
  ["b-chunhui-5", "building", "g-chunhui-2", "春晖小区5栋"],
  ["b-chunhui-6", "building", "g-chunhui-2", "春晖小区6栋"],
  ["b-wenchang-1", "building", "g-wenchang-1", "文昌花园1栋"],
  ["b-xihu-1", "building", "g-xihu-1", "西湖苑1栋"],
];

/** "11-30 09:00" → that minute in Shanghai. */
export const local = (when: string): Date => new Date(`2026-${when.replace(" ", "T")}:00+08:00`);

export const W1 = "p-chunhui-1-worker";
export const W2 = "p-chunhui-2-worker";
export const ADMIN = "p-chunhui-admin";

function pathOf(placeId: string): string {
  const ids: string[] = [];
  for (let id: string | null = placeId; id; ) {
    ids.unshift(id);
    id = SUMMARY_PLACES.find(([placeIdOf]) => placeIdOf === id)?.[2] ?? null;
  }
  return `/${ids.join("/")}/`;
}

interface CaseSpec {
  n: number;
  category: string;
  place: string;
  state: TicketState;
  created: string;
  signFor?: string;
  resolve?: string;
  resolved?: string;
  closed?: string;
  rating?: number;
}

/** [event type, when, actor (null: the system), data] */
type EventSpec = [TicketEventType, string, string | null, Record<string, string>?];

const CASES: [CaseSpec, EventSpec[]][] = [
  // T1 today, fixed on time and rated 5.
  [
    {
      n: 1,
      category: "lighting",
      place: "b-chunhui-3",
      state: "closed",
      created: "11-30 08:00",
      resolve: "12-03 08:00",
      resolved: "11-30 12:00",
      closed: "11-30 15:00",
      rating: 5,
    },
    [["resolved", "11-30 12:00", W1, { deadline: "12-03 08:00" }]],
  ],
  // T2 today, signed for, working on it.
  [
    {
      n: 2,
      category: "lighting",
      place: "b-chunhui-3",
      state: "accepted",
      created: "11-30 09:00",
      signFor: "11-30 13:00",
      resolve: "12-03 09:00",
    },
    [],
  ],
  // T3, T4, T5 today, nobody signed for them in time: overdue.
  [
    {
      n: 3,
      category: "lighting",
      place: "b-chunhui-2",
      state: "dispatched",
      created: "11-30 10:00",
      signFor: "11-30 14:00",
      resolve: "12-03 10:00",
    },
    [],
  ],
  [
    {
      n: 4,
      category: "garbage",
      place: "b-chunhui-5",
      state: "dispatched",
      created: "11-30 07:00",
      signFor: "11-30 11:00",
      resolve: "12-03 07:00",
    },
    [],
  ],
  [
    {
      n: 5,
      category: "garbage",
      place: "b-chunhui-5",
      state: "triage",
      created: "11-30 11:30",
      signFor: "11-30 15:30",
    },
    [],
  ],
  // T6 last week, "fixed" on the 28th, sent back on the 29th: reopened with a new clock.
  [
    {
      n: 6,
      category: "elevator",
      place: "b-chunhui-4",
      state: "reopened",
      created: "11-25 09:00",
      resolve: "12-02 10:00",
    },
    [
      ["resolved", "11-28 10:00", W2, { deadline: "11-28 09:00" }],
      ["rejected", "11-29 10:00", "p-res-liu"],
    ],
  ],
  // T7 yesterday, resolved today an hour late, rated 2.
  [
    {
      n: 7,
      category: "drainage",
      place: "b-chunhui-1",
      state: "closed",
      created: "11-29 09:00",
      resolve: "11-30 09:00",
      resolved: "11-30 10:00",
      closed: "11-30 18:00",
      rating: 2,
    },
    [["resolved", "11-30 10:00", W1, { deadline: "11-30 09:00" }]],
  ],
  // T8 yesterday evening, withdrawn this morning: cancelled is not closed.
  [
    {
      n: 8,
      category: "drainage",
      place: "b-chunhui-1",
      state: "cancelled",
      created: "11-29 20:00",
      signFor: "11-30 00:30",
      resolve: "12-02 20:00",
      closed: "11-30 08:00",
    },
    [],
  ],
  // T9 a duplicate of T2, merged: never a case of its own.
  [
    {
      n: 9,
      category: "lighting",
      place: "b-chunhui-3",
      state: "merged",
      created: "11-30 13:00",
      closed: "11-30 13:00",
    },
    [],
  ],
  // T10 today, at grid level, resolved tonight: waits for the reporter, not open.
  [
    {
      n: 10,
      category: "noise",
      place: "g-chunhui-1",
      state: "resolved",
      created: "11-30 14:00",
      resolve: "12-03 14:00",
      resolved: "11-30 20:00",
    },
    [["resolved", "11-30 20:00", W1, { deadline: "12-03 14:00" }]],
  ],
  // T11 escalated by the sweep on the 27th, resolved by the community admin in time for the new clock.
  [
    {
      n: 11,
      category: "elevator",
      place: "b-chunhui-4",
      state: "closed",
      created: "11-27 10:00",
      resolve: "11-30 14:00",
      resolved: "11-30 09:00",
      closed: "11-30 21:00",
      rating: 4,
    },
    [
      ["escalated", "11-27 14:00", null],
      ["resolved", "11-30 09:00", ADMIN, { deadline: "11-30 14:00" }],
    ],
  ],
  // T12 a week old, still not signed for: the longest open, overdue since yesterday noon.
  [
    {
      n: 12,
      category: "garbage",
      place: "b-chunhui-6",
      state: "dispatched",
      created: "11-24 08:00",
      signFor: "11-29 12:00",
      resolve: "12-02 12:00",
    },
    [],
  ],
  // T13 resolved yesterday, sent back, resolved again today: awaits the reporter.
  [
    {
      n: 13,
      category: "lighting",
      place: "b-chunhui-3",
      state: "resolved",
      created: "11-29 11:00",
      resolve: "12-02 18:00",
      resolved: "11-30 11:00",
    },
    [
      ["resolved", "11-29 15:00", W1, { deadline: "12-02 11:00" }],
      ["rejected", "11-29 18:00", "p-res-wang"],
      ["resolved", "11-30 11:00", W1, { deadline: "12-02 18:00" }],
    ],
  ],
  // T14 another community of the same street, overdue.
  [
    {
      n: 14,
      category: "lighting",
      place: "b-wenchang-1",
      state: "dispatched",
      created: "11-30 09:00",
      signFor: "11-30 13:00",
      resolve: "12-03 09:00",
    },
    [],
  ],
  // T15 another street altogether.
  [
    {
      n: 15,
      category: "garbage",
      place: "b-xihu-1",
      state: "dispatched",
      created: "11-30 10:00",
      signFor: "11-30 14:00",
      resolve: "12-03 10:00",
    },
    [],
  ],
  // T16 yesterday, closed yesterday, rated 3.
  [
    {
      n: 16,
      category: "lighting",
      place: "b-chunhui-2",
      state: "closed",
      created: "11-29 08:00",
      resolve: "12-02 08:00",
      resolved: "11-29 12:00",
      closed: "11-29 17:00",
      rating: 3,
    },
    [["resolved", "11-29 12:00", W1, { deadline: "12-02 08:00" }]],
  ],
];

export function summaryFixture(): { tickets: Ticket[]; events: TicketEvent[] } {
  const tickets: Ticket[] = [];
  const events: TicketEvent[] = [];
  const at = (when: string | undefined) => (when ? local(when) : null);
  for (const [spec, timeline] of CASES) {
    const id = `sum-t${spec.n}`;
    tickets.push({
      id,
      number: `2026-${String(spec.n).padStart(6, "0")}`,
      state: spec.state,
      version: 1,
      reporterId: "p-res-wang",
      placeId: spec.place,
      placePath: pathOf(spec.place),
      categoryCode: spec.category,
      priority: "normal",
      level: "grid",
      unitPlaceId: null,
      departmentId: null,
      assigneeId: null,
      clockStartedAt: local(spec.created),
      signForDeadline: at(spec.signFor),
      resolveDeadline: at(spec.resolve),
      nudgeDueAt: null,
      escalateDueAt: null,
      autoCloseAt: null,
      supporterCount: 0,
      sourceChannel: "test",
      filedById: null,
      sourceKey: null,
      originalText: `case ${spec.n}`,
      media: [],
      rating: spec.rating ?? null,
      mergedIntoId: spec.state === "merged" ? "sum-t2" : null,
      createdAt: local(spec.created),
      updatedAt: local(spec.created),
      resolvedAt: at(spec.resolved),
      closedAt: at(spec.closed),
    });
    timeline.forEach(([type, when, actorId, data], index) => {
      events.push({
        id: `${id}-e${index + 1}`,
        ticketId: id,
        at: local(when),
        type,
        actorId,
        fromState: null,
        toState: spec.state,
        note: type === "escalated" ? "deadline" : null,
        data: data?.deadline ? { deadline: local(data.deadline).toISOString() } : null,
      });
    });
  }
  return { tickets, events };
}

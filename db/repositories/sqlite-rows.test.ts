import { describe, expect, it } from "vitest";
import type { Ticket } from "../../core/tickets/ticket";
import { sqliteTimestamp } from "../sqlite-timestamp";
import {
  changedColumns,
  changedFromRow,
  fromOptionalTimestamp,
  fromTimestamp,
  ticketToSql,
} from "./sqlite-rows";

describe("stored timestamps read back", () => {
  it("as Date's parser reads them, for the adapter's format and any other", () => {
    const instants = [
      Date.UTC(2026, 11, 7, 10, 0, 0, 0),
      Date.UTC(2024, 1, 29, 23, 59, 59, 999),
      Date.UTC(1999, 11, 31, 0, 0, 0, 1),
      Date.UTC(2026, 0, 1, 0, 0, 0, 0) - 1,
    ];
    for (let i = 0; i < 500; i++) instants.push(1_600_000_000_000 + i * 7_777_777_777);
    for (const at of instants) {
      const stored = sqliteTimestamp(new Date(at));
      expect(fromTimestamp(stored).getTime(), stored).toBe(at);
    }
    for (const other of [
      "2026-12-07T10:00:00Z",
      "2026-12-07T18:00:00.000+08:00",
      "2026-12-07 10:00:00",
      "nonsense",
    ]) {
      expect(String(fromTimestamp(other))).toBe(String(new Date(other)));
    }
    expect(fromOptionalTimestamp(null)).toBeNull();
  });
});

const T = new Date("2026-12-07T10:00:00.000Z");
const TICKET: Ticket = {
  id: "t-1",
  number: "2026-000001",
  state: "dispatched",
  version: 3,
  reporterId: "p-res-wang",
  placeId: "b-chunhui-3",
  placePath: "/d/s-east/chunhui/g1/b-chunhui-3/",
  categoryCode: "lighting",
  priority: "normal",
  level: "grid",
  unitPlaceId: "g1",
  departmentId: null,
  assigneeId: "p-worker",
  clockStartedAt: T,
  signForDeadline: new Date(T.getTime() + 3600_000),
  resolveDeadline: null,
  nudgeDueAt: new Date(T.getTime() + 1800_000),
  escalateDueAt: new Date(T.getTime() + 3600_000),
  autoCloseAt: null,
  supporterCount: 1,
  sourceChannel: "playground",
  filedById: null,
  sourceKey: "playground:1",
  originalText: "3栋楼道灯坏了",
  media: [{ kind: "photo", ref: "media/a.jpg" }],
  rating: null,
  mergedIntoId: null,
  createdAt: T,
  updatedAt: T,
  resolvedAt: null,
  closedAt: null,
};

describe("the columns an update sets", () => {
  const later = new Date(T.getTime() + 60_000);
  const cases: [string, Ticket, Record<string, unknown>][] = [
    ["nothing, dates equal but not the same objects", { ...TICKET, createdAt: new Date(T.getTime()) }, {}],
    [
      "a nudge: one timer cleared",
      { ...TICKET, nudgeDueAt: null, updatedAt: later },
      { nudgeDueAt: null, updatedAt: sqliteTimestamp(later) },
    ],
    [
      "an escalation",
      { ...TICKET, level: "community", unitPlaceId: "chunhui", assigneeId: null, escalateDueAt: later },
      { level: "community", unitPlaceId: "chunhui", assigneeId: null, escalateDueAt: sqliteTimestamp(later) },
    ],
    ["media with the same content", { ...TICKET, media: [{ kind: "photo", ref: "media/a.jpg" }] }, {}],
    [
      "media added",
      { ...TICKET, media: [...TICKET.media, { kind: "voice", ref: "v.ogg" }] },
      { media: JSON.stringify([...TICKET.media, { kind: "voice", ref: "v.ogg" }]) },
    ],
    ["a timer set", { ...TICKET, autoCloseAt: later }, { autoCloseAt: sqliteTimestamp(later) }],
    ["the version alone is never a column", { ...TICKET, version: 4 }, {}],
  ];
  it.each(cases)("%s: the same from the ticket as read and from the stored row", (_, after, expected) => {
    const fromTicket = changedColumns(TICKET, after);
    expect(fromTicket).toEqual(expected);
    expect(fromTicket).toEqual(changedFromRow(ticketToSql(TICKET), after));
  });
});

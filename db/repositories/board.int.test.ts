import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { NewBoardItem, ResidentUnit } from "../../core/board/board-ports";
import { TEST_DATABASE, tempDatabase } from "../testing/temp-database";
import { PrismaBoard } from "./prisma-board";

const NOW = new Date("2026-11-30T02:00:00Z");
/** More units than one `in` list may carry (chunks of 500, under SQLite's 999 parameters). */
const UNITS = 1_100;

const newItem = (id: string, overrides: Partial<NewBoardItem> = {}): NewBoardItem => ({
  id,
  list: "need",
  posterId: "p-chunhui-admin",
  posterUnitId: null,
  placeId: "c-chunhui",
  placePath: "/d-demo/s-east/c-chunhui/",
  text: "需要志愿者",
  whenText: null,
  quantity: null,
  status: "open",
  claimantId: null,
  claimantUnitId: null,
  claimedAt: null,
  confirmedAt: null,
  doneAt: null,
  hours: null,
  version: 1,
  createdAt: NOW,
  updatedAt: NOW,
  ...overrides,
});

describe(`the board's repository on ${TEST_DATABASE}`, () => {
  let temp: Awaited<ReturnType<typeof tempDatabase>>;
  let board: PrismaBoard;

  beforeAll(async () => {
    temp = await tempDatabase();
    board = new PrismaBoard(temp.db.prisma);
  });
  afterAll(async () => temp?.cleanup());

  it("numbers posted at once are distinct and consecutive", async () => {
    const items = await Promise.all(
      Array.from({ length: 12 }, (_, i) => board.createItem(newItem(`n-${i}`))),
    );
    expect(items.map((i) => i.number).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 12 }, (_, i) => i + 1),
    );
    expect((await board.findItemByNumber(3))?.status).toBe("open");
  });

  it("an update is conditional on the version: of two claims of one version, one lands", async () => {
    const item = await board.createItem(newItem("race"));
    const claims = await Promise.all(
      ["p-res-zhang", "p-res-liu"].map((claimantId) =>
        board.updateItem(item.id, 1, { status: "claimed", claimantId, claimedAt: NOW }, NOW),
      ),
    );
    expect(claims.filter((c) => c !== null)).toHaveLength(1);
    expect(await board.getItem(item.id)).toMatchObject({ status: "claimed", version: 2 });
  });

  it(`counts ${UNITS.toLocaleString("en")} units' items (in chunks) and lists open items by scope`, async () => {
    const units: ResidentUnit[] = Array.from({ length: UNITS }, (_, i) => ({
      id: `u-${String(i).padStart(4, "0")}`,
      name: `单位${i}`,
      kind: "company",
      placeId: "b-chunhui-2",
      placePath: "/d-demo/s-east/c-chunhui/g-chunhui-1/b-chunhui-2/",
      contactId: "p-res-zhang",
      createdAt: NOW,
    }));
    for (let i = 0; i < UNITS; i += 100) {
      await temp.db.prisma.residentUnit.createMany({ data: units.slice(i, i + 100) });
    }
    // An item between the first and the last unit (two chunks apart) is counted once.
    await board.createItem(
      newItem("between", {
        posterUnitId: "u-0000",
        claimantUnitId: `u-${UNITS - 1}`,
        status: "done",
        hours: 3,
        doneAt: NOW,
      }),
    );
    await board.createItem(newItem("elsewhere", { placeId: "c-xihu", placePath: "/d-demo/s-west/c-xihu/" }));
    const tallies = await board.tallies(
      units.map((u) => u.id),
      new Date("2026-11-01T00:00:00Z"),
    );
    expect(tallies).toHaveLength(1);
    expect(await board.unitsUnder("/d-demo/s-east/")).toHaveLength(UNITS);
    expect((await board.unitsOfContact("p-res-zhang"))[0]?.id).toBe("u-0000");

    const west = await board.openItems({ scopePaths: ["/d-demo/s-west/"], list: "need", limit: 10 });
    expect(west.map((i) => i.id)).toEqual(["elsewhere"]);
    const both = await board.openItems({
      scopePaths: ["/d-demo/s-west/", "/d-demo/s-east/c-chunhui/"],
      list: null,
      limit: 3,
    });
    expect(both[0]?.id).toBe("elsewhere");
    expect(both).toHaveLength(3);
    expect((await board.itemsInvolving("p-nobody", ["u-0000"], 5)).map((i) => i.id)).toEqual(["between"]);
  });

  it("departments answering to a street; one answer per person and call", async () => {
    expect((await board.departmentsUnder("/d-demo/s-east/")).map((d) => d.id)).toEqual([
      "dept-east-chengguan",
    ]);
    expect((await board.departmentsUnder("/d-demo/")).length).toBe(8);
    await board.createCall({
      id: "call-1",
      authorId: "p-east-admin",
      placeId: "s-east",
      placePath: "/d-demo/s-east/",
      ticketId: null,
      text: "演练",
      createdAt: NOW,
    });
    const answer = {
      callId: "call-1",
      personId: "p-res-zhang",
      unitId: "u-0000",
      departmentId: null,
      at: NOW,
    };
    expect(await board.answerCall(answer)).toBe(true);
    expect(await board.answerCall({ ...answer, at: new Date(NOW.getTime() + 60_000) })).toBe(false);
    expect(await board.answersOf("call-1")).toEqual([answer]);
    expect((await board.recentCalls("/d-demo/s-east/", 5)).map((c) => c.id)).toEqual(["call-1"]);
    expect(await board.recentCalls("/d-demo/s-west/", 5)).toEqual([]);
  });
});

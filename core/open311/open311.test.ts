import { describe, expect, it } from "vitest";
import type { Place } from "../places/place";
import { listRequestsSchema, open311Status, placeForAddress, postRequestSchema } from "./open311";

const place = (
  id: string,
  level: Place["level"],
  parentId: string | null,
  name: string,
  path: string,
): Place => ({
  id,
  level,
  parentId,
  name,
  path,
});
const PLACES: Place[] = [
  place("s-east", "street", null, "东街道", "/d/s-east/"),
  place("c-chunhui", "community", "s-east", "春晖社区", "/d/s-east/c-chunhui/"),
  place("g-1", "grid", "c-chunhui", "春晖第1网格", "/d/s-east/c-chunhui/g-1/"),
  place("b-3", "building", "g-1", "春晖小区3栋", "/d/s-east/c-chunhui/g-1/b-3/"),
  place("b-13", "building", "g-1", "春晖小区13栋", "/d/s-east/c-chunhui/g-1/b-13/"),
  place("c-wen", "community", "s-east", "文昌社区", "/d/s-east/c-wen/"),
  place("b-w3", "building", "c-wen", "3栋", "/d/s-east/c-wen/b-w3/"),
  place("b-x3", "building", "c-chunhui", "3栋", "/d/s-east/c-chunhui/b-x3/"),
];

describe("placeForAddress", () => {
  it("finds the building an address names, not a longer or shorter neighbour", () => {
    expect(placeForAddress("春晖小区3栋门口的路灯", PLACES)?.id).toBe("b-3");
    expect(placeForAddress("春晖小区 13栋", PLACES)?.id).toBe("b-13");
  });

  it("uses the parents' names to choose between buildings of the same name", () => {
    expect(placeForAddress("文昌社区3栋", PLACES)?.id).toBe("b-w3");
  });

  it("falls back to a larger place, and gives up when the address is ambiguous or unknown", () => {
    expect(placeForAddress("春晖社区广场", PLACES)?.id).toBe("c-chunhui");
    expect(placeForAddress("某小区3栋旁", PLACES)).toBeNull(); // 3栋 of two communities
    expect(placeForAddress("火星基地", PLACES)).toBeNull();
  });
});

describe("the Open311 fields", () => {
  it("maps egrid's states to open and closed", () => {
    expect(
      ["reported", "triage", "dispatched", "accepted", "resolved", "reopened"].map((s) =>
        open311Status(s as never),
      ),
    ).toEqual(Array(6).fill("open"));
    expect(["closed", "merged", "cancelled"].map((s) => open311Status(s as never))).toEqual(
      Array(3).fill("closed"),
    );
  });

  it("reads form fields: empty strings are absent, coordinates are numbers, a location is required", () => {
    const ok = postRequestSchema.safeParse({
      description: "路灯坏了",
      lat: "31.2",
      long: "121.5",
      email: "",
    });
    expect(ok.success && ok.data).toMatchObject({ lat: 31.2, long: 121.5 });
    expect(ok.success && ok.data.email).toBeUndefined();
    const noPlace = postRequestSchema.safeParse({ description: "路灯坏了" });
    expect(noPlace.success).toBe(false);
    const halfPosition = postRequestSchema.safeParse({ description: "x", lat: "31", address_id: "b-3" });
    expect(halfPosition.error?.issues.map((i) => i.path.join("."))).toEqual(["lat"]);
    expect(
      postRequestSchema.safeParse({ address_id: "b-3", media_url: "file:///etc/passwd", description: "x" })
        .success,
    ).toBe(false);
  });

  it("pages at most 1,000 at a time and checks the status and dates", () => {
    expect(listRequestsSchema.parse({})).toMatchObject({ page: 1, page_size: 100 });
    expect(listRequestsSchema.safeParse({ page_size: "1001" }).success).toBe(false);
    expect(listRequestsSchema.safeParse({ status: "pending" }).success).toBe(false);
    expect(listRequestsSchema.safeParse({ start_date: "yesterday" }).success).toBe(false);
    expect(listRequestsSchema.safeParse({ start_date: "2026-11-01T00:00:00+08:00" }).success).toBe(true);
  });
});

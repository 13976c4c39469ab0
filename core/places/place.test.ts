import { describe, expect, it } from "vitest";
import { ancestorIdAt, placeIdOfPath, placePath } from "./place";

describe("place paths", () => {
  it("give the place's own id back, at any depth", () => {
    const district = placePath(null, "d-demo");
    const building = placePath(
      placePath(placePath(placePath(district, "s-east"), "c-chunhui"), "g-1"),
      "b-3",
    );
    expect(placeIdOfPath(district)).toBe("d-demo");
    expect(placeIdOfPath(building)).toBe("b-3");
    expect(ancestorIdAt(building, "grid")).toBe("g-1");
  });
});

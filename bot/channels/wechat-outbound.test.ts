import { describe, expect, it } from "vitest";
import {
  isNotFoundError,
  isRateLimitError,
  looksLikeRoomId,
  lookupOrder,
  wechatSendFailure,
} from "./wechat-outbound";

describe("WeChat sending", () => {
  it("tells room ids from contact ids by how puppets spell them", () => {
    expect(looksLikeRoomId("20881234567@chatroom")).toBe(true);
    expect(looksLikeRoomId("@@a1b2c3")).toBe(true);
    expect(looksLikeRoomId("R:10696051737544800")).toBe(true);
    expect(looksLikeRoomId("wxid_abc123")).toBe(false);
    expect(looksLikeRoomId("@a1b2c3")).toBe(false);
    expect(lookupOrder("wxid_abc", undefined)).toEqual(["contact", "room"]);
    expect(lookupOrder("1@chatroom", undefined)).toEqual(["room", "contact"]);
    expect(lookupOrder("odd-room-id", "room")).toEqual(["room", "contact"]);
  });

  it("knows a missing room or contact from a hiccup", () => {
    expect(isNotFoundError(new Error("no payload found for id x"))).toBe(true);
    expect(isNotFoundError(Object.assign(new Error("5 NOT_FOUND"), { code: 5 }))).toBe(true);
    expect(isNotFoundError(new Error("contact does not exist"))).toBe(true);
    expect(isNotFoundError(new Error("getaddrinfo ENOTFOUND api.chatie.io"))).toBe(false);
    expect(isNotFoundError(new Error("14 UNAVAILABLE: No connection established"))).toBe(false);
  });

  it("reads throttling from the error text, in English or Chinese", () => {
    expect(isRateLimitError(new Error("rate limit exceeded"))).toBe(true);
    expect(isRateLimitError(new Error("rate-limited"))).toBe(true);
    expect(isRateLimitError(new Error("send too frequent"))).toBe(true);
    expect(isRateLimitError(new Error("操作过于频繁，请稍后再试"))).toBe(true);
    expect(isRateLimitError(new Error("failed to generate thumbnail"))).toBe(false);
    expect(isRateLimitError(new Error("operate failed"))).toBe(false);
  });

  it("maps failures for the outbox", () => {
    expect(wechatSendFailure(new Error("too frequent"))).toEqual({
      ok: false,
      permanent: false,
      retryAfterMs: 5000,
      error: "wechat: too frequent",
    });
    expect(wechatSendFailure("socket hang up")).toEqual({
      ok: false,
      permanent: false,
      error: "wechat: socket hang up",
    });
  });
});

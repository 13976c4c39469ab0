import { webApi } from "@slack/bolt";
import { describe, expect, it } from "vitest";
import { isSlackUserId, slackBlocksFor, slackSendFailure, slackThreadTs } from "./slack-outbound";

describe("slackBlocksFor", () => {
  it("splits text longer than a section holds, at a line break", () => {
    const text = `${"甲".repeat(2000)}\n${"乙".repeat(2000)}`;
    const blocks = slackBlocksFor({ text });
    expect(blocks).toHaveLength(2);
    expect(blocks.map((b) => (b.type === "section" ? b.text?.text.length : 0))).toEqual([2000, 2000]);
  });

  it("cuts button labels to Slack's 75 characters", () => {
    const [, actions] = slackBlocksFor({ text: "t", buttons: [[{ label: "长".repeat(100), data: "d" }]] });
    expect(
      actions?.type === "actions" && actions.elements[0]?.type === "button" && actions.elements[0].text.text,
    ).toHaveLength(75);
  });
});

describe("slackThreadTs", () => {
  it("accepts a ts, or a message id of the same chat", () => {
    expect(slackThreadTs("1700000000.000100", ["C1"])).toBe("1700000000.000100");
    expect(slackThreadTs("C1:1700000000.000100", ["C1"])).toBe("1700000000.000100");
    expect(slackThreadTs("C2:1700000000.000100", ["C1"])).toBeNull();
    expect(slackThreadTs("8d2b1b8e-1f3c-4c0a-9a55-5f1b0f0c7a11", ["C1"])).toBeNull();
    expect(slackThreadTs(undefined, ["C1"])).toBeNull();
  });
});

describe("isSlackUserId", () => {
  it("tells users from conversations", () => {
    expect(["U0123ABC", "W0123ABC"].map(isSlackUserId)).toEqual([true, true]);
    expect(["C0123ABC", "D0123ABC", "G0123ABC", "u123"].map(isSlackUserId)).toEqual([
      false,
      false,
      false,
      false,
    ]);
  });
});

describe("slackSendFailure", () => {
  it("treats Slack's transient errors as retryable and the rest as permanent", () => {
    const platform = (error: string) => new webApi.WebAPIPlatformError({ ok: false, error });
    expect(slackSendFailure(platform("ratelimited"))).toMatchObject({ permanent: false });
    expect(slackSendFailure(platform("invalid_auth"))).toMatchObject({ permanent: true });
    expect(slackSendFailure(new webApi.WebAPIRateLimitedError(3))).toMatchObject({
      permanent: false,
      retryAfterMs: 3000,
    });
    expect(slackSendFailure(new webApi.WebAPIHTTPError(400, "Bad Request", {}))).toMatchObject({
      permanent: true,
    });
    expect(slackSendFailure(new Error("Retry header did not contain a valid timeout"))).toMatchObject({
      permanent: false,
    });
  });
});

import { describe, expect, it } from "vitest";
import { plainSlackText, slackActionToInbound, slackMessageToInbound } from "./slack-inbound";

describe("plainSlackText", () => {
  it("reads Slack's markup as a person would", () => {
    expect(plainSlackText("<@UBOT> 3号楼 &lt;2单元&gt; 漏水 &amp; 停电", "UBOT")).toBe(
      "3号楼 <2单元> 漏水 & 停电",
    );
    expect(plainSlackText("问 <@U0WANG|wang> 和 <@U0LI> 在 <#C0GRID|chunhui> <!here>")).toBe(
      "问 @wang 和 @U0LI 在 #chunhui @here",
    );
    expect(
      plainSlackText("看 <https://example.org/a|这张图> 和 <https://example.org/b> <mailto:a@b.cn|a@b.cn>"),
    ).toBe("看 这张图 和 https://example.org/b a@b.cn");
  });
});

describe("slackMessageToInbound", () => {
  const base = { type: "message", channel: "G0PRIV", user: "U1", text: "hi", ts: "1700000000.000100" };

  it("maps channel types to chat types, falling back to the channel id", () => {
    expect(slackMessageToInbound({ ...base, channel_type: "group" })?.chatType).toBe("group");
    expect(slackMessageToInbound({ ...base, channel_type: "mpim" })?.chatType).toBe("group");
    expect(slackMessageToInbound({ ...base, channel: "D1", channel_type: "im" })?.chatType).toBe("private");
    expect(slackMessageToInbound({ ...base, channel: "D1" })?.chatType).toBe("private");
  });

  it("keeps thread broadcasts and file shares, drops edits, joins, bots and empty messages", () => {
    expect(
      slackMessageToInbound({ ...base, subtype: "thread_broadcast", thread_ts: "1.1" })?.replyToMessageId,
    ).toBe("1.1");
    expect(slackMessageToInbound({ ...base, subtype: "message_changed" })).toBeNull();
    expect(slackMessageToInbound({ ...base, subtype: "channel_join" })).toBeNull();
    expect(slackMessageToInbound({ ...base, bot_id: "B1" })).toBeNull();
    expect(slackMessageToInbound({ ...base, text: "<@UBOT>" }, "UBOT")).toBeNull();
    expect(slackMessageToInbound({ type: "reaction_added" })).toBeNull();
  });

  it("a thread's parent is not a reply to itself; long text is cut to the inbox's limit", () => {
    expect(slackMessageToInbound({ ...base, thread_ts: base.ts })?.replyToMessageId).toBeUndefined();
    expect(slackMessageToInbound({ ...base, text: "长".repeat(5000) })?.text).toHaveLength(4000);
  });

  it("takes a photo from an image file and skips files it cannot fetch", () => {
    const message = slackMessageToInbound({
      ...base,
      subtype: "file_share",
      text: "",
      files: [
        { id: "F0", mode: "hidden_by_limit" },
        { id: "F1", mimetype: "image/png", url_private: "https://f/1.png" },
      ],
    });
    expect(message?.photo).toEqual({ ref: "https://f/1.png", mime: "image/png" });
    expect(message?.voice).toBeUndefined();
  });
});

describe("slackActionToInbound", () => {
  const body = {
    type: "block_actions",
    user: { id: "U1", username: "li" },
    trigger_id: "9.9.x",
    channel: { id: "C1" },
  };

  it("uses the trigger id when the action has no action_ts", () => {
    expect(slackActionToInbound(body, { type: "button", value: "v" })).toMatchObject({
      chatId: "C1",
      messageId: "action:9.9.x",
      button: "v",
      userName: "li",
    });
  });

  it("ignores selects and buttons without a value", () => {
    expect(slackActionToInbound(body, { type: "static_select", selected_option: { value: "v" } })).toBeNull();
    expect(slackActionToInbound(body, { type: "button" })).toBeNull();
    expect(
      slackActionToInbound({ ...body, type: "view_submission" }, { type: "button", value: "v" }),
    ).toBeNull();
  });
});

// The WeChat channel against wechaty-puppet-mock: a real Wechaty instance over the mock puppet,
// whose Mocker plays the WeChat side (contacts and a room that talk, and that hear what the bot says).
import { FileBox } from "file-box";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { types, WechatyBuilder } from "wechaty";
import { mock, PuppetMock } from "wechaty-puppet-mock";
import type { InboundMessage } from "../../core/conversation/inbound-message";
import { createWechatChannel, type WechatChannel, type WechatChannelLogger } from "./wechat-channel";

type Mocker = InstanceType<typeof mock.Mocker>;
type ContactMock = ReturnType<Mocker["createContact"]>;
type RoomMock = ReturnType<Mocker["createRoom"]>;

interface Heard {
  readonly talkerId: string | undefined;
  readonly text: string | undefined;
}

async function waitUntil(check: () => boolean, what: string, timeoutMs = 3000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** Everything a mock room or contact hears, as plain data. */
function earOn(target: RoomMock | ContactMock): Heard[] {
  const heard: Heard[] = [];
  target.on("message", (message) => {
    heard.push({ talkerId: message.payload.talkerId, text: message.payload.text });
  });
  return heard;
}

const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=",
  "base64",
);

describe("the WeChat channel over wechaty-puppet-mock", () => {
  let mocker: Mocker;
  let puppet: PuppetMock;
  let botUser: ContactMock;
  let mike: ContactMock;
  let mary: ContactMock;
  let stranger: ContactMock;
  let room: RoomMock;
  let channel: WechatChannel;
  let received: InboundMessage[];
  let warnings: string[];
  let clock: number;

  beforeEach(async () => {
    mocker = new mock.Mocker();
    puppet = new PuppetMock({ mocker });
    botUser = mocker.createContact({ name: "网格助手" });
    mike = mocker.createContact({ name: "王小明" });
    mary = mocker.createContact({ name: "李阿姨" });
    stranger = mocker.createContact({ name: "路人甲", friend: false });
    room = mocker.createRoom({
      topic: "东街道3栋业主群",
      memberIdList: [botUser.id, mike.id, mary.id, stranger.id],
    });
    received = [];
    warnings = [];
    clock = Date.UTC(2026, 10, 29, 2, 0, 0);
    const logger: WechatChannelLogger = {
      info: () => {},
      warn: (_obj, msg) => warnings.push(msg),
      error: (_obj, msg) => warnings.push(msg),
    };
    channel = createWechatChannel({
      puppet: "wechaty-puppet-mock",
      wechaty: puppet,
      logger,
      now: () => clock,
    });
    await channel.start(async (message) => {
      received.push(message);
    });
    mocker.login(botUser);
    await waitUntil(() => channel.selfId() === botUser.id, "the bot to log in");
  });

  afterEach(async () => {
    await channel.stop();
  });

  /** Say something as a member and wait until the channel has handed it on. */
  async function say(
    from: ContactMock,
    text: string | FileBox,
    to: RoomMock | ContactMock,
    mentions: ContactMock[] = [],
  ) {
    const before = received.length;
    from.say(text, mentions).to(to);
    await waitUntil(() => received.length > before, "the message to arrive");
    return received[received.length - 1];
  }

  it("is named wechat and can write to contacts privately", () => {
    expect(channel.name).toBe("wechat");
    expect(channel.supportsPrivateChats).toBe(true);
    expect(channel.privateChatIdFor(mike.id)).toBe(mike.id);
  });

  it("turns a member's text in a room into a group InboundMessage", async () => {
    const message = await say(mike, "3栋2单元楼道的灯坏了三天了", room);
    expect(message).toEqual({
      channel: "wechat",
      chatId: room.id,
      chatType: "group",
      userId: mike.id,
      userName: "王小明",
      messageId: expect.any(String),
      text: "3栋2单元楼道的灯坏了三天了",
    });
    expect(room.id).toMatch(/@chatroom$/);
  });

  it("turns a direct message into a private InboundMessage whose chat is the talker", async () => {
    const message = await say(mary, "我想预约周三的活动室", botUser);
    expect(message).toMatchObject({
      chatId: mary.id,
      chatType: "private",
      userId: mary.id,
      userName: "李阿姨",
    });
    expect(message?.text).toBe("我想预约周三的活动室");
  });

  it("maps images to photo refs it can fetch, and voice notes to voice refs", async () => {
    const photo = await say(mike, FileBox.fromBase64(PNG.toString("base64"), "light.png"), room);
    expect(photo?.photo).toEqual({ ref: `wechat:${photo?.messageId}` });
    expect(photo?.text).toBeUndefined();
    const media = await channel.fetchMedia(photo?.photo?.ref ?? "");
    expect(media.bytes.equals(PNG)).toBe(true);
    expect(media).toMatchObject({ name: "light.png", mime: "image/png" });

    // The mocker types a file as audio only by a media type file-box never infers ("audio/silk"),
    // so the voice note is put together the way ContactMock.say() does it.
    const before = received.length;
    const voiceId = `voice-${Date.now()}`;
    mocker.MessageMock.create({
      id: voiceId,
      talkerId: mary.id,
      listenerId: botUser.id,
      timestamp: Date.now(),
      type: types.Message.Audio,
    });
    puppet.emit("message", { messageId: voiceId });
    await waitUntil(() => received.length > before, "the voice note to arrive");
    const voice = received[received.length - 1];
    expect(voice).toMatchObject({
      chatType: "private",
      chatId: mary.id,
      messageId: voiceId,
      voice: { ref: `wechat:${voiceId}` },
    });
    await expect(channel.fetchMedia("telegram:file:1")).rejects.toThrow(/not a wechat media ref/);
  });

  it("ignores the bot's own messages, also those sent from its phone", async () => {
    botUser.say("这是机器人手机上发的").to(room);
    const sent = await channel.send({ channel: "wechat", chatId: room.id, text: "机器人的回复" });
    expect(sent.ok).toBe(true);
    await say(mike, "after", room); // a marker: everything said before it has been handled
    expect(received.map((m) => m.text)).toEqual(["after"]);
  });

  it("sends text to a room: the room hears it from the bot", async () => {
    const heard = earOn(room);
    const result = await channel.send({ channel: "wechat", chatId: room.id, text: "已收到，网格员马上处理" });
    // The mock puppet returns no id for a sent message, so the channel makes one.
    expect(result).toEqual({ ok: true, messageId: expect.stringMatching(/^wechat-sent:/) });
    await waitUntil(() => heard.length > 0, "the room to hear the bot");
    expect(heard).toEqual([{ talkerId: botUser.id, text: "已收到，网格员马上处理" }]);
  });

  it("sends privately to a contact the bot is friends with", async () => {
    const heard = earOn(mary);
    const result = await channel.send({
      channel: "wechat",
      chatId: channel.privateChatIdFor(mary.id),
      text: "您的预约已确认",
    });
    expect(result.ok).toBe(true);
    await waitUntil(() => heard.length > 0, "mary to hear the bot");
    expect(heard[0]).toEqual({ talkerId: botUser.id, text: "您的预约已确认" });
  });

  it("renders buttons as numbered lines and maps a later number from that chat to the button's data", async () => {
    const heard = earOn(room);
    const result = await channel.send({
      channel: "wechat",
      chatId: room.id,
      text: "新工单：3栋楼道灯不亮",
      buttons: [
        [
          { label: "签收", data: "ticket:T1:accept" },
          { label: "退回", data: "ticket:T1:return" },
        ],
        [{ label: "转派", data: "ticket:T1:reassign" }],
      ],
    });
    expect(result.ok).toBe(true);
    await waitUntil(() => heard.length > 0, "the room to hear the options");
    expect(heard[0]?.text).toBe("新工单：3栋楼道灯不亮\n\n1. 签收  2. 退回\n3. 转派");

    const two = await say(mike, "2", room);
    expect(two).toMatchObject({
      chatId: room.id,
      chatType: "group",
      userId: mike.id,
      button: "ticket:T1:return",
    });
    expect(two?.text).toBeUndefined();
    expect((await say(mary, "③", room))?.button).toBe("ticket:T1:reassign");
    expect((await say(mary, "@网格助手\u2005１.", room, [botUser]))?.button).toBe("ticket:T1:accept");

    // A number with no such option, and the same number in another chat, stay plain text.
    expect(await say(mike, "4", room)).toMatchObject({ text: "4" });
    expect(await say(mike, "2", botUser)).toMatchObject({ chatType: "private", text: "2" });
  });

  it("forgets the options after 30 minutes, or when something else is sent to the chat", async () => {
    const buttons = [[{ label: "满意", data: "rate:5" }], [{ label: "不满意", data: "rate:1" }]];
    await channel.send({ channel: "wechat", chatId: mary.id, text: "问题解决了吗？", buttons });
    expect((await say(mary, "1", botUser))?.button).toBe("rate:5");
    clock += 31 * 60 * 1000;
    expect(await say(mary, "1", botUser)).toMatchObject({ text: "1" });

    await channel.send({ channel: "wechat", chatId: mary.id, text: "问题解决了吗？", buttons });
    await channel.send({ channel: "wechat", chatId: mary.id, text: "请问是几号楼？" });
    expect(await say(mary, "2", botUser)).toMatchObject({ text: "2" });
  });

  it("fails permanently for an unknown room or contact, and for a room member who is not a contact", async () => {
    const noRoom = await channel.send({ channel: "wechat", chatId: "nope@chatroom", text: "hi" });
    expect(noRoom).toMatchObject({ ok: false, permanent: true });
    const noContact = await channel.send({ channel: "wechat", chatId: "wxid_nobody", text: "hi" });
    expect(noContact).toMatchObject({
      ok: false,
      permanent: true,
      error: expect.stringContaining("wxid_nobody"),
    });
    const notFriend = await channel.send({ channel: "wechat", chatId: stranger.id, text: "hi" });
    expect(notFriend).toMatchObject({
      ok: false,
      permanent: true,
      error: expect.stringContaining("not a contact"),
    });
  });

  it("reports throttling with a 5 s wait, and other puppet errors as retryable", async () => {
    const sendText = vi.spyOn(puppet, "messageSendText");
    sendText.mockRejectedValueOnce(new Error("发送消息过于频繁 (too frequent)"));
    expect(await channel.send({ channel: "wechat", chatId: room.id, text: "hi" })).toEqual({
      ok: false,
      permanent: false,
      retryAfterMs: 5000,
      error: "wechat: 发送消息过于频繁 (too frequent)",
    });
    sendText.mockRejectedValueOnce(new Error("14 UNAVAILABLE: Connection dropped"));
    const dropped = await channel.send({ channel: "wechat", chatId: room.id, text: "hi" });
    expect(dropped).toEqual({
      ok: false,
      permanent: false,
      error: "wechat: 14 UNAVAILABLE: Connection dropped",
    });
    expect(warnings.filter((w) => w === "wechat send failed")).toHaveLength(2);
  });

  it("refuses to send once stopped (retryable), and an empty message for good", async () => {
    expect(await channel.send({ channel: "wechat", chatId: room.id, text: "  " })).toMatchObject({
      ok: false,
      permanent: true,
    });
    await channel.stop();
    expect(await channel.send({ channel: "wechat", chatId: room.id, text: "hi" })).toMatchObject({
      ok: false,
      permanent: false,
    });
  });
});

describe("building the WeChat channel's Wechaty", () => {
  it("takes a ready Wechaty instance as it is", async () => {
    const mocker = new mock.Mocker();
    const wechaty = WechatyBuilder.build({ puppet: new PuppetMock({ mocker }) });
    const [botUser, mike] = mocker.createContacts(2) as [ContactMock, ContactMock];
    const channel = createWechatChannel({ puppet: "wechaty-puppet-mock", wechaty });
    const received: InboundMessage[] = [];
    await channel.start(async (message) => {
      received.push(message);
    });
    try {
      mocker.login(botUser);
      await waitUntil(() => channel.selfId() === botUser.id, "the bot to log in");
      mike.say("你好").to(botUser);
      await waitUntil(() => received.length > 0, "the message to arrive");
      expect(received[0]).toMatchObject({ chatId: mike.id, chatType: "private", text: "你好" });
    } finally {
      await channel.stop();
    }
  });

  it("loads a puppet by its package name", async () => {
    const channel = createWechatChannel({ puppet: "wechaty-puppet-mock" });
    await channel.start(async () => {});
    expect(channel.selfId()).toBeNull(); // started, nobody logged in yet
    expect(await channel.send({ channel: "wechat", chatId: "wxid_someone", text: "hi" })).toMatchObject({
      ok: false,
      permanent: true,
    });
    await channel.stop();
  });

  it("refuses a puppet name that is not a Wechaty puppet package", () => {
    expect(() => createWechatChannel({ puppet: "../../evil" })).toThrow(/not a Wechaty puppet package name/);
  });
});

import { afterEach, describe, expect, it } from "vitest";
import { mock, PuppetMock } from "wechaty-puppet-mock";
import { createWechatChannel } from "../bot/channels/wechat-channel";
import { ScriptedUnderstanding } from "../core/testing/scripted-understanding";
import { startHarness, until } from "./testing/egrid-harness";

const understanding = new ScriptedUnderstanding([{ when: /灯/, intent: "report", category: "lighting" }]);
let cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const step of cleanup.reverse()) await step();
  cleanup = [];
});

describe("WeChat through the whole pipeline (wechaty-puppet-mock)", () => {
  it("a room report becomes a ticket; the worker hears the dispatch privately and signs for it by number", async () => {
    const mocker = new mock.Mocker();
    const puppet = new PuppetMock({ mocker });
    const bot = mocker.createContact({ name: "网格助手" });
    const resident = mocker.createContact({ name: "王阿姨" });
    const worker = mocker.createContact({ name: "李网格员" });
    const room = mocker.createRoom({ topic: "春晖1网格群", memberIdList: [bot.id, resident.id, worker.id] });
    const workerHears: string[] = [];
    worker.on("message", (m) => {
      workerHears.push(m.payload.text ?? "");
    });
    const roomHears: string[] = [];
    room.on("message", (m) => {
      roomHears.push(m.payload.text ?? "");
    });

    const channel = createWechatChannel({ puppet: "wechaty-puppet-mock", wechaty: puppet });
    const harness = await startHarness(understanding, { channels: [channel] });
    cleanup.push(() => harness.close());
    mocker.login(bot);
    await until(() => channel.selfId() === bot.id, "login");
    const prisma = harness.running.egrid.db.prisma;
    await prisma.groupChat.create({
      data: { channel: "wechat", chatId: room.id, placeId: "g-chunhui-1", title: "春晖1网格群" },
    });
    await prisma.chatIdentity.create({
      data: { channel: "wechat", externalId: resident.id, personId: "p-res-wang" },
    });
    await prisma.chatIdentity.create({
      data: {
        channel: "wechat",
        externalId: worker.id,
        personId: "p-chunhui-1-worker",
        lastSeenAt: harness.clock.now(),
      },
    });

    resident.say("3栋楼道灯坏了").to(room);
    await until(() => workerHears.some((t) => t.includes("新派单")), "the private dispatch");
    expect(workerHears.find((t) => t.includes("新派单"))).toMatch(/1\. 签收 {2}2\. 退回 {2}3\. 已处理/);
    await until(() => roomHears.some((t) => /已受理，编号 2026-000001/.test(t)), "the room reply");

    worker.say("1").to(bot);
    await until(
      async () => (await prisma.ticket.count({ where: { state: "accepted" } })) === 1,
      "signed for",
    );
  });
});

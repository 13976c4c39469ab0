import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ChannelBudget, publishBroadcast, queueBroadcast } from "../../core/broadcast/broadcast";
import type { Broadcast, BroadcastDeps, BroadcastRecipient } from "../../core/broadcast/broadcast-ports";
import type { OutboundMessage } from "../../core/conversation/inbound-message";
import type { Person } from "../../core/people/person";
import type { ResidentInput } from "../../core/registry/resident";
import { fixedClock } from "../../core/shared/clock";
import { counterIds } from "../../core/shared/ids";
import { TEST_DATABASE, tempDatabase } from "../testing/temp-database";
import { PrismaBroadcasts } from "./prisma-broadcasts";
import { PrismaOutbox } from "./prisma-conversation-store";
import { PrismaGovernanceDirectory, PrismaPeopleDirectory } from "./prisma-directory";
import { PrismaAuditLog, PrismaRegistry } from "./prisma-registry";
import { ReferenceCache } from "./reference-cache";

const RESIDENTS = 10_000;
const NOW = new Date("2026-11-30T02:00:00Z");

/**
 * A notice to 10,000 residents, each with a private chat. The queuing "crashes" in the middle of a
 * batch (the renderer throws), and a fresh repository (a restarted process) finishes the job: every
 * resident has exactly one message in the outbox, and every one of them is delivered.
 */
describe(`a broadcast to ${RESIDENTS.toLocaleString("en")} recipients on ${TEST_DATABASE}`, () => {
  let temp: Awaited<ReturnType<typeof tempDatabase>>;
  let deps: BroadcastDeps;
  let admin: Person;

  beforeAll(async () => {
    temp = await tempDatabase();
    const prisma = temp.db.prisma;
    const inputs: ResidentInput[] = [];
    for (let i = 0; i < RESIDENTS; i++) {
      inputs.push({
        buildingId: `b-chunhui-${1 + (i % 6)}`,
        unit: String(1 + (i % 4)),
        room: String(101 + Math.floor(i / 24)),
        name: `居民${i}`,
        phone: null,
        idNumber: null,
        birthYear: null,
        tags: i % 10 === 0 ? ["elderly_alone"] : [],
        emergencyContactName: null,
        emergencyContactPhone: null,
        consent: true,
        note: null,
      });
    }
    const registry = new PrismaRegistry(prisma);
    expect(await registry.saveResidents(inputs, "import", null, NOW)).toEqual({
      created: RESIDENTS,
      updated: 0,
    });
    // Each resident uses the bot: their chat account is their resident id.
    await prisma.$executeRaw`UPDATE "Resident" SET "personId" = "id"`;
    const cache = new ReferenceCache(0);
    deps = {
      registry,
      audit: new PrismaAuditLog(prisma),
      places: new PrismaGovernanceDirectory(prisma, cache),
      clock: fixedClock(NOW),
      ids: counterIds("bc"),
      timeZone: "Asia/Shanghai",
      broadcasts: new PrismaBroadcasts(prisma),
      privateChatsOf: async (personIds) =>
        new Map(personIds.map((id) => [id, { channel: "playground", chatId: `dm-${id}` }])),
    };
    admin = (await new PrismaPeopleDirectory(prisma, cache).getPerson("p-chunhui-admin"))!;
  }, 180_000);

  afterAll(async () => temp?.cleanup());

  it("is queued exactly once per recipient across a crash, and delivered to all", async () => {
    const community = (await deps.places.getPlace("c-chunhui"))!;
    const published = await publishBroadcast(deps, admin, community, {
      kind: "notice",
      text: "今晚22点起停水",
      askAck: true,
    });
    if (!published.ok) throw new Error(published.code);
    const broadcast: Broadcast = published.value.broadcast;
    // The community's own group chat and its two grids' groups, and every resident.
    expect(broadcast.recipients).toBe(RESIDENTS + 3);

    const render = (b: Broadcast, r: BroadcastRecipient): OutboundMessage => ({
      channel: r.channel,
      chatId: r.chatId,
      text: b.text,
    });
    const pace = () => new ChannelBudget(() => 1500);
    expect(await queueBroadcast(deps, broadcast, pace(), render, NOW)).toBe(1500);
    // The process dies while rendering the 700th message of the next batch: that batch rolls back.
    let rendered = 0;
    const dying = (b: Broadcast, r: BroadcastRecipient) => {
      if (++rendered === 700) throw new Error("killed");
      return render(b, r);
    };
    await expect(queueBroadcast(deps, broadcast, pace(), dying, NOW)).rejects.toThrow("killed");
    const prisma = temp.db.prisma;
    expect(await prisma.outboxMessage.count()).toBe(1500);

    // A restarted process resumes whatever is unfinished, two "instances" racing on each tick.
    const restarted: BroadcastDeps = { ...deps, broadcasts: new PrismaBroadcasts(prisma) };
    for (let tick = 0; tick < 20; tick++) {
      const [unfinished] = await restarted.broadcasts.unfinished();
      if (!unfinished) break;
      await Promise.all([
        queueBroadcast(restarted, unfinished, pace(), render, NOW),
        queueBroadcast(deps, unfinished, pace(), render, NOW),
      ]);
    }
    expect(await restarted.broadcasts.unfinished()).toEqual([]);
    const queued = await prisma.outboxMessage.findMany({ select: { chatId: true } });
    expect(queued).toHaveLength(RESIDENTS + 3);
    expect(new Set(queued.map((q) => q.chatId)).size).toBe(RESIDENTS + 3);

    // Delivery through the outbox: every message sent once.
    const outbox = new PrismaOutbox(prisma);
    const delivered = new Set<string>();
    for (;;) {
      const due = await outbox.claimDue("playground", NOW, 500);
      if (due.length === 0) break;
      for (const item of due) {
        delivered.add(item.message.chatId);
        await outbox.markSent(item.id, `m-${item.id}`, NOW);
      }
    }
    expect(delivered.size).toBe(RESIDENTS + 3);
    const progress = await deps.broadcasts.progress(broadcast.id);
    expect(progress).toMatchObject({
      recipients: RESIDENTS + 3,
      queued: RESIDENTS + 3,
      sent: RESIDENTS + 3,
      failed: 0,
    });
  }, 300_000);
});

import { afterEach, describe, expect, it } from "vitest";
import { TEST_DATABASE, tempDatabase } from "../testing/temp-database";
import { PrismaChatDirectory } from "./prisma-chat-directory";
import { PrismaPeopleDirectory } from "./prisma-directory";
import { ReferenceCache } from "./reference-cache";

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

describe(`where people are reached privately, on ${TEST_DATABASE}`, () => {
  it("many at once agree with one by one: the identity seen last, else the newest", async () => {
    const temp = await tempDatabase({ seed: false });
    cleanups.push(temp.cleanup);
    const prisma = temp.db.prisma;
    const cache = new ReferenceCache(0);
    const chats = new PrismaChatDirectory(prisma, new PrismaPeopleDirectory(prisma, cache, 0), cache);
    const t = (minutes: number) => new Date(Date.UTC(2026, 10, 30, 2, minutes));
    for (const id of ["p-res-wang", "p-res-zhang", "p-res-liu"]) {
      await prisma.person.create({ data: { id, name: id, createdAt: t(0) } });
    }
    await prisma.chatIdentity.createMany({
      data: [
        // Seen on Telegram last, though the playground identity is newer.
        {
          channel: "playground",
          externalId: "p-res-wang",
          personId: "p-res-wang",
          createdAt: t(5),
          lastSeenAt: t(6),
        },
        {
          channel: "telegram",
          externalId: "1001",
          personId: "p-res-wang",
          createdAt: t(1),
          lastSeenAt: t(9),
        },
        // Never seen: the newest identity.
        { channel: "slack", externalId: "U1", personId: "p-res-zhang", createdAt: t(1) },
        { channel: "telegram", externalId: "1002", personId: "p-res-zhang", createdAt: t(3) },
      ],
    });
    const ids = ["p-res-wang", "p-res-zhang", "p-res-liu"];
    const many = await chats.privateAddressesOf(ids);
    expect(Object.fromEntries(many)).toEqual({
      "p-res-wang": { channel: "telegram", externalId: "1001" },
      "p-res-zhang": { channel: "telegram", externalId: "1002" },
    });
    for (const id of ids) expect(await chats.privateAddressOf(id)).toEqual(many.get(id) ?? null);
  });
});

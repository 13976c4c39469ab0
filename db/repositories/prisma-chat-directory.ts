import { randomUUID } from "node:crypto";
import type { ChatDirectory } from "../../core/conversation/conversation-ports";
import type { Person } from "../../core/people/person";
import type { PrismaClient } from "../generated/client";
import { cachedPlace, type PrismaPeopleDirectory, toPlace } from "./prisma-directory";
import { NO_REFERENCE_CACHE, type ReferenceCache } from "./reference-cache";
import { ShortMemory } from "./short-memory";
import { pathRange } from "./ticket-row-mapping";

/** How stale `ChatIdentity.lastSeenAt` may be: writing it on every message cost a commit each. */
export const TOUCH_EVERY_MS = 10 * 60_000;

type PrivateAddress = { channel: string; externalId: string };

export class PrismaChatDirectory implements ChatDirectory {
  private readonly touched = new Map<string, number>();
  /** A worker's private chat is asked for each notice of each case they get. */
  private readonly addresses: ShortMemory<PrivateAddress>;

  constructor(
    private readonly prisma: PrismaClient,
    private readonly people: PrismaPeopleDirectory,
    private readonly cache: ReferenceCache = NO_REFERENCE_CACHE,
  ) {
    this.addresses = new ShortMemory(people.rememberMs);
  }

  async findPersonByIdentity(channel: string, externalId: string): Promise<Person | null> {
    const personId = await this.personIdOf(channel, externalId);
    return personId ? this.people.getPerson(personId) : null;
  }

  protected async personIdOf(channel: string, externalId: string): Promise<string | null> {
    const identity = await this.prisma.chatIdentity.findUnique({
      where: { channel_externalId: { channel, externalId } },
      select: { personId: true },
    });
    return identity?.personId ?? null;
  }

  async registerResident(channel: string, externalId: string, name: string, at: Date): Promise<Person> {
    const id = `p-${randomUUID()}`;
    await this.prisma.$transaction([
      this.prisma.person.create({ data: { id, name: name.slice(0, 100) || "居民", createdAt: at } }),
      this.prisma.chatIdentity.create({
        data: { channel, externalId, personId: id, createdAt: at, lastSeenAt: at },
      }),
    ]);
    return (await this.people.getPerson(id))!;
  }

  async setHome(personId: string, buildingId: string) {
    await this.prisma.$transaction(async (tx) => {
      await tx.person.update({ where: { id: personId }, data: { homePlaceId: buildingId } });
      await tx.roleGrant.deleteMany({ where: { personId, role: "resident" } });
      await tx.roleGrant.create({
        data: { id: randomUUID(), personId, role: "resident", placeId: buildingId },
      });
    });
    // After the commit: a read made while it was in flight may have kept the old person.
    this.people.forget(personId);
  }

  async homeOf(personId: string) {
    // The people directory's short memory: the sender was read moments ago (forgotten on setHome).
    const person = await this.people.getPerson(personId);
    if (!person?.homePlaceId) return null;
    return cachedPlace(this.prisma, this.cache, person.homePlaceId);
  }

  async groupChat(channel: string, chatId: string) {
    return this.cache.get(`group:${channel}:${chatId}`, async () => {
      const chat = await this.prisma.groupChat.findUnique({ where: { channel_chatId: { channel, chatId } } });
      if (!chat) return null;
      const place = await cachedPlace(this.prisma, this.cache, chat.placeId);
      return place ? { channel, chatId, title: chat.title, place } : null;
    });
  }

  async buildingsUnder(placeId: string) {
    // Reference data like the places themselves: asked on most reports that name a building.
    return this.cache.get(`buildings:${placeId}`, async () => {
      const place = await cachedPlace(this.prisma, this.cache, placeId);
      if (!place) return [];
      const rows = await this.prisma.place.findMany({
        where: { level: "building", path: pathRange(place.path) },
        orderBy: { path: "asc" },
      });
      return rows.map(toPlace);
    });
  }

  privateAddressOf(personId: string): Promise<PrivateAddress | null> {
    return this.addresses.get(personId, () => this.readPrivateAddress(personId));
  }

  protected async readPrivateAddress(personId: string): Promise<PrivateAddress | null> {
    const identity = await this.prisma.chatIdentity.findFirst({
      where: { personId },
      orderBy: [{ lastSeenAt: { sort: "desc", nulls: "last" } }, { createdAt: "desc" }],
    });
    return identity ? { channel: identity.channel, externalId: identity.externalId } : null;
  }

  async privateAddressesOf(personIds: readonly string[]) {
    const found = new Map<string, { channel: string; externalId: string; seen: number }>();
    const unique = [...new Set(personIds)];
    for (let i = 0; i < unique.length; i += 500) {
      const rows = await this.prisma.chatIdentity.findMany({
        where: { personId: { in: unique.slice(i, i + 500) } },
        select: { personId: true, channel: true, externalId: true, lastSeenAt: true, createdAt: true },
      });
      // As privateAddressOf: the identity seen last (never seen ones last, the newest of those first).
      for (const row of rows) {
        const seen = row.lastSeenAt ? row.lastSeenAt.getTime() : row.createdAt.getTime() - 1e15;
        const best = found.get(row.personId);
        if (!best || seen > best.seen)
          found.set(row.personId, { channel: row.channel, externalId: row.externalId, seen });
      }
    }
    return new Map([...found].map(([id, { channel, externalId }]) => [id, { channel, externalId }]));
  }

  async touchIdentity(channel: string, externalId: string, at: Date) {
    const key = `${channel}:${externalId}`;
    const last = this.touched.get(key);
    if (last !== undefined && at.getTime() - last < TOUCH_EVERY_MS && at.getTime() >= last) return;
    await this.writeLastSeen(channel, externalId, at);
    if (this.touched.size >= 100_000) this.touched.clear();
    this.touched.set(key, at.getTime());
  }

  protected async writeLastSeen(channel: string, externalId: string, at: Date): Promise<void> {
    await this.prisma.chatIdentity.updateMany({ where: { channel, externalId }, data: { lastSeenAt: at } });
  }

  async setLocale(personId: string, locale: Person["locale"]) {
    await this.prisma.person.update({ where: { id: personId }, data: { locale } });
    this.people.forget(personId);
  }
}

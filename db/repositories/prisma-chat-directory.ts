import { randomUUID } from "node:crypto";
import type { ChatDirectory } from "../../core/conversation/conversation-ports";
import type { Person } from "../../core/people/person";
import type { PrismaClient } from "../generated/client";
import { type PrismaPeopleDirectory, toPlace } from "./prisma-directory";
import { pathRange } from "./ticket-row-mapping";

export class PrismaChatDirectory implements ChatDirectory {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly people: PrismaPeopleDirectory,
  ) {}

  async findPersonByIdentity(channel: string, externalId: string): Promise<Person | null> {
    const identity = await this.prisma.chatIdentity.findUnique({
      where: { channel_externalId: { channel, externalId } },
      select: { personId: true },
    });
    return identity ? this.people.getPerson(identity.personId) : null;
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
  }

  async homeOf(personId: string) {
    const person = await this.prisma.person.findUnique({
      where: { id: personId },
      select: { homePlaceId: true },
    });
    if (!person?.homePlaceId) return null;
    const place = await this.prisma.place.findUnique({ where: { id: person.homePlaceId } });
    return place ? toPlace(place) : null;
  }

  async groupChat(channel: string, chatId: string) {
    const chat = await this.prisma.groupChat.findUnique({ where: { channel_chatId: { channel, chatId } } });
    if (!chat) return null;
    const place = await this.prisma.place.findUnique({ where: { id: chat.placeId } });
    return place ? { channel, chatId, title: chat.title, place: toPlace(place) } : null;
  }

  async buildingsUnder(placeId: string) {
    const place = await this.prisma.place.findUnique({ where: { id: placeId }, select: { path: true } });
    if (!place) return [];
    const rows = await this.prisma.place.findMany({
      where: { level: "building", path: pathRange(place.path) },
      orderBy: { path: "asc" },
    });
    return rows.map(toPlace);
  }

  async privateAddressOf(personId: string) {
    const identity = await this.prisma.chatIdentity.findFirst({
      where: { personId },
      orderBy: [{ lastSeenAt: { sort: "desc", nulls: "last" } }, { createdAt: "desc" }],
    });
    return identity ? { channel: identity.channel, externalId: identity.externalId } : null;
  }

  async touchIdentity(channel: string, externalId: string, at: Date) {
    await this.prisma.chatIdentity.updateMany({ where: { channel, externalId }, data: { lastSeenAt: at } });
  }

  async setLocale(personId: string, locale: Person["locale"]) {
    await this.prisma.person.update({ where: { id: personId }, data: { locale } });
  }
}

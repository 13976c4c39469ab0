import type { PrismaClient } from "../generated/client";

export interface PlaygroundIdentity {
  readonly userId: string;
  readonly personId: string;
  readonly name: string;
  readonly roles: string[];
  readonly locale: string;
  /** Group chats this person would be in (their building's grid, their community), then their private chat. */
  readonly chats: { chatId: string; title: string; type: "group" | "private" }[];
}

/** The demo people with a playground identity, and the group chats that cover where they live or work. */
export async function listPlaygroundIdentities(
  prisma: PrismaClient,
  privateChatIdFor: (userId: string) => string,
) {
  const [identities, chats] = await Promise.all([
    prisma.chatIdentity.findMany({
      where: { channel: "playground" },
      include: { person: { include: { grants: true } } },
      orderBy: { personId: "asc" },
    }),
    prisma.groupChat.findMany({ where: { channel: "playground" } }),
  ]);
  const placeIds = new Set<string>(chats.map((c) => c.placeId));
  for (const identity of identities) {
    for (const grant of identity.person.grants) placeIds.add(grant.placeId);
    if (identity.person.homePlaceId) placeIds.add(identity.person.homePlaceId);
  }
  const places = await prisma.place.findMany({
    where: { id: { in: [...placeIds] } },
    select: { id: true, path: true },
  });
  const pathOf = new Map(places.map((p) => [p.id, p.path]));
  return identities.map((identity): PlaygroundIdentity => {
    const anchors = [identity.person.homePlaceId, ...identity.person.grants.map((g) => g.placeId)]
      .map((id) => (id ? pathOf.get(id) : undefined))
      .filter((path): path is string => !!path);
    const groups = chats.filter((chat) => {
      const chatPath = pathOf.get(chat.placeId);
      // In the chat when it covers where they live or work, or sits inside their scope.
      return chatPath && anchors.some((anchor) => anchor.startsWith(chatPath) || chatPath.startsWith(anchor));
    });
    return {
      userId: identity.externalId,
      personId: identity.personId,
      name: identity.person.name,
      locale: identity.person.locale,
      roles: [...new Set(identity.person.grants.map((g) => g.role))],
      chats: [
        ...groups.slice(0, 20).map((c) => ({ chatId: c.chatId, title: c.title, type: "group" as const })),
        {
          chatId: privateChatIdFor(identity.externalId),
          title: identity.person.name,
          type: "private" as const,
        },
      ],
    };
  });
}

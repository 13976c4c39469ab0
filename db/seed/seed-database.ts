import { DEFAULT_CATEGORIES } from "../../core/categories/default-categories";
import { placePath } from "../../core/places/place";
import type { PrismaClient } from "../generated/client";
import { DEPARTMENTS, demoDistrict, ROUTING_DEFAULTS, SLA_DEFAULTS } from "./demo-district";
import { DEMO_SEED_AT, demoPoints } from "./demo-points";

export interface SeedReport {
  readonly seeded: boolean;
  readonly places: number;
  readonly people: number;
}

/** The playground is the channel every demo person and group chat is known on. */
export const PLAYGROUND_CHANNEL = "playground";

/** Seed the demo district into an empty database (no places yet); otherwise leave it alone. */
export async function seedDemoDistrict(prisma: PrismaClient, at: Date = DEMO_SEED_AT): Promise<SeedReport> {
  if ((await prisma.place.count()) > 0) return { seeded: false, places: 0, people: 0 };
  const demo = demoDistrict();
  const points = demoPoints(at);
  const pathOf = new Map<string, string>();
  const placeRows = demo.places.map((p) => {
    const path = placePath(p.parentId ? pathOf.get(p.parentId)! : null, p.id);
    pathOf.set(p.id, path);
    return { ...p, path };
  });
  let grantNo = 0;
  try {
    await insertDemo();
  } catch (error) {
    // Instances starting together on a new database both found it empty: one transaction wins,
    // the other's unique keys collide and it rolls back whole. That is "seeded", not a failure.
    if ((error as { code?: string }).code === "P2002" && (await prisma.place.count()) > 0)
      return { seeded: false, places: 0, people: 0 };
    throw error;
  }
  return { seeded: true, places: placeRows.length, people: demo.people.length };

  async function insertDemo() {
    await prisma.$transaction([
      prisma.place.createMany({ data: placeRows }),
      prisma.category.createMany({
        data: DEFAULT_CATEGORIES.map((c, index) => ({ ...c, sortOrder: index })),
      }),
      prisma.department.createMany({
        data: DEPARTMENTS.map(({ categories: _c, ...d }) => d),
      }),
      prisma.departmentCategory.createMany({
        data: DEPARTMENTS.flatMap((d) =>
          d.categories.map((categoryCode) => ({ departmentId: d.id, categoryCode })),
        ),
      }),
      prisma.slaPolicy.createMany({
        data: SLA_DEFAULTS.map(([categoryCode, priority, signForMinutes, resolveMinutes]) => ({
          categoryCode,
          priority,
          signForMinutes,
          resolveMinutes,
        })),
      }),
      prisma.routingRule.createMany({ data: ROUTING_DEFAULTS }),
      prisma.person.createMany({ data: demo.people.map(({ grants: _g, ...p }) => p) }),
      prisma.roleGrant.createMany({
        data: demo.people.flatMap((p) =>
          p.grants.map((g) => ({
            id: `grant-${++grantNo}`,
            personId: p.id,
            role: g.role,
            placeId: g.placeId,
            departmentId: g.departmentId ?? null,
          })),
        ),
      }),
      prisma.chatIdentity.createMany({
        data: demo.people.map((p) => ({ channel: PLAYGROUND_CHANNEL, externalId: p.id, personId: p.id })),
      }),
      prisma.groupChat.createMany({
        data: demo.groupChats.map((g) => ({ ...g, channel: PLAYGROUND_CHANNEL })),
      }),
      prisma.serviceCentre.createMany({ data: demo.centres.map(({ rooms: _r, services: _s, ...c }) => c) }),
      prisma.room.createMany({
        data: demo.centres.flatMap((c) => c.rooms.map((r) => ({ ...r, centreId: c.id }))),
      }),
      prisma.reward.createMany({ data: points.rewards }),
      prisma.volunteerActivity.createMany({ data: points.activities }),
      prisma.pointEntry.createMany({ data: points.entries }),
      prisma.pointAccount.createMany({ data: points.accounts }),
      prisma.centreService.createMany({
        data: demo.centres.flatMap((c) => c.services.map((s) => ({ ...s, centreId: c.id }))),
      }),
    ]);
  }
}

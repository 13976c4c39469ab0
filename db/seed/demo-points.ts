import { instantOf, wallTimeIn } from "../../core/shared/zoned-time";

/**
 * The demo district's points: a few rewards per community, volunteer activities in the coming
 * days, and opening balances for some residents (as ledger entries, so balance = sum holds).
 * Times are local to Asia/Shanghai, counted from the day the seed runs.
 */
const ZONE = "Asia/Shanghai";
const COMMUNITIES = ["chunhui", "wenchang", "qiaodong", "xihu", "fengle", "dongshan", "fenghuang"];

/** When no clock is given (tests' temp databases): the day the harness's clock starts on. */
export const DEMO_SEED_AT = new Date("2026-11-30T02:00:00Z");

function localDay(at: Date, daysAhead: number, hour: number, minute = 0): Date {
  const today = wallTimeIn(at, ZONE);
  const noon = instantOf({ ...today, hour: 12, minute: 0 }, ZONE);
  const day = wallTimeIn(new Date(noon.getTime() + daysAhead * 86_400_000), ZONE);
  return instantOf({ ...day, hour, minute }, ZONE);
}

export function demoPoints(at: Date) {
  const rewards = [
    {
      id: "rw-chunhui-camp",
      communityId: "c-chunhui",
      name: "暑期少儿夏令营名额",
      nameEn: "Summer camp place",
      cost: 200,
      stock: 3,
    },
    {
      id: "rw-chunhui-calligraphy",
      communityId: "c-chunhui",
      name: "老年书法课（4节）",
      nameEn: "Calligraphy course (4 lessons)",
      cost: 80,
      stock: 10,
    },
    ...COMMUNITIES.flatMap((c) => [
      {
        id: `rw-${c}-eggs`,
        communityId: `c-${c}`,
        name: "鸡蛋一盒",
        nameEn: "A box of eggs",
        cost: 20,
        stock: 100,
      },
      {
        id: `rw-${c}-soap`,
        communityId: `c-${c}`,
        name: "洗衣液一瓶",
        nameEn: "Laundry liquid",
        cost: 30,
        stock: 50,
      },
    ]),
  ].map((r, index) => ({ ...r, description: "", active: true, sortOrder: index, createdAt: at }));

  const activity = {
    signedUp: 0,
    pointsPerHour: null as number | null,
    pointsFlat: null as number | null,
    latitude: null as number | null,
    longitude: null as number | null,
    radiusMetres: null as number | null,
    state: "open",
    createdAt: at,
  };
  const activities = [
    {
      ...activity,
      id: "act-chunhui-green",
      communityId: "c-chunhui",
      placeId: "g-chunhui-1",
      placePath: "/d-demo/s-east/c-chunhui/g-chunhui-1/",
      title: "小区绿化养护",
      startsAt: localDay(at, 1, 9),
      endsAt: localDay(at, 1, 11),
      capacity: 10,
      pointsPerHour: 10,
      checkinCode: "绿化123",
      latitude: 30.2741,
      longitude: 120.1551,
      radiusMetres: 200,
      organiserId: "p-chunhui-admin",
    },
    {
      ...activity,
      id: "act-chunhui-elderly",
      communityId: "c-chunhui",
      placeId: "c-chunhui",
      placePath: "/d-demo/s-east/c-chunhui/",
      title: "敬老院陪伴",
      startsAt: localDay(at, 2, 14),
      endsAt: localDay(at, 2, 16),
      capacity: 5,
      pointsFlat: 20,
      checkinCode: "敬老88",
      organiserId: "p-chunhui-admin",
    },
  ];

  const opening: [string, string, number][] = [
    ["p-res-wang", "c-chunhui", 120],
    ["p-vol-chen", "c-chunhui", 260],
    ["p-res-zhang", "c-chunhui", 40],
  ];
  const entries = opening.map(([personId, communityId, amount]) => ({
    id: `seed-points-${personId}`,
    personId,
    amount,
    kind: "award",
    reason: "示范数据：开通积分",
    reference: null,
    actorId: null,
    communityId,
    idempotencyKey: `seed:${personId}`,
    createdAt: at,
  }));
  const accounts = opening.map(([personId, , balance]) => ({ personId, balance, updatedAt: at }));
  return { rewards, activities, entries, accounts };
}

import type { Role } from "../../core/people/person";
import type { PlaceLevel } from "../../core/places/place";
import type { TicketLevel } from "../../core/tickets/ticket";

/**
 * The demo district seeded into an empty database: the three streets of the original pilot,
 * their communities, grids and buildings, the people who work there, a few residents, group
 * chats on the playground channel, service centres with rooms, departments, SLA and routing.
 * Ids are readable so the README can tell anyone whom to play.
 */
export interface SeedPlace {
  id: string;
  level: PlaceLevel;
  parentId: string | null;
  name: string;
  nameEn: string;
  /** Buildings only: where their entrance is (made up, in a grid around one point). */
  latitude?: number;
  longitude?: number;
}
export interface SeedPerson {
  id: string;
  name: string;
  locale: "zh-CN" | "en";
  phone: string | null;
  homePlaceId: string | null;
  onDuty: boolean;
  grants: { role: Role; placeId: string; departmentId?: string }[];
}

interface CommunitySpec {
  id: string;
  street: string;
  name: string;
  nameEn: string;
  estate: string;
  admin: [string, string];
  workers: [string, string][];
}

const STREETS = [
  { id: "s-east", name: "东街道", nameEn: "East Street", admin: ["p-east-admin", "钱书记"] },
  { id: "s-west", name: "西街道", nameEn: "West Street", admin: ["p-west-admin", "吴主任"] },
  { id: "s-dongshan", name: "东山街道", nameEn: "Dongshan Street", admin: ["p-dongshan-admin", "郑书记"] },
] as const;

const COMMUNITIES: CommunitySpec[] = [
  {
    id: "chunhui",
    street: "s-east",
    name: "春晖社区",
    nameEn: "Chunhui",
    estate: "春晖小区",
    admin: ["p-chunhui-admin", "孙主任"],
    workers: [
      ["p-chunhui-1-worker", "李网格员"],
      ["p-chunhui-2-worker", "周网格员"],
    ],
  },
  {
    id: "wenchang",
    street: "s-east",
    name: "文昌社区",
    nameEn: "Wenchang",
    estate: "文昌花园",
    admin: ["p-wenchang-admin", "冯主任"],
    workers: [
      ["p-wenchang-1-worker", "陈网格员"],
      ["p-wenchang-2-worker", "褚网格员"],
    ],
  },
  {
    id: "qiaodong",
    street: "s-east",
    name: "桥东社区",
    nameEn: "Qiaodong",
    estate: "桥东新村",
    admin: ["p-qiaodong-admin", "卫主任"],
    workers: [
      ["p-qiaodong-1-worker", "蒋网格员"],
      ["p-qiaodong-2-worker", "沈网格员"],
    ],
  },
  {
    id: "xihu",
    street: "s-west",
    name: "西湖社区",
    nameEn: "Xihu",
    estate: "西湖苑",
    admin: ["p-xihu-admin", "韩主任"],
    workers: [
      ["p-xihu-1-worker", "杨网格员"],
      ["p-xihu-2-worker", "朱网格员"],
    ],
  },
  {
    id: "fengle",
    street: "s-west",
    name: "丰乐社区",
    nameEn: "Fengle",
    estate: "丰乐家园",
    admin: ["p-fengle-admin", "秦主任"],
    workers: [
      ["p-fengle-1-worker", "尤网格员"],
      ["p-fengle-2-worker", "许网格员"],
    ],
  },
  {
    id: "dongshan",
    street: "s-dongshan",
    name: "东山社区",
    nameEn: "Dongshan",
    estate: "东山里",
    admin: ["p-dongshan-c-admin", "何主任"],
    workers: [
      ["p-dongshan-1-worker", "吕网格员"],
      ["p-dongshan-2-worker", "施网格员"],
    ],
  },
  {
    id: "fenghuang",
    street: "s-dongshan",
    name: "凤凰社区",
    nameEn: "Fenghuang",
    estate: "凤凰城",
    admin: ["p-fenghuang-admin", "张主任"],
    workers: [
      ["p-fenghuang-1-worker", "孔网格员"],
      ["p-fenghuang-2-worker", "曹网格员"],
    ],
  },
];

const BUILDINGS_PER_GRID = 3;

export const DEPARTMENTS = [
  {
    id: "dept-chengguan",
    name: "区城管局",
    nameEn: "City Management Bureau",
    placeId: "d-demo",
    categories: ["garbage", "parking", "greening", "noise"],
  },
  {
    id: "dept-east-chengguan",
    name: "东街道城管中队",
    nameEn: "East Street City Management Team",
    placeId: "s-east",
    categories: ["garbage", "parking"],
  },
  {
    id: "dept-zongzhi",
    name: "区综治中心",
    nameEn: "Social Governance Centre",
    placeId: "d-demo",
    categories: ["public_security", "neighbor_dispute"],
  },
  {
    id: "dept-minzheng",
    name: "区民政局",
    nameEn: "Civil Affairs Bureau",
    placeId: "d-demo",
    categories: ["assistance"],
  },
  {
    id: "dept-zhujian",
    name: "区住建局",
    nameEn: "Housing and Construction Bureau",
    placeId: "d-demo",
    categories: ["elevator", "property_service", "facilities"],
  },
  {
    id: "dept-water",
    name: "供水公司",
    nameEn: "Water Company",
    placeId: "d-demo",
    categories: ["drainage", "utilities"],
  },
  {
    id: "dept-power",
    name: "供电公司",
    nameEn: "Power Company",
    placeId: "d-demo",
    categories: ["lighting", "utilities"],
  },
  {
    id: "dept-fire",
    name: "消防救援大队",
    nameEn: "Fire and Rescue Brigade",
    placeId: "d-demo",
    categories: ["fire_safety"],
  },
] as const;

/** category ("*" = any) × priority → [sign-for minutes, resolve minutes]. */
export const SLA_DEFAULTS: [string, "urgent" | "high" | "normal" | "low", number, number][] = [
  ["*", "urgent", 15, 4 * 60],
  ["*", "high", 60, 24 * 60],
  ["*", "normal", 4 * 60, 72 * 60],
  ["*", "low", 24 * 60, 7 * 24 * 60],
  ["elevator", "urgent", 10, 2 * 60],
  ["elevator", "high", 30, 12 * 60],
  ["fire_safety", "urgent", 10, 2 * 60],
  ["utilities", "urgent", 10, 3 * 60],
  ["assistance", "urgent", 10, 2 * 60],
  ["assistance", "high", 30, 12 * 60],
];

/** Every case starts with the grid worker; the table is editable by admins. */
export const ROUTING_DEFAULTS: {
  id: string;
  categoryCode: string;
  placeId: string;
  level: TicketLevel;
  departmentId: string | null;
}[] = [{ id: "route-default", categoryCode: "*", placeId: "d-demo", level: "grid", departmentId: null }];

export function demoDistrict() {
  const places: SeedPlace[] = [
    { id: "d-demo", level: "district", parentId: null, name: "示范区", nameEn: "Demo District" },
  ];
  const people: SeedPerson[] = [
    person("p-district-admin", "赵主任", [{ role: "district_admin", placeId: "d-demo" }]),
  ];
  const groupChats: { chatId: string; placeId: string; title: string }[] = [];
  const centres: {
    id: string;
    placeId: string;
    name: string;
    address: string;
    openingHours: string;
    rooms: { id: string; name: string; nameEn: string; capacity: number; bookableBy?: string }[];
    services: { id: string; name: string; nameEn: string; schedule: string; slotMinutes: number }[];
  }[] = [];

  for (const street of STREETS) {
    places.push({
      id: street.id,
      level: "street",
      parentId: "d-demo",
      name: street.name,
      nameEn: street.nameEn,
    });
    people.push(person(street.admin[0], street.admin[1], [{ role: "street_admin", placeId: street.id }]));
  }
  for (const [communityIndex, c] of COMMUNITIES.entries()) {
    const communityId = `c-${c.id}`;
    places.push({
      id: communityId,
      level: "community",
      parentId: c.street,
      name: c.name,
      nameEn: `${c.nameEn} Community`,
    });
    people.push(person(c.admin[0], c.admin[1], [{ role: "community_admin", placeId: communityId }]));
    groupChats.push({ chatId: `community-${c.id}`, placeId: communityId, title: `${c.name}居民群` });
    c.workers.forEach(([workerId, workerName], index) => {
      const gridNo = index + 1;
      const gridId = `g-${c.id}-${gridNo}`;
      places.push({
        id: gridId,
        level: "grid",
        parentId: communityId,
        name: `${c.name}第${gridNo}网格`,
        nameEn: `${c.nameEn} grid ${gridNo}`,
      });
      people.push(person(workerId, workerName, [{ role: "grid_worker", placeId: gridId }]));
      groupChats.push({
        chatId: `grid-${c.id}-${gridNo}`,
        placeId: gridId,
        title: `${c.estate}第${gridNo}网格群`,
      });
      for (let b = 1; b <= BUILDINGS_PER_GRID; b++) {
        const buildingNo = index * BUILDINGS_PER_GRID + b;
        places.push({
          id: `b-${c.id}-${buildingNo}`,
          level: "building",
          parentId: gridId,
          name: `${c.estate}${buildingNo}栋`,
          nameEn: `${c.nameEn} building ${buildingNo}`,
          // Estates ~1.1 km apart, grids ~220 m, buildings ~80 m: far enough to tell apart.
          latitude: round6(30.27 + communityIndex * 0.01 + index * 0.002),
          longitude: round6(120.15 + b * 0.0008),
        });
      }
    });
    centres.push({
      id: `sc-${c.id}`,
      placeId: communityId,
      name: `${c.name}党群服务中心`,
      address: `${c.estate}南门旁 ${c.name}党群服务中心一楼`,
      openingHours: "08:30-21:00",
      rooms: [
        { id: `room-${c.id}-meeting`, name: "会议室", nameEn: "meeting room", capacity: 20 },
        { id: `room-${c.id}-activity`, name: "多功能活动室", nameEn: "activity room", capacity: 40 },
        { id: `room-${c.id}-art`, name: "书画室", nameEn: "calligraphy and painting room", capacity: 12 },
      ],
      services: [
        {
          id: `svc-${c.id}-legal`,
          name: "法律咨询",
          nameEn: "legal advice",
          schedule: "tue,thu 14:00-17:00",
          slotMinutes: 30,
        },
        {
          id: `svc-${c.id}-bath`,
          name: "上门助浴",
          nameEn: "home bathing help",
          schedule: "mon,wed,fri 09:00-12:00",
          slotMinutes: 60,
        },
      ],
    });
  }

  // A second, off-duty worker in Chunhui grid 1 shows on-duty routing.
  people.push({
    ...person("p-chunhui-1-backup", "马网格员", [{ role: "grid_worker", placeId: "g-chunhui-1" }]),
    onDuty: false,
  });
  for (const d of DEPARTMENTS) {
    people.push(
      person(`p-${d.id}-handler`, `${d.name}办事员`, [
        { role: "department_handler", placeId: d.placeId, departmentId: d.id },
      ]),
    );
  }
  people.push(
    resident("p-res-wang", "王阿姨", "b-chunhui-3", "13800000001"),
    resident("p-res-zhang", "张大爷", "b-chunhui-2", "13800000002"),
    resident("p-res-liu", "刘女士", "b-chunhui-5", "13800000003"),
    resident("p-res-huang", "黄先生", "b-wenchang-1", "13800000004"),
    resident("p-res-zhou", "周奶奶", "b-xihu-4", "13800000005"),
    resident("p-res-lin", "林同学", "b-dongshan-2", "13800000006"),
    { ...resident("p-res-emma", "Emma", "b-chunhui-1", "13800000007"), locale: "en" },
    {
      ...resident("p-vol-chen", "陈志愿者", "b-chunhui-1", "13800000008"),
      grants: [{ role: "volunteer", placeId: "b-chunhui-1" }],
    },
  );
  return { places, people, groupChats, centres };
}

function person(id: string, name: string, grants: SeedPerson["grants"]): SeedPerson {
  return { id, name, locale: "zh-CN", phone: null, homePlaceId: null, onDuty: true, grants };
}

function resident(id: string, name: string, buildingId: string, phone: string): SeedPerson {
  return {
    id,
    name,
    locale: "zh-CN",
    phone,
    homePlaceId: buildingId,
    onDuty: true,
    grants: [{ role: "resident", placeId: buildingId }],
  };
}

function round6(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

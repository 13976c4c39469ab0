import { randomUUID } from "node:crypto";
import type { Place } from "../../core/places/place";
import type {
  AuditEntryInput,
  AuditLog,
  RegistryRepository,
  RegistrySource,
  ResidentRecord,
  ResidentSearch,
} from "../../core/registry/registry-ports";
import { type ResidentInput, VULNERABLE_TAGS, type VulnerableTag } from "../../core/registry/resident";
import type { Prisma, PrismaClient } from "../generated/client";
import { chunks } from "./chunks";
import { toPlace } from "./prisma-directory";

/** A large file is one transaction too; give it time (the default is for a chat message). */
const IMPORT_TRANSACTION = { maxWait: 10_000, timeout: 10 * 60_000 } as const;

const residentInclude = { household: true, tags: true } as const;
type ResidentRow = Prisma.ResidentGetPayload<{ include: typeof residentInclude }>;

function toRecord(row: ResidentRow): ResidentRecord {
  return {
    id: row.id,
    householdId: row.householdId,
    name: row.name,
    phone: row.phone,
    idNumber: row.idNumber,
    birthYear: row.birthYear,
    tags: row.tags
      .map((t) => t.tag as VulnerableTag)
      .sort((a, b) => VULNERABLE_TAGS.indexOf(a) - VULNERABLE_TAGS.indexOf(b)),
    emergencyContactName: row.emergencyContactName,
    emergencyContactPhone: row.emergencyContactPhone,
    consent: row.consent,
    personId: row.personId,
    note: row.note,
    household: {
      id: row.household.id,
      buildingId: row.household.buildingId,
      buildingPath: row.household.buildingPath,
      unit: row.household.unit || null,
      room: row.household.room,
    },
  };
}

const addressKey = (buildingId: string, unit: string | null, room: string) =>
  `${buildingId}\u0000${unit ?? ""}\u0000${room}`;

export class PrismaRegistry implements RegistryRepository {
  constructor(private readonly prisma: PrismaClient) {}

  async saveResidents(
    inputs: readonly ResidentInput[],
    source: RegistrySource,
    actorId: string | null,
    at: Date,
  ): Promise<{ created: number; updated: number }> {
    if (inputs.length === 0) return { created: 0, updated: 0 };
    return this.prisma.$transaction(async (tx) => {
      const buildingIds = [...new Set(inputs.map((i) => i.buildingId))];
      const buildings = await tx.place.findMany({
        where: { id: { in: buildingIds }, level: "building" },
        select: { id: true, path: true },
      });
      const pathOf = new Map(buildings.map((b) => [b.id, b.path]));
      const missing = buildingIds.find((id) => !pathOf.has(id));
      if (missing) throw new Error(`no building ${missing}`);

      const households = new Map<string, string>();
      for (const ids of chunks(buildingIds)) {
        for (const h of await tx.household.findMany({ where: { buildingId: { in: ids } } })) {
          households.set(addressKey(h.buildingId, h.unit || null, h.room), h.id);
        }
      }
      const newHouseholds: Prisma.HouseholdCreateManyInput[] = [];
      for (const input of inputs) {
        const key = addressKey(input.buildingId, input.unit, input.room);
        if (households.has(key)) continue;
        const id = randomUUID();
        households.set(key, id);
        newHouseholds.push({
          id,
          buildingId: input.buildingId,
          buildingPath: pathOf.get(input.buildingId)!,
          unit: input.unit ?? "",
          room: input.room,
          createdAt: at,
        });
      }
      for (const part of chunks(newHouseholds)) await tx.household.createMany({ data: part });

      const householdIds = [
        ...new Set(inputs.map((i) => households.get(addressKey(i.buildingId, i.unit, i.room))!)),
      ];
      const existing = new Map<string, string>();
      for (const ids of chunks(householdIds)) {
        const rows = await tx.resident.findMany({
          where: { householdId: { in: ids } },
          select: { id: true, householdId: true, name: true },
        });
        for (const r of rows) existing.set(`${r.householdId}\u0000${r.name}`, r.id);
      }
      const created: Prisma.ResidentCreateManyInput[] = [];
      const tags: Prisma.ResidentTagCreateManyInput[] = [];
      const updatedIds: string[] = [];
      for (const input of inputs) {
        const householdId = households.get(addressKey(input.buildingId, input.unit, input.room))!;
        const placePath = pathOf.get(input.buildingId)!;
        const fields = {
          phone: input.phone,
          idNumber: input.idNumber,
          birthYear: input.birthYear,
          emergencyContactName: input.emergencyContactName,
          emergencyContactPhone: input.emergencyContactPhone,
          consent: input.consent,
          note: input.note,
          updatedAt: at,
          updatedById: actorId,
          leftAt: null,
        };
        const known = existing.get(`${householdId}\u0000${input.name}`);
        const id = known ?? randomUUID();
        if (known) {
          await tx.resident.update({ where: { id }, data: { ...fields, source } });
          updatedIds.push(id);
        } else {
          created.push({ id, householdId, placePath, name: input.name, source, createdAt: at, ...fields });
        }
        for (const tag of new Set(input.tags)) tags.push({ residentId: id, tag, placePath });
      }
      for (const part of chunks(updatedIds))
        await tx.residentTag.deleteMany({ where: { residentId: { in: part } } });
      for (const part of chunks(created)) await tx.resident.createMany({ data: part });
      for (const part of chunks(tags)) await tx.residentTag.createMany({ data: part });
      return { created: created.length, updated: updatedIds.length };
    }, IMPORT_TRANSACTION);
  }

  async markLeft(residentId: string, actorId: string | null, at: Date): Promise<void> {
    await this.prisma.resident.update({
      where: { id: residentId },
      data: { leftAt: at, updatedAt: at, updatedById: actorId },
    });
  }

  async findAt(
    buildingId: string,
    unit: string | null,
    room: string,
    name: string,
  ): Promise<ResidentRecord | null> {
    const row = await this.prisma.resident.findFirst({
      where: { name, leftAt: null, household: { buildingId, unit: unit ?? "", room } },
      include: residentInclude,
    });
    return row ? toRecord(row) : null;
  }

  async getResident(id: string): Promise<ResidentRecord | null> {
    const row = await this.prisma.resident.findUnique({ where: { id }, include: residentInclude });
    return row ? toRecord(row) : null;
  }

  async search(query: ResidentSearch): Promise<{ total: number; residents: ResidentRecord[] }> {
    const where = this.whereOf(query.scopePath, query.tags, query.unit);
    const [total, rows] = await Promise.all([
      this.prisma.resident.count({ where }),
      this.prisma.resident.findMany({
        where,
        include: residentInclude,
        orderBy: [
          { placePath: "asc" },
          { household: { unit: "asc" } },
          { household: { room: "asc" } },
          { name: "asc" },
        ],
        take: query.limit,
        skip: query.offset,
      }),
    ]);
    return { total, residents: rows.map(toRecord) };
  }

  async count(scopePath: string, tags: readonly VulnerableTag[], unit?: string | null): Promise<number> {
    return this.prisma.resident.count({ where: this.whereOf(scopePath, tags, unit) });
  }

  async linkPerson(residentId: string, personId: string): Promise<void> {
    await this.prisma.resident.update({ where: { id: residentId }, data: { personId } });
  }

  async ensurePersonFor(residentId: string, at: Date): Promise<string> {
    return this.prisma.$transaction(async (tx) => {
      const resident = await tx.resident.findUniqueOrThrow({
        where: { id: residentId },
        include: { household: true },
      });
      if (resident.personId) return resident.personId;
      const personId = randomUUID();
      await tx.person.create({
        data: {
          id: personId,
          name: resident.name,
          homePlaceId: resident.household.buildingId,
          createdAt: at,
        },
      });
      await tx.roleGrant.create({
        data: { id: randomUUID(), personId, role: "resident", placeId: resident.household.buildingId },
      });
      await tx.resident.update({ where: { id: residentId }, data: { personId } });
      return personId;
    });
  }

  async placesUnder(scopePath: string): Promise<Place[]> {
    const rows = await this.prisma.place.findMany({ where: { path: { startsWith: scopePath } } });
    return rows.map(toPlace);
  }

  /** Every building with its names: what an import file's building column is matched against. */
  async buildings(): Promise<{ id: string; name: string; nameEn: string | null }[]> {
    return this.prisma.place.findMany({
      where: { level: "building" },
      select: { id: true, name: true, nameEn: true },
      orderBy: { path: "asc" },
    });
  }

  async householdOfPerson(personId: string): Promise<string | null> {
    const resident = await this.prisma.resident.findFirst({
      where: { personId, leftAt: null },
      select: { householdId: true },
    });
    if (resident) return resident.householdId;
    const enrolment = await this.prisma.welfareEnrollment.findFirst({
      where: { personId, active: true },
      select: { residentId: true },
    });
    if (!enrolment) return null;
    const ofEnrolled = await this.prisma.resident.findUnique({
      where: { id: enrolment.residentId },
      select: { householdId: true },
    });
    return ofEnrolled?.householdId ?? null;
  }

  /** Tags go through ResidentTag's (tag, placePath) index; everyone through Resident's placePath. */
  private whereOf(
    scopePath: string,
    tags: readonly VulnerableTag[],
    unit?: string | null,
  ): Prisma.ResidentWhereInput {
    return {
      placePath: { startsWith: scopePath },
      leftAt: null,
      ...(unit ? { household: { unit } } : {}),
      ...(tags.length > 0
        ? { tags: { some: { tag: { in: [...tags] }, placePath: { startsWith: scopePath } } } }
        : {}),
    };
  }
}

/** The audit log: appended to, never changed. */
export class PrismaAuditLog implements AuditLog {
  constructor(private readonly prisma: PrismaClient) {}

  async record(entry: AuditEntryInput): Promise<void> {
    await this.prisma.auditEntry.create({
      data: {
        id: randomUUID(),
        at: entry.at,
        actorId: entry.actorId,
        action: entry.action,
        subject: entry.subject.slice(0, 500),
        detail: JSON.stringify(entry.detail),
      },
    });
  }

  /** The newest entries first, of these actors (all when null), before `before`: the console's audit page. */
  async recent(
    limit: number,
    filter: { actorIds?: readonly string[] | null; action?: string | null; before?: Date | null } = {},
  ): Promise<(AuditEntryInput & { id: string })[]> {
    const rows = await this.prisma.auditEntry.findMany({
      where: {
        ...(filter.actorIds ? { actorId: { in: [...filter.actorIds] } } : {}),
        ...(filter.action ? { action: filter.action } : {}),
        ...(filter.before ? { at: { lt: filter.before } } : {}),
      },
      orderBy: [{ at: "desc" }, { id: "desc" }],
      take: limit,
    });
    return rows.map((r) => ({
      id: r.id,
      at: r.at,
      actorId: r.actorId,
      action: r.action,
      subject: r.subject,
      detail: r.detail ? (JSON.parse(r.detail) as Record<string, unknown>) : {},
    }));
  }
}

// Open311 GeoReport v2 over real HTTP: services, and requests made and read with a partner's key.
import { afterEach, describe, expect, it } from "vitest";
import { personActor } from "../core/people/person";
import { ScriptedUnderstanding } from "../core/testing/scripted-understanding";
import { resolveTicket, signForTicket } from "../core/tickets/work-on-ticket";
import { PrismaApiKeys } from "../db/repositories/prisma-open311";
import { runCli } from "./cli";
import { startHarness } from "./testing/egrid-harness";

const understanding = new ScriptedUnderstanding([
  { when: /灯/, intent: "report", category: "lighting" },
  { when: /井盖/, intent: "report", category: "facilities", priority: "urgent" },
]);

let harness: Awaited<ReturnType<typeof startHarness>> | null = null;
afterEach(async () => {
  await harness?.close();
  harness = null;
});

async function setup(env: Record<string, string> = {}) {
  harness = await startHarness(understanding, { env });
  const prisma = harness.running.egrid.db.prisma;
  const { key, record } = await new PrismaApiKeys(prisma).create("市民热线", harness.clock.now());
  const url = `${harness.url}/open311/v2`;
  const post = (body: Record<string, string>, headers: Record<string, string> = {}) =>
    fetch(`${url}/requests.json`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", ...headers },
      body: new URLSearchParams(body).toString(),
    });
  const get = (path: string, headers: Record<string, string> = {}) => fetch(`${url}/${path}`, { headers });
  return { key, record, url, post, get, prisma, harness };
}

describe("Open311 services", () => {
  it("lists every active category as a service, in Chinese or English, and each one's definition", async () => {
    const { get } = await setup();
    const services = (await (await get("services.json")).json()) as {
      service_code: string;
      service_name: string;
    }[];
    expect(services.map((s) => s.service_code)).toContain("lighting");
    expect(services.find((s) => s.service_code === "lighting")?.service_name).toBe("照明");
    const english = (await (
      await get("services.json", { "accept-language": "en-GB" })
    ).json()) as typeof services;
    expect(english.find((s) => s.service_code === "lighting")?.service_name).toMatch(/light/i);
    expect(await (await get("services/lighting.json")).json()).toEqual({
      service_code: "lighting",
      attributes: [],
    });
    const missing = await get("services/nothing.json");
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual([{ code: 404, description: "service_code: no service nothing" }]);
  });
});

describe("Open311 requests", () => {
  it("a partner's report takes the chat's road: routed, dispatched to the worker, readable back", async () => {
    const { key, post, get, prisma, record } = await setup();
    const made = await post({
      api_key: key,
      service_code: "lighting",
      address_string: "春晖小区3栋门口",
      description: "楼道灯坏了三天",
      email: "wang@example.org",
      media_url: "https://example.org/photo.jpg",
    });
    expect(made.status).toBe(201);
    const id = ((await made.json()) as { service_request_id: string }[])[0]!.service_request_id;
    const ticket = await prisma.ticket.findUniqueOrThrow({ where: { number: id } });
    expect(ticket).toMatchObject({
      sourceChannel: "open311",
      reporterId: record.personId,
      state: "dispatched",
    });
    expect(ticket.placeId).toBe("b-chunhui-3");
    // The grid worker was told, as for a chat report.
    const sent = await prisma.outboxMessage.findMany({ where: { ticketId: ticket.id } });
    const toWorker = sent.find((m) => m.chatId.includes(ticket.assigneeId!));
    expect(toWorker?.payload).toContain("楼道灯坏了三天");
    expect(
      JSON.parse((await prisma.open311Request.findUniqueOrThrow({ where: { ticketId: ticket.id } })).contact),
    ).toEqual({
      email: "wang@example.org",
    });

    const [one] = (await (await get(`requests/${id}.json?api_key=${key}`)).json()) as Record<
      string,
      unknown
    >[];
    expect(one).toMatchObject({
      service_request_id: id,
      status: "open",
      service_code: "lighting",
      description: "楼道灯坏了三天",
      address_id: "b-chunhui-3",
      media_url: "https://example.org/photo.jpg",
    });
    expect(String(one!.status_notes)).toMatch(/已派单/);
    expect(one!.agency_responsible).toBeTruthy();
    expect(JSON.stringify(one)).not.toContain("wang@example.org");

    const list = async (query: string) =>
      (
        (await (await get(`requests.json?api_key=${key}&${query}`)).json()) as {
          service_request_id: string;
        }[]
      ).map((r) => r.service_request_id);
    expect(await list("status=open")).toEqual([id]);
    expect(await list("status=closed")).toEqual([]);
    expect(await list("service_code=facilities")).toEqual([]);
    expect(await list(`service_request_id=${id},2099-000001`)).toEqual([id]);
  });

  it("without a service_code, the understanding picks it when sure, else the case waits in triage", async () => {
    const { key, post, prisma } = await setup();
    const sure = await post({ api_key: key, address_id: "b-chunhui-2", description: "路边井盖没了，很危险" });
    const unsure = await post({
      api_key: key,
      address_id: "b-chunhui-2",
      description: "这里有点问题请来看看",
    });
    const [a] = (await sure.json()) as { service_request_id: string }[];
    const [b] = (await unsure.json()) as { service_request_id: string }[];
    expect(await prisma.ticket.findUnique({ where: { number: a!.service_request_id } })).toMatchObject({
      categoryCode: "facilities",
      priority: "urgent",
    });
    expect(await prisma.ticket.findUnique({ where: { number: b!.service_request_id } })).toMatchObject({
      categoryCode: null,
      state: "triage",
    });
  });

  it("places a report by its position alone: the nearest building within 300 m", async () => {
    const { key, post, prisma } = await setup();
    const building = await prisma.place.findUniqueOrThrow({ where: { id: "b-chunhui-2" } });
    const made = await post({
      api_key: key,
      service_code: "lighting",
      lat: String(building.latitude! + 0.0002), // ~22 m north of its entrance
      long: String(building.longitude!),
      description: "路灯不亮",
    });
    const id = ((await made.json()) as { service_request_id: string }[])[0]!.service_request_id;
    expect((await prisma.ticket.findUniqueOrThrow({ where: { number: id } })).placeId).toBe("b-chunhui-2");
  });

  it("the resident's answer through the partner: OPEN reopens a resolved case, FIXED closes it", async () => {
    const { key, post, prisma, url, harness } = await setup();
    const made = await post({
      api_key: key,
      service_code: "lighting",
      address_id: "b-chunhui-1",
      description: "路灯不亮",
    });
    const id = ((await made.json()) as { service_request_id: string }[])[0]!.service_request_id;
    const update = (body: Record<string, string>) =>
      fetch(`${url}/servicerequestupdates.json`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ api_key: key, service_request_id: id, ...body }).toString(),
      });
    // Not resolved yet: nothing to confirm.
    expect((await update({ status: "FIXED" })).status).toBe(400);
    // The grid worker signs for it (when it waits for that) and reports it fixed.
    const tickets = harness.running.egrid.tickets;
    const resolve = async () => {
      const ticket = await prisma.ticket.findUniqueOrThrow({ where: { number: id } });
      const worker = personActor((await tickets.people.getPerson(ticket.assigneeId!))!);
      if (ticket.state === "dispatched") await signForTicket(tickets, { ticketId: ticket.id, actor: worker });
      const resolved = await resolveTicket(tickets, { ticketId: ticket.id, actor: worker, note: "换了灯泡" });
      expect(resolved.ok).toBe(true);
      return prisma.ticket.findUniqueOrThrow({ where: { number: id } });
    };
    expect((await resolve()).state).toBe("resolved");
    const reopened = await update({ status: "open", description: "还是不亮" });
    expect(reopened.status).toBe(201);
    expect((await prisma.ticket.findUniqueOrThrow({ where: { number: id } })).state).toBe("reopened");
    expect((await resolve()).state).toBe("resolved");
    expect((await update({ status: "FIXED" })).status).toBe(201);
    expect((await prisma.ticket.findUniqueOrThrow({ where: { number: id } })).state).toBe("closed");
    // Another partner may not answer for this one.
    const other = await new PrismaApiKeys(prisma).create("另一平台", harness.clock.now());
    const foreign = await fetch(`${url}/servicerequestupdates.json`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ api_key: other.key, service_request_id: id, status: "OPEN" }),
    });
    expect(foreign.status).toBe(403);
  });

  it("the same Idempotency-Key twice makes one request", async () => {
    const { key, post, prisma } = await setup();
    const body = {
      api_key: key,
      service_code: "lighting",
      address_id: "b-chunhui-1",
      description: "路灯不亮",
    };
    const first = (await (await post(body, { "idempotency-key": "r-1" })).json()) as {
      service_request_id: string;
    }[];
    const again = (await (await post(body, { "idempotency-key": "r-1" })).json()) as typeof first;
    expect(again[0]!.service_request_id).toBe(first[0]!.service_request_id);
    expect(await prisma.ticket.count()).toBe(1);
  });

  it("answers missing, wrong and revoked keys, bad fields and unknown places in Open311's error format", async () => {
    const { key, post, get, harness } = await setup();
    const ok = { service_code: "lighting", address_id: "b-chunhui-1", description: "路灯不亮" };
    const missing = await post(ok);
    expect(missing.status).toBe(401);
    expect(await missing.json()).toEqual([{ code: 401, description: "api_key: is required" }]);
    expect((await post({ ...ok, api_key: "egrid_wrong" })).status).toBe(403);
    expect((await get("requests.json")).status).toBe(401);

    const bad = await post({ api_key: key, service_code: "lighting", lat: "91", email: "not-an-email" });
    expect(bad.status).toBe(400);
    const descriptions = ((await bad.json()) as { description: string }[]).map((e) => e.description);
    expect(descriptions).toEqual(
      expect.arrayContaining([expect.stringMatching(/^lat: /), expect.stringMatching(/^email: /)]),
    );
    const unknownService = await post({ ...ok, api_key: key, service_code: "teleport" });
    expect(await unknownService.json()).toEqual([
      { code: 400, description: "service_code: not found (teleport)" },
    ]);
    const nowhere = await post({
      ...ok,
      api_key: key,
      address_id: undefined as never,
      address_string: "火星基地",
    });
    expect(nowhere.status).toBe(400);
    expect((await get(`requests/2099-000001.json?api_key=${key}`)).status).toBe(404);
    expect((await get(`requests.json?api_key=${key}&status=pending`)).status).toBe(400);

    // Revoked from the command line: the key stops working at once.
    const env = { DATABASE_URL: harness.database.url, LOG_LEVEL: "silent" };
    const out: string[] = [];
    const io = { out: (l: string) => out.push(l), err: (l: string) => out.push(l) };
    expect(await runCli(["apikey", "revoke", key.slice(0, 12)], env, io)).toBe(0);
    expect((await post({ ...ok, api_key: key })).status).toBe(403);
    expect(await runCli(["apikey", "create", "--name", "区城管平台"], env, io)).toBe(0);
    const created = out.find((l) => l.startsWith("api_key="))!.slice("api_key=".length);
    expect((await post({ ...ok, api_key: created })).status).toBe(201);
    expect(await runCli(["apikey", "list"], env, io)).toBe(0);
    expect(out.join("\n")).toMatch(/"区城管平台" created .* active/);
  });

  it("limits each key's requests a minute", async () => {
    const { key, get } = await setup({ OPEN311_RATE_PER_MINUTE: "3" });
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await get(`requests.json?api_key=${key}`)).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
  });

  it("lists status changes as updates, and describes itself in OpenAPI", async () => {
    const { key, post, get, harness } = await setup();
    const made = await post({
      api_key: key,
      service_code: "lighting",
      address_id: "b-chunhui-1",
      description: "路灯不亮",
    });
    const id = ((await made.json()) as { service_request_id: string }[])[0]!.service_request_id;
    const updates = (await (await get(`servicerequestupdates.json?api_key=${key}`)).json()) as {
      service_request_id: string;
      status: string;
    }[];
    expect(updates).toEqual([
      expect.objectContaining({ service_request_id: id, status: "ACTION_SCHEDULED" }),
    ]);
    const tooLong = await get(
      `servicerequestupdates.json?api_key=${key}&start_date=2026-01-01T00:00:00Z&end_date=2026-11-30T00:00:00Z`,
    );
    expect(await tooLong.json()).toEqual([
      { code: 400, description: "start_date: at most 31 days before end_date" },
    ]);

    const doc = (await (await fetch(`${harness.url}/open311/v2/openapi.json`)).json()) as {
      openapi: string;
      paths: Record<
        string,
        Record<string, { requestBody?: { content: Record<string, { schema: { properties: object } }> } }>
      >;
    };
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.paths).sort()).toEqual([
      "/requests.json",
      "/requests/{service_request_id}.json",
      "/servicerequestupdates.json",
      "/services.json",
      "/services/{service_code}.json",
    ]);
    // The documented fields are the validated ones.
    const posted =
      doc.paths["/requests.json"]!.post!.requestBody!.content["application/json"]!.schema.properties;
    expect(Object.keys(posted)).toEqual(
      expect.arrayContaining(["service_code", "address_id", "description", "media_url"]),
    );
  });
});

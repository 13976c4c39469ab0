// The console's audit log: who read or changed residents' data, when, what and why — the reads of
// the staff of the admin's area (a district admin also sees the system's own entries). Read only;
// reading it is itself written to the log.
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { formatWhen } from "../../bot/messages/format";
import type { AuditEntryInput } from "../../core/registry/registry-ports";
import type { BotRuntime } from "../bot-runtime";
import { type ConsoleLang, html, type Raw } from "./admin-html";
import type { ConsoleContext } from "./admin-registry-routes";

const PAGE = 100;
const ACTIONS = [
  "registry.list",
  "registry.count",
  "registry.update",
  "registry.left",
  "registry.import",
  "registry.disclose",
  "welfare.enrol",
  "broadcast.publish",
  "unit.register",
  "unit.call",
  "audit.read",
] as const;
const querySchema = z.object({
  action: z.preprocess((v) => (v === "" ? undefined : v), z.enum(ACTIONS).optional()),
  before: z.preprocess(
    (v) => (v === "" || v === undefined ? undefined : new Date(String(v))),
    z.date().optional(),
  ),
});

const WORDS = {
  zh: {
    title: "审计日志",
    intro: "辖区工作人员对居民信息的每一次查看和修改（谁、何时、什么、为什么）。",
    when: "时间",
    who: "人员",
    action: "操作",
    subject: "对象",
    why: "用途与明细",
    all: "全部操作",
    filter: "筛选",
    older: "更早 →",
    none: "没有记录。",
    system: "系统",
    bad: "筛选条件不对。",
  },
  en: {
    title: "Audit log",
    intro: "Every read and change of residents' data by the staff of your area (who, when, what, why).",
    when: "When",
    who: "Who",
    action: "Action",
    subject: "Subject",
    why: "Purpose and detail",
    all: "all actions",
    filter: "Filter",
    older: "older →",
    none: "No entries.",
    system: "system",
    bad: "Bad filter.",
  },
} as const;

export function registerAdminAuditRoutes(
  app: FastifyInstance,
  runtime: BotRuntime,
  context: ConsoleContext,
): void {
  app.get("/admin/audit", async (request, reply) => {
    const a = await context.admin(request, reply);
    if (!a) return reply;
    const lang = context.langOf(request);
    const w = WORDS[lang];
    const parsed = querySchema.safeParse(request.query ?? {});
    if (!parsed.success || (parsed.data.before && Number.isNaN(parsed.data.before.getTime()))) {
      return context.send(reply, lang, w.title, html`<p class="late">${w.bad}</p>`, 400);
    }
    const widest = a.grants[0]!;
    // A district admin reviews everyone, the system included; others the staff of their area.
    const actorIds =
      widest.role === "district_admin" ? null : await context.queries.staffWithin(widest.placePath);
    const entries = await context.queries.auditEntries(PAGE, {
      actorIds,
      action: parsed.data.action ?? null,
      before: parsed.data.before ?? null,
    });
    await runtime.deps.registry.audit.record({
      at: runtime.deps.clock.now(),
      actorId: a.person.id,
      action: "audit.read",
      subject: widest.placePath,
      detail: { purpose: "console: audit log", entries: entries.length, filter: parsed.data.action ?? null },
    });
    const names = await context.queries.names(entries.flatMap((e) => (e.actorId ? [e.actorId] : [])));
    const body = page(lang, entries, names, parsed.data.action ?? null, runtime.deps.settings.timeZone);
    return context.send(reply, lang, w.title, body);
  });
}

function page(
  lang: ConsoleLang,
  entries: readonly (AuditEntryInput & { id: string })[],
  names: ReadonlyMap<string, string>,
  action: string | null,
  timeZone: string,
): Raw {
  const w = WORDS[lang];
  const options = [
    html`<option value="">${w.all}</option>`,
    ...ACTIONS.map((x) => html`<option value="${x}" ${x === action ? "selected" : ""}>${x}</option>`),
  ];
  const rows = entries.map((e) => {
    const { purpose, ...rest } = e.detail as { purpose?: unknown } & Record<string, unknown>;
    const detail = Object.entries(rest)
      .map(([key, value]) => `${key}=${Array.isArray(value) ? `[${value.length}]` : JSON.stringify(value)}`)
      .join(" ");
    return html`<tr><td>${formatWhen(e.at, lang === "en" ? "en" : "zh-CN", timeZone)}</td><td>${e.actorId ? (names.get(e.actorId) ?? e.actorId) : w.system}</td><td>${e.action}</td><td>${e.subject}</td><td>${typeof purpose === "string" ? purpose : ""} ${detail}</td></tr>`;
  });
  const last = entries.at(-1);
  const older =
    entries.length === PAGE && last
      ? html`<p><a href="/admin/audit?lang=${lang}&action=${action ?? ""}&before=${last.at.toISOString()}">${w.older}</a></p>`
      : html``;
  return html`<p>${w.intro}</p>
<form method="get" action="/admin/audit"><input type="hidden" name="lang" value="${lang}"><select name="action">${options}</select><button>${w.filter}</button></form>
${entries.length === 0 ? html`<p>${w.none}</p>` : html`<table><thead><tr><th>${w.when}</th><th>${w.who}</th><th>${w.action}</th><th>${w.subject}</th><th>${w.why}</th></tr></thead><tbody>${rows}</tbody></table>`}
${older}`;
}

// The console's early warnings: those raised in the admin's area in the last two weeks, with their
// evidence, and a form to acknowledge one with a note (core's acknowledgeWarning, as the chat's button).
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { warningText } from "../../bot/conversation/warning-notices";
import { en } from "../../bot/messages/en";
import { formatWhen } from "../../bot/messages/format";
import { caseList } from "../../bot/messages/warning-messages";
import { zhCN } from "../../bot/messages/zh-cn";
import { acknowledgeWarning, mayActOnWarning } from "../../core/warnings/acknowledge-warning";
import type { Warning } from "../../core/warnings/warning-ports";
import type { BotRuntime } from "../bot-runtime";
import { type ConsoleLang, html, type Raw } from "./admin-html";
import type { ConsoleContext } from "./admin-registry-routes";

const WITHIN_DAYS = 14;
const WORDS = {
  zh: {
    title: "预警",
    none: "近两周您的辖区没有预警。",
    raised: "发现时间",
    rule: "类型",
    place: "地点",
    category: "类别",
    evidence: "依据",
    state: "状态",
    open: "未确认",
    acknowledgedBy: (name: string, note: string | null) => `${name} 已确认${note ? `：${note}` : ""}`,
    note: "处理说明（可选）",
    acknowledge: "我来处理",
    done: "已确认。",
  },
  en: {
    title: "Warnings",
    none: "No warnings in your area in the last two weeks.",
    raised: "Raised",
    rule: "Kind",
    place: "Place",
    category: "Category",
    evidence: "Evidence",
    state: "State",
    open: "open",
    acknowledgedBy: (name: string, note: string | null) =>
      `acknowledged by ${name}${note ? `: ${note}` : ""}`,
    note: "What you will do (optional)",
    acknowledge: "I'll handle it",
    done: "Acknowledged.",
  },
} as const;

const ackSchema = z.object({ note: z.string().trim().max(500).optional() });

export function registerAdminWarningRoutes(
  app: FastifyInstance,
  runtime: BotRuntime,
  context: ConsoleContext,
): void {
  const { deps } = runtime;
  const locale = (lang: ConsoleLang) => (lang === "en" ? "en" : "zh-CN");

  async function listBody(
    personGrants: readonly { placePath: string }[],
    a: Parameters<typeof mayActOnWarning>[0],
    lang: ConsoleLang,
    message: string | null,
  ): Promise<Raw> {
    const w = WORDS[lang];
    const now = deps.clock.now();
    const from = new Date(now.getTime() - WITHIN_DAYS * 24 * 60 * 60_000);
    const seen = new Map<string, Warning>();
    for (const grant of personGrants) {
      for (const warning of await deps.warnings.warnings.raisedBetween(
        grant.placePath,
        from,
        new Date(now.getTime() + 1),
      ))
        seen.set(warning.id, warning);
    }
    const warnings = [...seen.values()].sort((x, y) => y.raisedAt.getTime() - x.raisedAt.getTime());
    if (warnings.length === 0) return html`${message ? html`<p>${message}</p>` : ""}<p>${w.none}</p>`;
    const names = await context.queries.names(
      warnings.flatMap((x) => (x.acknowledgedById ? [x.acknowledgedById] : [])),
    );
    const words = (lang === "en" ? en : zhCN).warnings;
    const rows: Raw[] = [];
    for (const warning of warnings) {
      const text = await warningText(deps, warning, locale(lang));
      const state = warning.acknowledgedAt
        ? html`${w.acknowledgedBy(names.get(warning.acknowledgedById ?? "") ?? "", warning.note)}`
        : mayActOnWarning(a, warning)
          ? html`<form method="post" action="/admin/warnings/${warning.id}/ack?lang=${lang}"><input name="note" maxlength="500" placeholder="${w.note}"><button>${w.acknowledge}</button></form>`
          : html`<span class="late">${w.open}</span>`;
      const evidence =
        warning.rule === "spike"
          ? `${text.count} / ${text.baselineMean} · ${caseList(text.cases, ", ")}`
          : caseList(text.cases, ", ");
      rows.push(
        html`<tr><td>${formatWhen(warning.raisedAt, locale(lang), deps.settings.timeZone)}</td><td>${words.ruleName(warning.rule)}</td><td>${text.place}</td><td>${text.category}</td><td>${evidence}</td><td>${state}</td></tr>`,
      );
    }
    return html`${message ? html`<p>${message}</p>` : ""}<table><thead><tr><th>${w.raised}</th><th>${w.rule}</th><th>${w.place}</th><th>${w.category}</th><th>${w.evidence}</th><th>${w.state}</th></tr></thead><tbody>${rows}</tbody></table>`;
  }

  app.get("/admin/warnings", async (request, reply) => {
    const a = await context.admin(request, reply);
    if (!a) return reply;
    const lang = context.langOf(request);
    const done = (request.query as { done?: string }).done === "1";
    return context.send(
      reply,
      lang,
      WORDS[lang].title,
      await listBody(a.grants, a.person, lang, done ? WORDS[lang].done : null),
    );
  });

  // Like the other console forms: the session cookie (HttpOnly, SameSite=Lax) is the credential.
  app.post<{ Params: { id: string } }>("/admin/warnings/:id/ack", async (request, reply) => {
    const a = await context.admin(request, reply);
    if (!a) return reply;
    const lang = context.langOf(request);
    const parsed = ackSchema.safeParse(request.body ?? {});
    const errors = lang === "en" ? en.errors : zhCN.errors;
    if (!parsed.success)
      return context.send(reply, lang, WORDS[lang].title, html`<p class="late">${WORDS[lang].note}</p>`, 400);
    const result = await acknowledgeWarning(
      deps.warnings,
      a.person,
      request.params.id,
      parsed.data.note ?? null,
    );
    if (!result.ok) {
      const code = result.code === "WARNING.ALREADY_ACKNOWLEDGED" ? 409 : 404;
      return context.send(
        reply,
        lang,
        WORDS[lang].title,
        html`<p class="late">${errors[result.code]}</p>`,
        code,
      );
    }
    return reply.redirect(`/admin/warnings?lang=${lang}&done=1`, 303);
  });
}

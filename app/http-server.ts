import Fastify, { type FastifyBaseLogger, LogController } from "fastify";
import type { WebhookEndpoint } from "../bot/channels/telegram-channel";
import type { Clock } from "../core/shared/clock";
import { registerAdminRoutes } from "./admin/admin-routes";
import type { BotRuntime } from "./bot-runtime";
import type { Egrid } from "./egrid-app";
import type { Logger } from "./logger";
import { registerOpen311Routes } from "./open311-routes";
import { registerPlaygroundRoutes } from "./playground-routes";

/** The HTTP server: health, readiness, metrics, the playground, Open311 and Telegram's webhook. */
export function createHttpServer(
  egrid: Egrid,
  logger: Logger,
  runtime: BotRuntime,
  clock: Clock,
  webhooks: readonly WebhookEndpoint[] = [],
  /** Each configured channel: started, or failed to start (readiness). */
  channels: () => Readonly<Record<string, "connected" | "failed">> = () => ({}),
) {
  // pino 10 and Fastify 5 type their loggers apart; the instance is the same pino logger.
  const app = Fastify({
    loggerInstance: logger as FastifyBaseLogger,
    logController: new LogController({ disableRequestLogging: true }),
  });
  // HTML forms (the console) and Open311 partners (the spec's default) post url-encoded bodies.
  app.addContentTypeParser("application/x-www-form-urlencoded", { parseAs: "string" }, (_req, body, done) =>
    done(null, Object.fromEntries(new URLSearchParams(String(body)))),
  );
  app.get("/healthz", async () => ({ status: "ok", service: "egrid", time: new Date().toISOString() }));
  app.get("/readyz", async (_request, reply) => {
    // Migrations were applied when the database was opened, or egrid would not have started.
    const migrations = egrid.db.migrations.alreadyApplied + egrid.db.migrations.applied.length;
    const channelStates = channels();
    const channelsUp = Object.values(channelStates).every((state) => state === "connected");
    try {
      await egrid.db.prisma.$queryRawUnsafe("SELECT 1");
    } catch (error) {
      logger.warn({ err: error }, "readiness check failed");
      return reply
        .code(503)
        .send({ status: "not ready", database: "unreachable", migrations, channels: channelStates });
    }
    return reply.code(channelsUp ? 200 : 503).send({
      status: channelsUp ? "ready" : "not ready",
      database: "ok",
      migrations,
      channels: channelStates,
    });
  });
  app.get("/metrics", async (_request, reply) =>
    reply.type(egrid.metrics.registry.contentType).send(await egrid.metrics.registry.metrics()),
  );
  registerPlaygroundRoutes(app, egrid, runtime);
  registerOpen311Routes(app, egrid, runtime, clock);
  registerAdminRoutes(app, egrid, runtime, clock);
  for (const webhook of webhooks) {
    app.post(webhook.path, async (request, reply) => {
      // Telegram repeats the secret we gave it in setWebhook; anything else is not Telegram.
      if (webhook.secret && request.headers["x-telegram-bot-api-secret-token"] !== webhook.secret) {
        return reply.code(401).send({ error: "unauthorized" });
      }
      await webhook.handle(request.body);
      return { ok: true };
    });
  }
  return app;
}

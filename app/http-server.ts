import Fastify, { type FastifyBaseLogger, LogController } from "fastify";
import type { WebhookEndpoint } from "../bot/channels/telegram-channel";
import type { BotRuntime } from "./bot-runtime";
import type { Egrid } from "./egrid-app";
import type { Logger } from "./logger";
import { registerPlaygroundRoutes } from "./playground-routes";

/** The HTTP server: health, readiness and the playground. Open311 and the console mount here later. */
export function createHttpServer(
  egrid: Egrid,
  logger: Logger,
  runtime: BotRuntime,
  webhooks: readonly WebhookEndpoint[] = [],
) {
  // pino 10 and Fastify 5 type their loggers apart; the instance is the same pino logger.
  const app = Fastify({
    loggerInstance: logger as FastifyBaseLogger,
    logController: new LogController({ disableRequestLogging: true }),
  });
  app.get("/healthz", async () => ({ status: "ok", service: "egrid", time: new Date().toISOString() }));
  app.get("/readyz", async (_request, reply) => {
    try {
      await egrid.db.prisma.$queryRawUnsafe("SELECT 1");
      return {
        status: "ready",
        database: "ok",
        migrations: egrid.db.migrations.alreadyApplied + egrid.db.migrations.applied.length,
      };
    } catch (error) {
      logger.warn({ err: error }, "readiness check failed");
      return reply.code(503).send({ status: "not ready", database: "unreachable" });
    }
  });
  registerPlaygroundRoutes(app, egrid, runtime);
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

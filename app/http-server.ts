import Fastify from "fastify";
import type { Egrid } from "./egrid-app";
import type { Logger } from "./logger";

/** The HTTP server. For now: health and readiness. The playground, Open311 and the console mount here later. */
export function createHttpServer(egrid: Egrid, logger: Logger) {
  const app = Fastify({ loggerInstance: logger, disableRequestLogging: true });
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
  return app;
}

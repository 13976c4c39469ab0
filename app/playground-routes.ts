import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { PlaygroundChannel } from "../bot/channels/playground-channel";
import { listPlaygroundIdentities } from "../db/repositories/playground-identities";
import type { BotRuntime } from "./bot-runtime";
import type { Egrid } from "./egrid-app";
import { answerPlaygroundMessage, badRequest } from "./playground-answer";
import { registerPlaygroundVoiceRoutes } from "./playground-voice-routes";

const messageBody = z
  .object({
    chatId: z.string().min(1).max(128),
    userId: z.string().min(1).max(128),
    text: z.string().max(4000).optional(),
    button: z.string().min(1).max(200).optional(),
    messageId: z.string().min(1).max(160).optional(),
    replyToMessageId: z.string().max(160).optional(),
    photo: z.object({ ref: z.string().min(1).max(2000), mime: z.string().max(100).optional() }).optional(),
    location: z
      .object({ latitude: z.number().min(-90).max(90), longitude: z.number().min(-180).max(180) })
      .optional(),
  })
  .refine((b) => b.text?.trim() || b.button || b.photo || b.location, {
    message: "text, button, photo or location is required / 请填写消息内容",
  });

const PAGE = path.join(import.meta.dirname, "..", "bot", "playground", "playground.html");

/** The local web chat and its JSON API (documented in the README). */
export function registerPlaygroundRoutes(app: FastifyInstance, egrid: Egrid, runtime: BotRuntime): void {
  const page = readFileSync(PAGE, "utf8");
  app.get("/playground", async (_request, reply) => reply.type("text/html; charset=utf-8").send(page));
  app.get("/", async (_request, reply) => reply.redirect("/playground"));

  app.get("/api/playground/identities", async () => ({
    identities: await listPlaygroundIdentities(egrid.db.prisma, (userId) =>
      runtime.playground.privateChatIdFor(userId),
    ),
  }));

  app.get<{ Params: { chatId: string }; Querystring: { after?: string } }>(
    "/api/playground/chats/:chatId/messages",
    async (request) => ({
      messages: runtime.playground.entries(request.params.chatId, Number(request.query.after ?? 0) || 0),
    }),
  );

  app.post("/api/playground/messages", async (request, reply) => {
    const parsed = messageBody.safeParse(request.body);
    if (!parsed.success) return reply.code(400).send(badRequest(parsed.error.issues));
    const body = parsed.data;
    const messageId = body.messageId ?? randomUUID();
    const chatType = PlaygroundChannel.chatTypeOf(body.chatId);
    if (body.text) runtime.playground.recordUserMessage(body.chatId, body.userId, body.text, messageId);
    const answer = await answerPlaygroundMessage(runtime, {
      channel: "playground",
      chatId: body.chatId,
      chatType,
      userId: body.userId,
      messageId,
      ...(body.text ? { text: body.text } : {}),
      ...(body.button ? { button: body.button } : {}),
      ...(body.replyToMessageId ? { replyToMessageId: body.replyToMessageId } : {}),
      ...(body.photo ? { photo: body.photo } : {}),
      ...(body.location ? { location: body.location } : {}),
    });
    return answer.ok ? answer.body : reply.code(400).send(answer.body);
  });
  registerPlaygroundVoiceRoutes(app, egrid, runtime);
}

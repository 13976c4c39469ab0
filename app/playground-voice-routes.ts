import { randomUUID } from "node:crypto";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import { PlaygroundChannel } from "../bot/channels/playground-channel";
import { probeAudio } from "../core/voice/audio-probe";
import type { BotRuntime } from "./bot-runtime";
import type { Egrid } from "./egrid-app";
import { answerPlaygroundMessage, badRequest } from "./playground-answer";

const voiceFields = z.object({
  chatId: z.string().min(1).max(128),
  userId: z.string().min(1).max(128),
  messageId: z.string().min(1).max(160).optional(),
});

const MEDIA_KEY = /^audio:[0-9a-f]{64}\.[a-z0-9]{1,8}$/;

/**
 * Voice notes in the playground: POST /api/playground/voice (multipart: chatId, userId, file)
 * answers like /api/playground/messages; GET /api/playground/media/<ref> (or …/audio/<ref>) serves
 * stored media: a voice note to play, a chart to show.
 */
export function registerPlaygroundVoiceRoutes(app: FastifyInstance, egrid: Egrid, runtime: BotRuntime): void {
  const maxBytes = egrid.config.VOICE_MAX_BYTES;
  // Twice the limit still arrives (and is refused in words); beyond that the upload is cut off.
  const bodyLimit = maxBytes * 2 + 64 * 1024;
  app.addContentTypeParser("multipart/form-data", { parseAs: "buffer", bodyLimit }, (_request, body, done) =>
    done(null, body),
  );

  app.post("/api/playground/voice", {
    bodyLimit,
    errorHandler: (error, _request, reply) => {
      const tooLarge = error.code === "FST_ERR_CTP_BODY_TOO_LARGE";
      return reply.code(tooLarge ? 413 : 400).send({
        error: tooLarge ? "too_large" : "bad_request",
        message: tooLarge ? "语音文件太大了，请录一条短一点的。" : `请求有误：${error.message}`,
        messageEn: tooLarge
          ? "The audio file is too large; record a shorter one."
          : `Bad request: ${error.message}`,
      });
    },
    handler: async (request, reply) => {
      const contentType = request.headers["content-type"] ?? "";
      if (!contentType.startsWith("multipart/form-data") || !Buffer.isBuffer(request.body)) {
        return reply.code(400).send(badRequest([{ path: ["body"], message: "send multipart/form-data" }]));
      }
      let form: FormData;
      try {
        form = await new Request("http://playground/", {
          method: "POST",
          headers: { "content-type": contentType },
          body: request.body,
        }).formData();
      } catch {
        return reply.code(400).send(badRequest([{ path: ["body"], message: "unreadable multipart body" }]));
      }
      const fields = voiceFields.safeParse({
        chatId: form.get("chatId") ?? undefined,
        userId: form.get("userId") ?? undefined,
        messageId: form.get("messageId") ?? undefined,
      });
      const file = form.get("file");
      if (!fields.success) return reply.code(400).send(badRequest(fields.error.issues));
      if (!file || typeof file === "string") {
        return reply.code(400).send(badRequest([{ path: ["file"], message: "an audio file is required" }]));
      }
      const { chatId, userId } = fields.data;
      const messageId = fields.data.messageId ?? randomUUID();
      const bytes = new Uint8Array(await file.arrayBuffer());
      const voice = await keepUpload(egrid, bytes, file.type, maxBytes);
      runtime.playground.recordUserMessage(chatId, userId, "🎤", messageId, {
        ref: voice.ref,
        mime: voice.mime ?? "application/octet-stream",
        durationSeconds: 0,
      });
      const answer = await answerPlaygroundMessage(runtime, {
        channel: "playground",
        chatId,
        chatType: PlaygroundChannel.chatTypeOf(chatId),
        userId,
        messageId,
        voice,
      });
      return answer.ok ? answer.body : reply.code(400).send(answer.body);
    },
  });

  // Stored media by key: voice notes to play, chart images to show (one store, one handler).
  const serveMedia = async (request: FastifyRequest<{ Params: { ref: string } }>, reply: FastifyReply) => {
    const ref = request.params.ref;
    if (!MEDIA_KEY.test(ref))
      return reply.code(400).send({ error: "bad_request", message: "not a media ref" });
    const bytes = await egrid.voice.audio.get(ref);
    if (!bytes) return reply.code(404).send({ error: "not_found", message: "没有这个文件 / no such media" });
    return reply.type(mediaType(bytes)).send(Buffer.from(bytes));
  };
  app.get("/api/playground/media/:ref", serveMedia);
  app.get("/api/playground/audio/:ref", serveMedia);
}

/** What the bytes are, read from the bytes: PNG and JPEG pictures, else whatever audio they probe as. */
function mediaType(bytes: Uint8Array): string {
  if (bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47) return "image/png";
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return "image/jpeg";
  const probed = probeAudio(bytes);
  return probed.ok ? probed.value.mime : "application/octet-stream";
}

/**
 * The upload is kept before anything else (as the audio it claims to be, or as "bin" when it is
 * not: the conversation then refuses it in words). Over the size limit it is not kept at all.
 */
async function keepUpload(
  egrid: Egrid,
  bytes: Uint8Array,
  declaredMime: string,
  maxBytes: number,
): Promise<{ ref: string; mime?: string; sizeBytes: number }> {
  const mime = declaredMime ? declaredMime.slice(0, 100) : undefined;
  if (bytes.byteLength > maxBytes) {
    return { ref: "playground:not-kept", sizeBytes: bytes.byteLength, ...(mime ? { mime } : {}) };
  }
  const probed = probeAudio(bytes);
  const stored = await egrid.voice.audio.put(bytes, probed.ok ? probed.value.extension : "bin");
  return { ref: stored.key, sizeBytes: bytes.byteLength, ...(mime ? { mime } : {}) };
}

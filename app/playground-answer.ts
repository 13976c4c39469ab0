import type { z } from "zod";
import type { BotRuntime } from "./bot-runtime";

export function badRequest(issues: readonly Pick<z.core.$ZodIssue, "path" | "message">[]) {
  return {
    error: "bad_request",
    message: `请求有误：${issues.map((i) => `${i.path.join(".") || "body"} ${i.message}`).join("; ")}`,
    messageEn: `Bad request: ${issues.map((i) => `${i.path.join(".") || "body"}: ${i.message}`).join("; ")}`,
  };
}

/**
 * Receive one playground message and answer with what the bot said back: delivered at once, so
 * the replies (private ones included) are in the chat logs and in the answer.
 */
export async function answerPlaygroundMessage(
  runtime: BotRuntime,
  message: { readonly messageId: string } & Record<string, unknown>,
): Promise<{ ok: true; body: object } | { ok: false; body: object }> {
  const outcome = await runtime.conversation.receive(message);
  if (!outcome.accepted) return { ok: false, body: { error: "bad_request", message: outcome.error } };
  await runtime.dispatcher.deliverDue("playground");
  const replies = outcome.replies
    .filter((r) => r.channel === "playground")
    .map((r) => ({
      chatId: r.chatId,
      text: r.text,
      ...(r.buttons && r.buttons.length > 0 ? { buttons: r.buttons } : {}),
      ...(r.audio
        ? { audio: { ref: r.audio.ref, mime: r.audio.mime, durationSeconds: r.audio.durationSeconds } }
        : {}),
      ...(r.image ? { image: { ref: r.image.ref, mime: r.image.mime, caption: r.image.caption } } : {}),
    }));
  return { ok: true, body: { messageId: message.messageId, duplicate: outcome.duplicate, replies } };
}

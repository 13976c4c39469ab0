import type { FetchedMedia } from "./channel";

/**
 * GET a platform's file, refusing more than `maxBytes` (checked on Content-Length and again
 * while reading, since the header can be missing or wrong).
 */
export async function downloadMedia(
  url: string,
  headers: Record<string, string>,
  maxBytes: number,
  timeoutMs = 30_000,
): Promise<FetchedMedia> {
  const response = await fetch(url, { headers, signal: AbortSignal.timeout(timeoutMs), redirect: "follow" });
  if (!response.ok || !response.body) {
    throw new Error(`download failed: HTTP ${response.status}`);
  }
  const declared = Number(response.headers.get("content-length") ?? "0");
  if (declared > maxBytes) {
    await response.body.cancel();
    throw new Error(`download refused: ${declared} bytes is over ${maxBytes}`);
  }
  const chunks: Uint8Array[] = [];
  let total = 0;
  for await (const chunk of response.body) {
    total += chunk.byteLength;
    if (total > maxBytes) throw new Error(`download refused: over ${maxBytes} bytes`);
    chunks.push(chunk);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  const mime = response.headers.get("content-type")?.split(";")[0]?.trim();
  return { bytes, ...(mime ? { mime } : {}) };
}

import { createHash, randomUUID } from "node:crypto";
import { access, mkdir, open, readFile, rename } from "node:fs/promises";
import path from "node:path";
import type { AudioStore, StoredAudio } from "../../core/voice/voice-note";

const KEY = /^audio:([0-9a-f]{64})\.([a-z0-9]{1,8})$/;

/**
 * Audio under `<root>/<first two hex>/<sha256>.<ext>`. A file is written to a temporary name,
 * flushed to disk and renamed, so a crash never leaves half a voice note under its hash.
 */
export class FileAudioStore implements AudioStore {
  constructor(private readonly root: string) {}

  async put(bytes: Uint8Array, extension: string): Promise<StoredAudio> {
    if (!/^[a-z0-9]{1,8}$/.test(extension)) throw new Error(`audio store: bad extension "${extension}"`);
    const sha256 = createHash("sha256").update(bytes).digest("hex");
    const key = `audio:${sha256}.${extension}`;
    const file = this.pathOf(sha256, extension);
    if (!(await exists(file))) {
      await mkdir(path.dirname(file), { recursive: true });
      const temporary = `${file}.${randomUUID()}.part`;
      const handle = await open(temporary, "wx");
      try {
        await handle.writeFile(bytes);
        await handle.sync();
      } finally {
        await handle.close();
      }
      await rename(temporary, file);
    }
    return { key, sha256, sizeBytes: bytes.byteLength };
  }

  async get(key: string): Promise<Uint8Array | null> {
    const match = KEY.exec(key);
    if (!match) return null;
    try {
      return new Uint8Array(await readFile(this.pathOf(match[1]!, match[2]!)));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
      throw error;
    }
  }

  private pathOf(sha256: string, extension: string): string {
    return path.join(this.root, sha256.slice(0, 2), `${sha256}.${extension}`);
  }
}

async function exists(file: string): Promise<boolean> {
  try {
    await access(file);
    return true;
  } catch {
    return false;
  }
}

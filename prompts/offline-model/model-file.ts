import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { endianness } from "node:os";
import path from "node:path";
import { z } from "zod";
import type { LinearHead } from "./linear-head";
import { MODEL_FORMAT, MODEL_VERSION, type OfflineModel } from "./offline-model";

const LITTLE_ENDIAN = endianness() === "LE";
const NEWLINE = 0x0a;

function floatBytes(values: Float32Array): Buffer {
  if (LITTLE_ENDIAN) return Buffer.from(values.buffer, values.byteOffset, values.byteLength);
  const bytes = Buffer.alloc(values.length * 4);
  for (let i = 0; i < values.length; i++) bytes.writeFloatLE(values[i]!, i * 4);
  return bytes;
}

/** Reads the float32 arrays that follow the JSON line, in the order they were written. */
class FloatReader {
  constructor(
    private readonly bytes: Buffer,
    private offset: number,
  ) {}

  next(count: number, name: string): Float32Array {
    const end = this.offset + count * 4;
    if (end > this.bytes.length) throw new Error(`${name}: the file ends before its ${count} numbers`);
    const start = this.offset;
    this.offset = end;
    // A copy, so the array starts on a 4-byte boundary wherever the JSON line ended.
    if (LITTLE_ENDIAN)
      return new Float32Array(
        this.bytes.buffer.slice(this.bytes.byteOffset + start, this.bytes.byteOffset + end),
      );
    const values = new Float32Array(count);
    for (let i = 0; i < count; i++) values[i] = this.bytes.readFloatLE(start + i * 4);
    return values;
  }

  expectEnd(): void {
    if (this.offset !== this.bytes.length)
      throw new Error(`${this.bytes.length - this.offset} bytes after the last number`);
  }
}

const headFileSchema = z.object({
  labels: z.array(z.string().min(1)).min(1),
  temperature: z.number().positive(),
  idfPower: z.number().min(0),
  bias: z.array(z.number()),
});

const reliabilitySchema = z.object({
  from: z.number(),
  to: z.number(),
  count: z.number(),
  meanConfidence: z.number(),
  accuracy: z.number(),
});
const headValidationSchema = z.object({
  trainingLines: z.number(),
  validationLines: z.number(),
  accuracy: z.number(),
  macroF1: z.number(),
  temperature: z.number(),
  eceBefore: z.number(),
  eceAfter: z.number(),
  reliability: z.array(reliabilitySchema),
});

const modelFileSchema = z.object({
  format: z.literal(MODEL_FORMAT),
  version: z.literal(MODEL_VERSION),
  fingerprint: z.string(),
  features: z.object({
    charMin: z.number().int().min(1),
    charMax: z.number().int().min(1),
    words: z.boolean(),
    wordBigrams: z.boolean(),
  }),
  dictionary: z.string(),
  vocabulary: z.array(z.string()),
  urgentThreshold: z.number().min(0).max(1),
  heads: z.object({ intent: headFileSchema, category: headFileSchema, priority: headFileSchema }),
  summary: z.object({
    algorithm: z.enum(["softmax", "complement-nb"]),
    corpusLines: z.number(),
    exampleLines: z.number(),
    vocabularySize: z.number(),
    intent: headValidationSchema,
    category: headValidationSchema,
    priority: headValidationSchema.extend({ urgentRecall: z.number(), urgentPrecision: z.number() }),
    trainingMs: z.number(),
  }),
});

const headToFile = (head: LinearHead) => ({
  labels: head.labels,
  temperature: head.temperature,
  idfPower: head.idfPower,
  bias: Array.from(head.bias),
});

function headFromFile(head: z.infer<typeof headFileSchema>, weights: Float32Array, name: string): LinearHead {
  if (head.bias.length !== head.labels.length) throw new Error(`${name}: ${head.bias.length} biases`);
  return {
    labels: head.labels,
    temperature: head.temperature,
    idfPower: head.idfPower,
    bias: Float32Array.from(head.bias),
    weights,
  };
}

/**
 * Write the model as one line of JSON (everything but the weights), a newline, then idf and the
 * intent, category and priority weights as raw float32, in that order. Not base64 inside the JSON:
 * parsing that held ~30 MB of strings at once while the app started, and V8 sized the heap of the
 * whole run from that peak. Written beside and renamed, so a reader never sees half a file.
 */
export async function saveModel(model: OfflineModel, file: string): Promise<void> {
  const { intent, category, priority, idf, ...rest } = model;
  const header = JSON.stringify({
    format: MODEL_FORMAT,
    ...rest,
    heads: { intent: headToFile(intent), category: headToFile(category), priority: headToFile(priority) },
  });
  const numbers = [idf, intent.weights, category.weights, priority.weights].map(floatBytes);
  await mkdir(path.dirname(file), { recursive: true });
  const partial = `${file}.${process.pid}.partial`;
  await writeFile(partial, Buffer.concat([Buffer.from(`${header}\n`, "utf8"), ...numbers]));
  await rename(partial, file);
}

/** Read and check a model file; throws with the reason when it is missing, malformed or of another version. */
export async function loadModel(file: string): Promise<OfflineModel> {
  const bytes = await readFile(file);
  const headerEnd = bytes.indexOf(NEWLINE);
  const parsed = modelFileSchema.safeParse(
    headerEnd < 0 ? null : safeJson(bytes.toString("utf8", 0, headerEnd)),
  );
  if (!parsed.success)
    throw new Error(`${file}: not an offline model of version ${MODEL_VERSION}: ${parsed.error.message}`);
  const { heads, format: _format, ...rest } = parsed.data;
  const featureCount = rest.vocabulary.length;
  try {
    const numbers = new FloatReader(bytes, headerEnd + 1);
    const idf = numbers.next(featureCount, "idf");
    const head = (name: keyof typeof heads) =>
      headFromFile(heads[name], numbers.next(featureCount * heads[name].labels.length, name), name);
    // In the order saveModel wrote them.
    const intent = head("intent");
    const category = head("category");
    const priority = head("priority");
    numbers.expectEnd();
    return { ...rest, idf, intent, category, priority };
  } catch (error) {
    throw new Error(`${file}: ${(error as Error).message}`);
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

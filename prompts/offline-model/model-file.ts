import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { endianness } from "node:os";
import path from "node:path";
import { z } from "zod";
import type { LinearHead } from "./linear-head";
import { MODEL_FORMAT, MODEL_VERSION, type OfflineModel } from "./offline-model";

const LITTLE_ENDIAN = endianness() === "LE";

/** Float32 little-endian, base64: a third of the size of JSON numbers, and exact. */
function encodeFloats(values: Float32Array): string {
  if (LITTLE_ENDIAN)
    return Buffer.from(values.buffer, values.byteOffset, values.byteLength).toString("base64");
  const bytes = Buffer.alloc(values.length * 4);
  for (let i = 0; i < values.length; i++) bytes.writeFloatLE(values[i]!, i * 4);
  return bytes.toString("base64");
}

function decodeFloats(text: string, expected: number): Float32Array {
  const bytes = Buffer.from(text, "base64");
  if (bytes.length !== expected * 4) {
    throw new Error(`expected ${expected} weights, found ${bytes.length / 4}`);
  }
  // A copy, so the array starts on a 4-byte boundary whatever Buffer's pool offset was.
  if (LITTLE_ENDIAN)
    return new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length));
  const values = new Float32Array(expected);
  for (let i = 0; i < expected; i++) values[i] = bytes.readFloatLE(i * 4);
  return values;
}

const headFileSchema = z.object({
  labels: z.array(z.string().min(1)).min(1),
  temperature: z.number().positive(),
  idfPower: z.number().min(0),
  bias: z.array(z.number()),
  weights: z.string(),
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
  idf: z.string(),
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
  weights: encodeFloats(head.weights),
});

function headFromFile(head: z.infer<typeof headFileSchema>, featureCount: number, name: string): LinearHead {
  if (head.bias.length !== head.labels.length) throw new Error(`${name}: ${head.bias.length} biases`);
  return {
    labels: head.labels,
    temperature: head.temperature,
    idfPower: head.idfPower,
    bias: Float32Array.from(head.bias),
    weights: decodeFloats(head.weights, featureCount * head.labels.length),
  };
}

/** Write the model as one JSON file; written beside and renamed, so a reader never sees half a file. */
export async function saveModel(model: OfflineModel, file: string): Promise<void> {
  const { intent, category, priority, idf, ...rest } = model;
  const content = JSON.stringify({
    format: MODEL_FORMAT,
    ...rest,
    idf: encodeFloats(idf),
    heads: { intent: headToFile(intent), category: headToFile(category), priority: headToFile(priority) },
  });
  await mkdir(path.dirname(file), { recursive: true });
  const partial = `${file}.${process.pid}.partial`;
  await writeFile(partial, content, "utf8");
  await rename(partial, file);
}

/** Read and check a model file; throws with the reason when it is missing, malformed or of another version. */
export async function loadModel(file: string): Promise<OfflineModel> {
  const parsed = modelFileSchema.safeParse(JSON.parse(await readFile(file, "utf8")));
  if (!parsed.success)
    throw new Error(`${file}: not an offline model of version ${MODEL_VERSION}: ${parsed.error.message}`);
  const { heads, format: _format, idf, ...rest } = parsed.data;
  const featureCount = rest.vocabulary.length;
  return {
    ...rest,
    idf: decodeFloats(idf, featureCount),
    intent: headFromFile(heads.intent, featureCount, "intent"),
    category: headFromFile(heads.category, featureCount, "category"),
    priority: headFromFile(heads.priority, featureCount, "priority"),
  };
}

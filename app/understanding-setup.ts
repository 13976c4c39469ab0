import type { TrainingExample } from "../core/understanding/training-examples";
import type { Understanding } from "../core/understanding/understanding";
import { AutoUnderstanding } from "../prompts/auto-understanding";
import { createUnderstanding } from "../prompts/create-understanding";
import { LlmUnderstanding } from "../prompts/llm-understanding";
import type { Config } from "./config";
import type { Logger } from "./logger";

/** auto when an LLM is configured, else offline; UNDERSTANDING_MODE overrides. */
export function understandingMode(config: Config): "offline" | "llm" | "auto" {
  return config.UNDERSTANDING_MODE ?? (config.OPENAI_API_KEY ? "auto" : "offline");
}

/**
 * Build the configured Understanding: the offline model (trained into MODEL_FILE when missing or
 * stale), an OpenAI-compatible LLM, or the two combined.
 */
export async function loadUnderstanding(
  config: Config,
  logger: Logger,
  examples: readonly TrainingExample[] = [],
): Promise<Understanding> {
  const mode = understandingMode(config);
  const started = Date.now();
  const offline = await createUnderstanding("offline", {
    modelFile: config.MODEL_FILE,
    examples,
    onTrain: (reason) =>
      logger.info(
        { file: config.MODEL_FILE, reason, examples: examples.length },
        "training the offline model",
      ),
  });
  logger.info({ mode, file: config.MODEL_FILE, ms: Date.now() - started }, "offline model ready");
  if (mode === "offline") return offline;
  if (!config.OPENAI_API_KEY) throw new Error(`UNDERSTANDING_MODE=${mode} needs OPENAI_API_KEY`);
  // Residents' words must not leave for a tracing service because of a stray variable.
  for (const name of ["LANGSMITH_TRACING", "LANGCHAIN_TRACING_V2", "LANGCHAIN_TRACING"])
    process.env[name] = "false";
  const llm = new LlmUnderstanding({
    apiKey: config.OPENAI_API_KEY,
    model: config.OPENAI_MODEL,
    ...(config.OPENAI_BASE_URL ? { baseURL: config.OPENAI_BASE_URL } : {}),
    timeoutMs: config.LLM_TIMEOUT_MS,
    maxRetries: config.LLM_MAX_RETRIES,
    structuredOutput: config.LLM_STRUCTURED_OUTPUT,
  });
  // "llm" asks the LLM every time but still falls back to the offline answer when it fails.
  const act = mode === "llm" ? Number.POSITIVE_INFINITY : config.UNDERSTANDING_ACT_THRESHOLD;
  return new AutoUnderstanding(
    offline,
    llm,
    { act, offer: config.UNDERSTANDING_OFFER_THRESHOLD },
    (event) =>
      event.type === "llm_answered" ? logger.info(event, "llm answered") : logger.warn(event, "llm fallback"),
    { budgetMs: config.LLM_BUDGET_MS },
  );
}

import type { TrainingExample } from "../core/understanding/training-examples";
import type { Understanding } from "../core/understanding/understanding";
import { createUnderstanding } from "../prompts/create-understanding";
import type { LlmUnderstandingOptions } from "../prompts/llm-understanding";
import type { Config } from "./config";
import type { Logger } from "./logger";

/** auto when an LLM is configured, else offline; UNDERSTANDING_MODE overrides. */
export function understandingMode(config: Config): "offline" | "llm" | "auto" {
  return config.UNDERSTANDING_MODE ?? (config.OPENAI_API_KEY ? "auto" : "offline");
}

export function llmOptionsFrom(config: Config): LlmUnderstandingOptions | null {
  if (!config.OPENAI_API_KEY) return null;
  // Residents' words must not leave for a tracing service because of a stray variable.
  for (const name of ["LANGSMITH_TRACING", "LANGCHAIN_TRACING_V2", "LANGCHAIN_TRACING"])
    process.env[name] = "false";
  return {
    apiKey: config.OPENAI_API_KEY,
    model: config.OPENAI_MODEL,
    ...(config.OPENAI_BASE_URL ? { baseURL: config.OPENAI_BASE_URL } : {}),
    timeoutMs: config.LLM_TIMEOUT_MS,
    maxRetries: config.LLM_MAX_RETRIES,
    structuredOutput: config.LLM_STRUCTURED_OUTPUT,
  };
}

/**
 * Build the configured Understanding: the offline model (trained into MODEL_FILE when missing or
 * stale), alone or with an OpenAI-compatible LLM.
 */
export async function loadUnderstanding(
  config: Config,
  logger: Logger,
  examples: readonly TrainingExample[] = [],
): Promise<Understanding> {
  const mode = understandingMode(config);
  const llm = llmOptionsFrom(config);
  if (mode !== "offline" && !llm) throw new Error(`UNDERSTANDING_MODE=${mode} needs OPENAI_API_KEY`);
  const started = Date.now();
  const understanding = await createUnderstanding(mode, {
    modelFile: config.MODEL_FILE,
    examples,
    onTrain: (reason) =>
      logger.info(
        { file: config.MODEL_FILE, reason, examples: examples.length },
        "training the offline model",
      ),
    ...(llm ? { llm } : {}),
    thresholds: { act: config.UNDERSTANDING_ACT_THRESHOLD, offer: config.UNDERSTANDING_OFFER_THRESHOLD },
    budgetMs: config.LLM_BUDGET_MS,
    log: (event) =>
      event.type === "llm_answered" ? logger.info(event, "llm answered") : logger.warn(event, "llm fallback"),
  });
  logger.info({ mode, file: config.MODEL_FILE, ms: Date.now() - started }, "understanding ready");
  return understanding;
}

// Understanding through an LLM: LangChain's ChatOpenAI against any OpenAI-compatible server
// (OpenAI, or a local model server), with zod-checked structured output.
import { HumanMessage, SystemMessage } from "@langchain/core/messages";
import type { Runnable } from "@langchain/core/runnables";
import { ChatOpenAI } from "@langchain/openai";
import { DEFAULT_CATEGORIES } from "../core/categories/default-categories";
import type { Understanding, UnderstandingContext, Understood } from "../core/understanding/understanding";
import { type LlmAnswer, llmAnswerSchema, toUnderstood } from "./llm-answer";
import {
  classifyLlmError,
  isRetryable,
  LlmUnderstandingError,
  retryAfterMs,
  zodIssuePaths,
} from "./llm-errors";
import {
  loadPromptTemplate,
  type PromptTemplate,
  type RenderedPrompt,
  renderUnderstandPrompt,
} from "./llm-prompt";

/**
 * How the structured answer is requested: "jsonSchema" (response_format json_schema, strict; OpenAI,
 * vLLM, llama.cpp, Ollama ≥ 0.5), "functionCalling" (a forced tool call), "jsonMode" (response_format
 * json_object; the schema is only in the prompt).
 */
export type StructuredOutputMethod = "jsonSchema" | "functionCalling" | "jsonMode";

export interface LlmUnderstandingOptions {
  /** Any non-empty string for a local server that wants none. */
  readonly apiKey: string;
  /** e.g. "gpt-4o-mini", or the local server's model name. */
  readonly model: string;
  /** An OpenAI-compatible API root such as "http://127.0.0.1:11434/v1"; OpenAI's when absent. */
  readonly baseURL?: string;
  /** One attempt's limit. Default 15 000 ms. A timeout is not retried. */
  readonly timeoutMs?: number;
  /** Further attempts after a 429, a 5xx or an unreachable server. Default 2. */
  readonly maxRetries?: number;
  /** Back-off before retry n is base × 2^(n−1) unless the server sends Retry-After. Default 500 ms. */
  readonly retryBaseDelayMs?: number;
  /** A Retry-After longer than this ends the retries at once (a resident is waiting). Default 5 000 ms. */
  readonly maxRetryDelayMs?: number;
  /** Default "jsonSchema". */
  readonly structuredOutput?: StructuredOutputMethod;
  /** Default 0; null leaves it to the server (some reasoning models accept only their default). */
  readonly temperature?: number | null;
  /** Default the current template, "understand.v1". */
  readonly template?: PromptTemplate;
}

type StructuredModel = Runnable<(SystemMessage | HumanMessage)[], LlmAnswer>;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export class LlmUnderstanding implements Understanding {
  readonly template: PromptTemplate;
  readonly model: string;
  private readonly structured: StructuredModel;
  private readonly maxRetries: number;
  private readonly retryBaseDelayMs: number;
  private readonly maxRetryDelayMs: number;

  constructor(options: LlmUnderstandingOptions) {
    this.template = options.template ?? loadPromptTemplate();
    this.model = options.model;
    this.maxRetries = Math.max(0, options.maxRetries ?? 2);
    this.retryBaseDelayMs = Math.max(0, options.retryBaseDelayMs ?? 500);
    this.maxRetryDelayMs = Math.max(0, options.maxRetryDelayMs ?? 5_000);
    const temperature = options.temperature === undefined ? 0 : options.temperature;
    const chat = new ChatOpenAI({
      apiKey: options.apiKey,
      model: options.model,
      ...(temperature === null ? {} : { temperature }),
      timeout: options.timeoutMs ?? 15_000,
      // Retries are ours (below): LangChain's wait at least a second between tries and ignore our budget.
      maxRetries: 0,
      useResponsesApi: false,
      streaming: false,
      configuration: options.baseURL ? { baseURL: options.baseURL } : {},
    });
    this.structured = chat.withStructuredOutput(llmAnswerSchema, {
      name: "understanding",
      method: options.structuredOutput ?? "jsonSchema",
    });
  }

  get promptVersion(): string {
    return this.template.version;
  }

  /** The prompt this message would be sent with (for logs, evaluations and tests). */
  prompt(text: string, context: UnderstandingContext = {}): RenderedPrompt {
    return renderUnderstandPrompt(this.template, text, {
      categories: context.categories?.length ? context.categories : DEFAULT_CATEGORIES,
      locale: context.locale,
    });
  }

  /** Throws `LlmUnderstandingError` (timeout, rate limit after retries, malformed or off-schema answer, …). */
  async understand(text: string, context: UnderstandingContext = {}): Promise<Understood> {
    const categories = context.categories?.length ? context.categories : DEFAULT_CATEGORIES;
    const answer = await this.ask(this.prompt(text, context));
    return toUnderstood(answer, text, categories, "llm");
  }

  private async ask(prompt: RenderedPrompt): Promise<LlmAnswer> {
    const messages = [new SystemMessage(prompt.system), new HumanMessage(prompt.user)];
    for (let attempt = 1; ; attempt++) {
      let failure: LlmUnderstandingError;
      try {
        return this.validate(await this.structured.invoke(messages), attempt);
      } catch (error) {
        failure = classifyLlmError(error).withAttempts(attempt);
      }
      const delay = this.retryDelay(failure, attempt);
      if (delay === null) throw failure;
      await sleep(delay);
    }
  }

  /** LangChain parsed it with the same schema; check again so nothing unchecked can pass. */
  private validate(output: unknown, attempt: number): LlmAnswer {
    const parsed = llmAnswerSchema.safeParse(output);
    if (parsed.success) return parsed.data;
    throw new LlmUnderstandingError(
      "LLM.SCHEMA_VIOLATION",
      "the structured answer does not match the schema",
      {
        attempts: attempt,
        issues: zodIssuePaths(parsed.error),
        cause: parsed.error,
      },
    );
  }

  private retryDelay(failure: LlmUnderstandingError, attempt: number): number | null {
    if (attempt > this.maxRetries || !isRetryable(failure)) return null;
    const wanted = retryAfterMs(failure);
    if (wanted !== undefined) return wanted <= this.maxRetryDelayMs ? wanted : null;
    return Math.min(this.retryBaseDelayMs * 2 ** (attempt - 1), this.maxRetryDelayMs);
  }
}

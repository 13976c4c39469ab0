// npm run eval -- --data FILE [--mode offline|llm|auto] [--model FILE]
// The entry point lives in app/ because the LLM modes need settings from the environment.
import { runEvalCommand } from "../prompts/eval-command";
import { ConfigError, loadConfig } from "./config";
import { llmOptionsFrom } from "./understanding-setup";

const io = { out: (line: string) => console.log(line), err: (line: string) => console.error(line) };
try {
  const config = loadConfig(process.env);
  process.exitCode = await runEvalCommand(
    process.argv.slice(2),
    io,
    process.cwd(),
    llmOptionsFrom(config) ?? undefined,
  );
} catch (error) {
  console.error(
    error instanceof ConfigError ? error.message : error instanceof Error ? error.message : String(error),
  );
  process.exitCode = 1;
}

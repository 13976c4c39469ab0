import type { Understanding } from "../core/understanding/understanding";
import { TriageOnlyUnderstanding } from "../prompts/triage-only-understanding";
import type { Config } from "./config";
import type { Logger } from "./logger";

/** Build the configured Understanding. */
export async function loadUnderstanding(_config: Config, logger: Logger): Promise<Understanding> {
  logger.warn({}, "no understanding model wired yet: every report goes to a dispatcher (triage)");
  return new TriageOnlyUnderstanding();
}

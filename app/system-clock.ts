import { randomUUID } from "node:crypto";
import type { Clock } from "../core/shared/clock";
import type { IdGenerator } from "../core/shared/ids";

export const systemClock: Clock = { now: () => new Date() };

export const uuidIds: IdGenerator = { next: () => randomUUID() };

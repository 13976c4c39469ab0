import { randomInt, randomUUID } from "node:crypto";
import type { RandomSource } from "../core/points/points-deps";
import type { Clock } from "../core/shared/clock";
import type { IdGenerator } from "../core/shared/ids";

export const systemClock: Clock = { now: () => new Date() };

export const uuidIds: IdGenerator = { next: () => randomUUID() };

/** Pickup codes and confirmation tokens must not be guessable. */
export const cryptoRandom: RandomSource = { int: (maxExclusive) => randomInt(maxExclusive) };

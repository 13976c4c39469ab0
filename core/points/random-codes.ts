import type { RandomSource } from "./points-deps";

/** No 0/O, 1/I/L: a code read out at a desk or typed from a phone cannot be misread. */
export const UNAMBIGUOUS_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

/** A pickup code: 6 characters of 31 is ~887 million codes; the database keeps them unique. */
export function randomCode(random: RandomSource, length = 6): string {
  let code = "";
  for (let i = 0; i < length; i++) code += UNAMBIGUOUS_ALPHABET[random.int(UNAMBIGUOUS_ALPHABET.length)];
  return code;
}

/** A predictable RandomSource for tests (a linear congruential sequence). */
export function seededRandom(seed = 1): RandomSource {
  let state = seed >>> 0;
  return {
    int(maxExclusive) {
      state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
      return state % maxExclusive;
    },
  };
}

import type { ErrorCode } from "./error-codes";

/** An expected failure: a stable code the bot turns into words, and details for logs and replies. */
export interface Failure {
  readonly ok: false;
  readonly code: ErrorCode;
  readonly detail?: Record<string, string | number | boolean | null>;
}

export interface Success<T> {
  readonly ok: true;
  readonly value: T;
}

export type Result<T> = Success<T> | Failure;

export function ok<T>(value: T): Success<T> {
  return { ok: true, value };
}

export function fail(code: ErrorCode, detail?: Failure["detail"]): Failure {
  return detail === undefined ? { ok: false, code } : { ok: false, code, detail };
}

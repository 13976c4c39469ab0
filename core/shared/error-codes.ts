/**
 * Every expected failure of a use case has one of these stable codes. The bot's message
 * catalogue turns them into words; logs and APIs carry them as they are.
 */
export const ERROR_CODES = [
  "TICKET.NOT_FOUND",
  "TICKET.ILLEGAL_TRANSITION",
  "TICKET.NOT_ALLOWED",
  "TICKET.CONCURRENT_UPDATE",
  "TICKET.NOTE_REQUIRED",
  "TICKET.RATING_INVALID",
  "TICKET.ALREADY_RATED",
  "TICKET.MERGE_TARGET_INVALID",
  "TICKET.ASSIGNEE_INVALID",
  "TICKET.TOP_LEVEL",
  "TICKET.NO_ROUTE",
  "TICKET.CATEGORY_UNKNOWN",
  "PLACE.NOT_FOUND",
  "PERSON.NOT_FOUND",
  "VOICE.EMPTY",
  "VOICE.NOT_AUDIO",
  "VOICE.CORRUPT",
  "VOICE.TOO_LARGE",
  "VOICE.TOO_LONG",
  "VOICE.FETCH_FAILED",
  "TRANSCRIBE.UNAVAILABLE",
  "TRANSCRIBE.REJECTED",
  "TRANSCRIBE.EMPTY",
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

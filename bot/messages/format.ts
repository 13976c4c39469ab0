import type { Locale } from "../../core/people/person";
import { dateTimeFormat } from "../../core/shared/date-formats";
import { en } from "./en";
import type { MessageCatalogue } from "./message-catalogue";
import { zhCN } from "./zh-cn";

export function catalogue(locale: Locale): MessageCatalogue {
  return locale === "en" ? en : zhCN;
}

/** A deadline as a person reads it, in the deployment's time zone: "12月1日 14:00" / "1 Dec 14:00". */
export function formatWhen(at: Date | null, locale: Locale, timeZone: string): string | null {
  if (!at) return null;
  return dateTimeFormat(locale === "en" ? "en-GB" : "zh-CN", {
    timeZone,
    month: locale === "en" ? "short" : "numeric",
    day: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    hour12: false,
  }).format(at);
}

/** "2 h 15 min" / "2小时15分" until a deadline. */
export function formatDuration(ms: number, locale: Locale): string {
  const minutes = Math.max(0, Math.round(ms / 60_000));
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (locale === "en") return hours > 0 ? `${hours} h ${rest} min` : `${rest} min`;
  return hours > 0 ? `${hours}小时${rest}分` : `${rest}分钟`;
}

const PHONE = /(?<!\d)(1[3-9]\d)\d{4}(\d{4})(?!\d)/g;

/** Phone numbers never go back out in full where others can read them. */
export function maskPhones(text: string): string {
  return text.replace(PHONE, "$1****$2");
}

export function excerpt(text: string, max = 80): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** Chinese characters → zh-CN; Latin letters and no Chinese → en; otherwise keep what we had. */
export function detectLocale(text: string | undefined, fallback: Locale): Locale {
  // Commands ("/overdue") and bare numbers say nothing about the person's language.
  if (!text || text.trimStart().startsWith("/")) return fallback;
  if (/\p{Script=Han}/u.test(text)) return "zh-CN";
  if (/[a-z]{2,}/i.test(text)) return "en";
  return fallback;
}

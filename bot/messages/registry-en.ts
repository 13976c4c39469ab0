import type { VulnerableTag } from "../../core/registry/resident";
import type { RegistryMessages, ResidentLine } from "./registry-messages";

const TAGS: Record<VulnerableTag, string> = {
  elderly_alone: "elderly living alone",
  elderly: "elderly",
  child: "children in need",
  disabled: "disabled",
  pregnant: "pregnant",
  chronic_illness: "chronic illness",
  low_income: "low income",
};

const tagList = (tags: readonly VulnerableTag[]) =>
  tags.length ? tags.map((t) => TAGS[t]).join(", ") : "all residents";

function line(r: ResidentLine, index: number): string {
  const parts = [`${index + 1}. ${r.name}`, r.address];
  if (r.age !== null) parts.push(`${r.age} y`);
  if (r.tags.length) parts.push(tagList(r.tags));
  if (r.phone) parts.push(`☎ ${r.phone}`);
  if (r.emergency) parts.push(`emergency contact ${r.emergency}`);
  return parts.join(" · ");
}

export const registryEn: RegistryMessages = {
  tag: (tag) => TAGS[tag],
  residentSaved: (p) =>
    p.kind === "left"
      ? `Recorded: ${p.name} (${p.address}) no longer lives here and leaves the lists and notices.`
      : `${p.kind === "created" ? "Registered" : "Updated"}: ${p.name} (${p.address})${p.tags.length ? `, ${tagList(p.tags)}` : ""}.`,
  notedAsIs: (p) => `“${p.words}” fits no field: kept as is in the note.`,
  noConsentYet: () =>
    "Note: no consent from the resident or guardian is recorded. Once given, send it again with “已同意” (consented) to allow welfare checks.",
  count: (p) => `${p.scope}, ${tagList(p.tags)}: ${p.total} in all.`,
  list: (p) =>
    p.total === 0
      ? `No ${tagList(p.tags)} registered in ${p.scope}.`
      : [
          `${p.scope}, ${tagList(p.tags)}: ${p.total}${p.lines.length < p.total ? `, first ${p.lines.length} shown` : ""}`,
          ...p.lines.map(line),
          "(Personal data, for work only; do not forward. This look-up is logged.)",
        ].join("\n"),
  privateOnly: () =>
    "Lists hold residents' personal data and are shown only in a private chat. Message me privately first.",
  placeUnknown: (p) => `No “${p.hint}” in the places you look after.`,
  usage: (command) =>
    ({
      resident: "Usage: /resident 3栋201 Mrs Wang living alone phone 13800001111 已同意",
      residents: "Usage: /residents [building or area] [tag] [how many]",
      welfare: "Usage: /welfare 3栋201 <name> 08:30 [grace minutes]; stop: /welfare stop 3栋201 <name>",
      broadcast: "Usage: /notice <text> (/alert asks for “received”, /dutycall calls volunteers)",
      desk: "Usage: /desk 3栋201 <name> <what is wrong>",
      unreached: "Usage: /unreached [notice number]",
    })[command],

  welfareEnrolled: (p) =>
    `Welfare check on for ${p.name} (${p.address}): asked daily at ${p.time}; no answer within ${p.grace} minutes opens an assistance case for the grid worker.\nGive the code ${p.code} to them or their family to send me privately.`,
  welfareStopped: (p) => `Welfare check stopped for ${p.name}.`,
  welfareLinked: (p) =>
    p.self
      ? `Linked! Each day at ${p.time} I will say hello; any reply or the button counts as your check-in.`
      : `Linked! Each day at ${p.time} I will ask you to confirm ${p.name} is well; any reply or the button will do.`,
  welfarePrompt: (p) =>
    p.self
      ? `Hello ${p.name}! Are you well today? Press the button or reply with anything to check in.`
      : `Hello! Please confirm ${p.name} is well today: press the button or reply with anything.`,
  buttonImFine: () => "I'm fine 👍",
  welfareThanks: () => "Thank you, stay well!",
  welfareMissedDetails: (p) =>
    [
      `Case ${p.number}: ${p.name} (${p.address}) did not answer today's welfare check. Please call or visit soon.`,
      `Phone: ${p.phone ?? "not registered"}`,
      `Emergency contact: ${p.contact ? `${p.contact}${p.contactPhone ? ` ${p.contactPhone}` : ""}` : "not registered"}`,
    ].join("\n"),
  welfareAnsweredLate: (p) => `${p.name} has just checked in (case ${p.number}); please verify and close it.`,

  broadcast: (p) =>
    `${p.kind === "duty_call" ? "[Call for emergency duty] " : "[Community notice] "}${p.text}\n— ${p.from}${p.askAck ? (p.kind === "duty_call" ? "\nIf you can come, press “I can come”." : "\nPlease press “Received”.") : ""}`,
  buttonAck: () => "Received ✅",
  buttonDutyYes: () => "I can come 🙋",
  buttonDutyNo: () => "I can't",
  published: (p) =>
    `Published (no. ${p.id.slice(0, 8)}) to ${p.recipients} groups and residents, sending at the platforms' pace.${p.unreachable ? `\n${p.unreachable} people have no private chat: grid workers should phone them.` : ""}\nProgress: /bcstatus; households not reached: /unreached`,
  acknowledged: () => "Thank you, marked as received.",
  dutyAnswered: (p) =>
    p.yes ? `Thank you! ${p.count} have answered yes; wait for the community's plan.` : "Noted.",
  progress: (p) =>
    [
      `${p.kind === "duty_call" ? "Duty call" : "Notice"} (${p.when}): ${p.text.slice(0, 60)}`,
      `recipients ${p.recipients}, queued ${p.queued}, delivered ${p.sent}${p.failed ? `, failed ${p.failed}` : ""}`,
      p.kind === "duty_call"
        ? `coming ${p.yes}, not coming ${p.no}`
        : `acknowledged by ${p.ack}, covering ${p.households} households`,
    ].join("\n"),
  unreached: (p) =>
    p.total === 0
      ? "Every registered household has acknowledged."
      : [
          `${p.total} households have not acknowledged (vulnerable first):`,
          ...p.lines.map((l, i) => `${i + 1}. ${l.address}: ${l.residents}`),
          "(This look-up is logged.)",
        ].join("\n"),
  noBroadcast: () => "No notice has been published yet.",

  deskFiled: (p) =>
    `Filed for ${p.name} (${p.address}) as ${p.number}${p.routed ? ", sent to the grid worker in charge" : ", waiting for a dispatcher"}. They will be told of progress; if they have no chat, you will be, to pass it on.`,
  deskRelay: (p) => `(Please pass on to ${p.name}, ${p.address})\n${p.text}`,
};

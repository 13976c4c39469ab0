import { boardEn } from "./board-en";
import { bookingEn } from "./booking-en";
import type { MessageCatalogue } from "./message-catalogue";
import { pointsEn } from "./points-en";
import { registryEn } from "./registry-en";
import { summaryEn } from "./summary-en";
import { warningEn } from "./warning-en";

const LEVEL: Record<string, string> = {
  grid: "grid",
  community: "community",
  street: "street",
  department: "department",
};

const ticketBlock = (p: {
  number: string;
  category: string;
  place: string;
  text: string;
  deadline: string | null;
  priority: string;
}) =>
  `[${p.number}] ${p.category} | ${p.priority}\nPlace: ${p.place}\nReport: ${p.text}${p.deadline ? `\nDue: ${p.deadline}` : ""}`;

export const en: MessageCatalogue = {
  stateName: {
    reported: "reported",
    triage: "awaiting dispatch",
    dispatched: "dispatched",
    accepted: "in progress",
    resolved: "handled, awaiting your confirmation",
    reopened: "reopened",
    closed: "closed",
    merged: "merged",
    cancelled: "cancelled",
  },
  errors: {
    "TICKET.NOT_FOUND": "I could not find that case.",
    "TICKET.ILLEGAL_TRANSITION": "That cannot be done to the case in its current state.",
    "TICKET.NOT_ALLOWED": "You are not allowed to do that to this case.",
    "TICKET.CONCURRENT_UPDATE": "Someone updated the case just now; please try again.",
    "TICKET.NOTE_REQUIRED": "Please add a short note (or a photo).",
    "TICKET.RATING_INVALID": "Please rate from 1 to 5.",
    "TICKET.ALREADY_RATED": "This case has already been rated, thank you.",
    "TICKET.MERGE_TARGET_INVALID": "The case cannot be merged into that one.",
    "TICKET.ASSIGNEE_INVALID": "That person cannot take this case.",
    "TICKET.TOP_LEVEL": "The case is already at the top level.",
    "TICKET.NO_ROUTE": "No handler found; please name one.",
    "TICKET.CATEGORY_UNKNOWN": "There is no such category.",
    "PLACE.NOT_FOUND": "I could not find that place.",
    "PERSON.NOT_FOUND": "I could not find that person.",
    "VOICE.EMPTY": "That voice message is empty. Please hold the button and record it again.",
    "VOICE.NOT_AUDIO": "That file is not a voice message. Please send a voice message or type it.",
    "VOICE.CORRUPT": "I could not open that voice message (it may be cut short). Please record it again.",
    "VOICE.TOO_LARGE": "That audio file is too large. Please record a shorter one.",
    "VOICE.TOO_LONG": "That voice message is too long. Please send it as a few shorter ones.",
    "VOICE.FETCH_FAILED": "That voice message did not reach me. Please send it again.",
    "TRANSCRIBE.UNAVAILABLE": "Voice recognition is not available right now.",
    "TRANSCRIBE.REJECTED": "The voice message could not be recognised.",
    "TRANSCRIBE.EMPTY": "I heard no words in the voice message.",
    "OPEN311.SERVICE_UNKNOWN": "There is no such service (category).",
    "OPEN311.ADDRESS_UNKNOWN": "I could not find that address in the district.",
    "REGISTRY.NOT_ALLOWED": "That is outside the places you look after.",
    "REGISTRY.NOT_FOUND": "No such resident in the registry; register them first (/resident).",
    "REGISTRY.INVALID": "The registry entry is malformed; check the phone numbers.",
    "REGISTRY.NO_CONSENT":
      "No consent from the resident or guardian is recorded; update the entry with 已同意 (consented) first.",
    "REGISTRY.NO_PRIVATE_CHAT":
      "Lists hold personal data and are shown only in a private chat. Message me privately first.",
    "WELFARE.CODE_UNKNOWN": "That code is wrong or already used; ask your grid worker.",
    "BROADCAST.NOT_ALLOWED": "Only community, street and district admins may publish, within their own area.",
    "BROADCAST.NOT_FOUND": "No such notice.",
    "BROADCAST.EMPTY": "No bound groups and no residents reachable privately in that area.",
    "WARNING.NOT_FOUND": "No such warning.",
    "WARNING.NOT_ALLOWED": "That warning is outside the places you look after.",
    "WARNING.ALREADY_ACKNOWLEDGED": "Someone has already acknowledged that warning.",
    ...pointsEn.errors,
    ...boardEn.errors,
    "BOOKING.NOT_FOUND": "I could not find that booking.",
    "BOOKING.NOT_ALLOWED": "This room is not open to you for booking; please ask the community office.",
    "BOOKING.SLOT_TAKEN": "That time is already booked.",
    "BOOKING.IN_PAST": "That time has already passed; please pick another.",
    "BOOKING.TOO_FAR_AHEAD": "That is too far ahead to book; please pick a closer day.",
    "BOOKING.TOO_LONG": "That is longer than one booking may be; please shorten it.",
    "BOOKING.BAD_TIME": "Please book on the hour or half hour.",
    "BOOKING.CLOSED": "The centre is closed at that time.",
    "BOOKING.TOO_MANY_PEOPLE": "That is more people than the room holds.",
    "BOOKING.BAD_HOURS": "The centre's opening hours are set up wrongly; please tell an administrator.",
  },
  apology: () => "Sorry, something went wrong on our side. Your message is saved and will be handled.",
  tooFast: () => "That is a lot of messages; please wait a minute.",
  unrecognised: () =>
    'I did not quite get that. To report a problem, say what and where, e.g. "the corridor light in building 3 is out"; send "my reports" for progress, or "help".',
  help: (isWorker, isAdmin) =>
    [
      "I am the community grid assistant. You can:",
      "· report a problem in your own words, with a photo if you like",
      '· send "my reports" to see progress',
      "· confirm when a case is fixed",
      '· points: "how many points", "what can I redeem", /leaderboard, /activities; "check in <code word>" on site',
      "· the board: /board [need|resource|project|offer|mine] lists open items, /post need|resource|project|offer [place] [when] text, /claim <no>, /done <no> [hours each] [volunteer ids…], /withdraw <no>, /units for resident units' contributions",
      ...(isWorker
        ? [
            '· workers: press Sign for / Return / Done on a dispatch, or reply to it with the result; "my tasks" lists yours, "summary" your grid\'s day',
            "· warnings: clusters, spikes, repeats and outages near vulnerable residents come to you privately; press I'll handle it; /warnings lists the open ones",
            "· registry: /resident to register, /residents to list, /welfare for daily check-ins, /desk to file for a resident, /unreached after a notice",
          ]
        : []),
      ...(isAdmin
        ? [
            "· admins: /open, /overdue, /reassign <number> <person id>, /dispatch <number> <category> [person id]",
            '· summaries: "summary", "this week", /summary [date] [week] [scope], /scores for worker scores (yesterday\'s comes every morning)',
            "· points: /award or /deduct <person id> <points> <reason>, /publish an activity, /attended <activity id> <person id>",
            "· broadcasts: /notice, /alert (asks for “received”), /dutycall (volunteers); /bcstatus for progress",
            "· resident units: /unit add <name> <kind> <place> <contact id>; street and district admins call on units and departments with /whistle <case number or what happened>, /callstatus for who reported",
          ]
        : []),
      "· 中文：/lang zh",
    ].join("\n"),
  chitchat: () =>
    "Hello! Tell me here whenever something needs fixing and I will pass it to your grid worker.",
  askBuilding: () => "Which building do you live in? (I will remember.)",
  publicArea: () => "Public area / not in a building",
  homeRemembered: (building) => `Got it: you live in ${building}.`,
  askCategory: () => "Which kind of problem is it?",
  otherCategory: () => "Other",
  askMoreDetail: () => "Could you say a bit more about what the problem is and where?",
  askDescriptionForMedia: () => "Got it. Please add one sentence on what the problem is.",
  noPlaceKnown: () =>
    "I do not know your estate yet. Please report in your estate's group chat, or ask your grid worker to register you.",
  filedGroup: (p) =>
    `Filed as ${p.number} (${p.category}). ${p.handler ? `${p.handler} will handle it` : "A handler is being assigned"}${p.deadline ? `, responding by ${p.deadline}` : ""}.`,
  filedTriage: (p) => `Recorded as ${p.number}. Community staff will check it and assign it soon.`,
  filedMerged: (p) =>
    `This has already been reported (${p.number}); you now follow it, with ${p.supporters} residents reporting. You will hear of progress.`,
  safetyAdvice: (kind) =>
    ({
      gas: "⚠️ Gas smell: open the windows, do not touch switches or flames, leave the flat, and call the gas emergency line or 119.",
      fire: "⚠️ Fire: call 119 now; do not use the lift; cover your nose and mouth with a wet cloth.",
      medical: "⚠️ Someone is unwell or hurt: call 120 now and stay with them if you can.",
      lift: "⚠️ Trapped in a lift: stay calm, press the alarm, call the number in the lift or 96333; do not force the doors.",
      general: "⚠️ If there is danger, get safe first; emergencies: 110 / 119 / 120.",
    })[kind],
  sentPrivately: () => "I have sent you the details privately.",
  myTicketsHeader: (count) => `Your recent reports (${count}):`,
  noTickets: () => "You have not reported anything yet.",
  ticketLine: (p) =>
    `${p.number} ${p.category} · ${p.state}${p.handler ? ` · ${p.handler}` : ""}${p.deadline ? ` · due ${p.deadline}` : ""}${p.overdue ? " · ⏰ overdue" : ""}`,
  tasksHeader: (count) => `Your open cases (${count}):`,
  noTasks: () => "You have no open cases.",
  scopeHeader: (p) => `${p.scope}: ${p.open} open, ${p.overdue} overdue.`,
  onlyForStaff: () => "That is for grid workers and staff.",
  onlyForAdmins: () => "That is for administrators.",
  dispatched: (p) => `📋 New case\n${ticketBlock(p)}\nPlease sign for it.`,
  escalatedToYou: (p) =>
    `⬆️ Escalated to you${p.reason === "deadline" ? " (the level below ran out of time)" : p.reason ? ` (${p.reason})` : ""}\n${ticketBlock(p)}`,
  escalatedAway: (p) => `Case ${p.number} ran out of time and went up to the ${LEVEL[p.level] ?? p.level}.`,
  reassignedAway: (p) => `Case ${p.number} was given to someone else.`,
  nudge: (p) => `⏰ Reminder: ${p.left} left\n${ticketBlock(p)}`,
  triageNeeded: (p) =>
    `🗂 Case to dispatch${p.reason ? ` (${p.reason})` : ""}\n${ticketBlock(p)}\nDispatch: /dispatch ${p.number} <category> [person id]`,
  accepted: (p) =>
    `Your report ${p.number} was signed for by ${p.handler ?? "staff"}${p.deadline ? `; due by ${p.deadline}` : ""}.`,
  resolvedAskConfirm: (p) =>
    `Your report ${p.number} was handled${p.note ? `: ${p.note}` : ""}. Is it fixed?${p.autoClose ? ` (It closes by itself on ${p.autoClose} unless you object.)` : ""}`,
  resolvedForFollower: (p) =>
    `The problem you follow, ${p.number}, was handled${p.note ? `: ${p.note}` : ""}.`,
  reopened: (p) =>
    `🔁 The resident says it is not fixed${p.reason ? `: ${p.reason}` : ""}\n${ticketBlock(p)}`,
  closed: (p) => `Case ${p.number} is closed.`,
  askRating: (p) => `Case ${p.number} is closed. How was it handled?`,
  cancelled: (p) => `Case ${p.number} was cancelled${p.reason ? `: ${p.reason}` : ""}.`,
  mergedInto: (p) =>
    `Case ${p.number} is the same problem as ${p.into ?? "another case"} and was merged into it.`,
  supporterAdded: (p) => `Another resident reported case ${p.number}${p.text ? `: "${p.text}"` : ""}.`,
  breached: (p) =>
    `⚠️ Case ${p.number} is overdue at the ${LEVEL[p.level] ?? p.level} level and cannot go higher. Please act.`,
  buttonSignFor: () => "Sign for",
  buttonReturn: () => "Return",
  buttonResolve: () => "Done",
  buttonConfirm: () => "Fixed",
  buttonReject: () => "Not fixed",
  signedFor: (p) =>
    `Signed for ${p.number}${p.deadline ? `; due by ${p.deadline}` : ""}. When done, reply to the dispatch with the result or press Done.`,
  askReturnReason: (p) => `Why are you returning ${p.number}? (e.g. which department it belongs to)`,
  returned: (p) => `Returned ${p.number}; the community will dispatch it again.`,
  askResolveNote: (p) => `Reply with what was done (a sentence or a photo) to finish ${p.number}:`,
  resolvedByWorker: (p) => `Result recorded for ${p.number}; waiting for the resident to confirm.`,
  confirmedThanks: (p) => `Thanks for confirming; ${p.number} is closed.`,
  rejectedNoted: (p) => `Noted; ${p.number} will be worked on again.`,
  askRejectReason: (p) => `What is still wrong with ${p.number}?`,
  ratedThanks: (p) => `Thank you for your rating (${p.rating}).`,
  whichTicket: () => "Which case?",
  levelName: (level) => LEVEL[level] ?? level,
  reassigned: (p) => `Reassigned ${p.number} to ${p.to}.`,
  dispatchedBy: (p) => `Dispatched ${p.number} to ${p.to}.`,
  commandUsage: (command) =>
    ({
      reassign: "Usage: /reassign <case number> <person id>",
      dispatch: "Usage: /dispatch <case number> <category code> [person id]",
      lang: "Usage: /lang zh or /lang en",
    })[command] ?? "That command is not right.",
  languageSet: () => "OK, I will answer in English.",
  bookings: bookingEn,
  points: pointsEn,
  registry: registryEn,
  warnings: warningEn,
  board: boardEn,
  summary: summaryEn,
  voice: {
    heard: (p) => `🎤 I heard: "${p.text}"`,
    filedUntranscribed: (p) =>
      `Got your voice message (${p.seconds}s); it is filed as ${p.number}. Your grid worker will listen to it and act on it soon.`,
    keptNoPlace: (p) =>
      `Got your voice message (${p.seconds}s) and kept it. Which building is it about, so we can send someone?`,
    forWorker: (p) =>
      `🎤 Voice report ${p.number}\n${p.place} · ${p.reporter} · ${p.seconds}s\n${p.reason} Please listen, type what was said and pick the category.`,
    buttonType: () => "✍️ Type what was said",
    buttonCategory: () => "🏷 Pick category",
    askTranscript: (p) => `Type what you heard in the voice message of ${p.number}:`,
    transcriptSaved: (p) => `Saved the words of ${p.number}.`,
    pickCategory: (p) => `Pick the category of ${p.number}:`,
    triaged: (p) =>
      p.handler
        ? `${p.number} is now "${p.category}" and went to ${p.handler}.`
        : `${p.number} is now "${p.category}" and waits for the community to dispatch it.`,
    autoTranscribed: (p) => `🎤 The voice message of ${p.number} was transcribed: "${p.text}"`,
    noRecognition: () => "Automatic speech recognition is not set up here.",
    audioCaption: (p) => `Voice message of ${p.number} (${p.seconds}s)`,
  },
  locationReceived: () => "Location received. Please say what the problem is.",
};

import type { PointsMessages } from "./points-messages";

const KIND = {
  activity: "volunteering",
  report: "verified report",
  award: "award",
  deduct: "deduction",
  redeem: "redeemed",
} as const;
const signed = (n: number) => (n > 0 ? `+${n}` : String(n));

export const pointsEn: PointsMessages = {
  statement: (p) =>
    `You have ${p.balance} points.${p.lines.length ? `\nLatest:\n${p.lines.join("\n")}` : "\nNo points yet: volunteer or report problems to earn some."}`,
  entryLine: (p) => `${p.when} ${signed(p.amount)} ${KIND[p.kind]}: ${p.reason}`,
  rewardsHeader: (p) => `Rewards you can redeem (you have ${p.balance} points); press one:`,
  rewardButton: (p) => `${p.name} · ${p.cost} pts${p.stock > 0 ? "" : " (gone)"}`,
  noRewards: () => "This community has no rewards yet.",
  confirmRedeem: (p) => `Spend ${p.cost} points on "${p.name}"? (You have ${p.balance}.)`,
  buttonRedeem: () => "Redeem",
  buttonCancel: () => "Not now",
  cancelled: () => "OK, nothing redeemed.",
  insufficient: (p) => `Not enough points: it costs ${p.cost}, you have ${p.balance}.`,
  redeemed: (p) =>
    `✅ Redeemed "${p.name}" for ${p.cost} points; ${p.balance} left.\nPickup code: ${p.pickupCode}\nShow it at the community service centre to collect.`,
  leaderboard: (p) =>
    `🏅 Volunteers of ${p.month} (points this month)\n${p.lines.map((l) => `${l.rank}. ${l.name} ${l.points}`).join("\n")}`,
  leaderboardEmpty: (p) => `Nobody has earned points in ${p.month} yet. Join an activity!`,
  activitiesHeader: () => "Coming volunteer activities; press one to sign up:",
  activityLine: (p) => `· ${p.title} | ${p.when} | ${p.pay} | ${p.left} places left`,
  pay: (p) => (p.flat !== null ? `${p.flat} pts` : `${p.perHour ?? 0} pts/hour`),
  noActivities: () => "No volunteer activities coming up.",
  buttonSignUp: (p) => `Sign up: ${p.title}`,
  signedUp: (p) =>
    `✅ Signed up for "${p.title}" (${p.when}). When there, send "check in <code word>" (the organiser gives it out) or your location; at the end send "check out <code word>".`,
  alreadySignedUp: (p) => `You are already signed up for "${p.title}" (${p.when}).`,
  checkinHow: () =>
    'Send "check in <code word>" or "check out <code word>" (e.g. check in 绿化123), or your location at the activity.',
  checkedIn: (p) => `✅ Checked in to "${p.title}". Thank you! Send "check out <code word>" at the end.`,
  checkedOut: (p) =>
    `✅ Checked out of "${p.title}": ${p.points} points${p.balance !== null ? `, ${p.balance} in all` : ""}. Thank you!`,
  published: (p) =>
    `✅ Published "${p.title}" (${p.when}, ${p.capacity} places). Activity id: ${p.id}\nCheck-in code word: ${p.code} (give it out on site)`,
  adjusted: (p) =>
    `${p.direction === "award" ? "Awarded" : "Deducted"} ${p.points} points ${p.direction === "award" ? "to" : "from"} ${p.name}; balance ${p.balance}.`,
  adjustedForYou: (p) =>
    `${p.direction === "award" ? "🎉 You received" : "You lost"} ${p.points} points (${p.reason}); you have ${p.balance}.`,
  attendanceConfirmed: (p) => `Confirmed ${p.name} at "${p.title}": ${p.points} points.`,
  reportCredited: (p) =>
    `🎉 Your report ${p.number} was verified and fixed: ${p.points} points, ${p.balance} in all.`,
  usage: (command) =>
    ({
      award: "Usage: /award <person id> <points> <reason>",
      deduct: "Usage: /deduct <person id> <points> <reason>",
      publish:
        "Usage: /publish <code word> <date> <start-end> <places> <points>[/h] <title> [@lat,lon,radius m]\ne.g. /publish green123 2026-12-05 09:00-11:00 10 10/h Garden care",
      attended: "Usage: /attended <activity id> <person id>",
      checkin: "Usage: /checkin <code word> or /checkout <code word>",
    })[command],
  errors: {
    "POINTS.INVALID_INPUT": "That is not in the right form; please check and try again.",
    "POINTS.INSUFFICIENT": "Not enough points.",
    "POINTS.NOT_ALLOWED": "You may not do that (it needs an admin of this community).",
    "POINTS.ACTIVITY_NOT_FOUND": "I could not find that activity.",
    "POINTS.ACTIVITY_FULL": "That activity is full.",
    "POINTS.ACTIVITY_CLOSED": "That activity was cancelled.",
    "POINTS.NOT_SIGNED_UP": "You have not signed up for it (send /activities to see what is on).",
    "POINTS.NO_OPEN_ACTIVITY": "None of your activities is on now.",
    "POINTS.CHECKIN_WRONG_CODE": "That code word is not right; please ask the organiser.",
    "POINTS.CHECKIN_TOO_FAR": "You are too far from the activity; check in when you are there.",
    "POINTS.OUT_OF_WINDOW": "It is not the time to check in or out of that activity.",
    "POINTS.ALREADY_CHECKED_IN": "You have already checked in.",
    "POINTS.NOT_CHECKED_IN": "You have not checked in yet; please check in first.",
    "POINTS.ALREADY_GRANTED": "The points for that activity were already given.",
    "POINTS.REWARD_NOT_FOUND": "That reward is no longer offered.",
    "POINTS.OUT_OF_STOCK": "That reward has run out; have a look at the others.",
    "POINTS.NO_COMMUNITY":
      "I do not know your community yet: write in your estate's group, or tell us your building first.",
  },
};

import type { BookingMessages } from "./booking-messages";

export const bookingEn: BookingMessages = {
  noCentre: () =>
    "I don't know your community yet. Report something or tell me your building first, then book.",
  whichResource: () => "Which room or service would you like to book?",
  askWhen: (p) =>
    `When would you like the ${p.resource}? For example "Wednesday 7-9pm" or "tomorrow morning".`,
  noFreeSlot: (p) => `The ${p.resource} is fully booked ${p.day}. Try another day?`,
  propose: (p) => `Booking for you: ${p.resource}, ${p.centre}\nWhen: ${p.when}\nConfirm?`,
  buttonConfirm: () => "Confirm",
  buttonOtherTime: () => "Another time",
  buttonCancel: () => "Cancel booking",
  buttonMove: () => "Change time",
  booked: (p) =>
    `✅ Booked: ${p.resource}\nWhen: ${p.when}\nWhere: ${p.centre}, ${p.address}\nOpening hours: ${p.hours}\nI'll remind you before it starts.`,
  taken: (p) => `The ${p.resource} is already booked at ${p.when}.`,
  alternatives: () => "The nearest free times:",
  noAlternatives: () => "Nothing is free in the coming week; try another room or day.",
  myBookingsHeader: (count) => `Your bookings (${count}):`,
  noBookings: () => "You have no bookings.",
  bookingLine: (p) => `${p.resource} · ${p.when}`,
  cancelled: (p) => `Cancelled your booking of the ${p.resource} (${p.when}).`,
  askNewTime: (p) => `When should the ${p.resource} (now ${p.when}) move to?`,
  moved: (p) => `✅ Moved to ${p.when} (${p.resource}).`,
  freeHeader: (p) => `Free at ${p.centre} ${p.day}:`,
  freeLine: (p) => `${p.resource}: ${p.windows}`,
  fullyBooked: () => "fully booked",
  reminder: (p) => `⏰ Reminder: your ${p.resource} booking is at ${p.when}, ${p.address}.`,
  dismissed: () => "All right, nothing booked. Ask me any time.",
};

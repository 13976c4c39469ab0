/** Room and service bookings: what the resident reads. `when` is already formatted ("12月2日（周三）19:00–21:00"). */
export interface BookingMessages {
  noCentre(): string;
  whichResource(): string;
  askWhen(p: { resource: string }): string;
  noFreeSlot(p: { resource: string; day: string }): string;
  propose(p: { resource: string; centre: string; when: string }): string;
  buttonConfirm(): string;
  buttonOtherTime(): string;
  buttonCancel(): string;
  buttonMove(): string;
  booked(p: { resource: string; when: string; centre: string; address: string; hours: string }): string;
  taken(p: { resource: string; when: string }): string;
  alternatives(): string;
  noAlternatives(): string;
  myBookingsHeader(count: number): string;
  noBookings(): string;
  bookingLine(p: { resource: string; when: string }): string;
  cancelled(p: { resource: string; when: string }): string;
  askNewTime(p: { resource: string; when: string }): string;
  moved(p: { resource: string; when: string }): string;
  freeHeader(p: { day: string; centre: string }): string;
  freeLine(p: { resource: string; windows: string }): string;
  fullyBooked(): string;
  reminder(p: { resource: string; when: string; address: string }): string;
  dismissed(): string;
}

import type { VulnerableTag } from "../../core/registry/resident";

export interface ResidentLine {
  readonly name: string;
  readonly address: string;
  readonly age: number | null;
  readonly tags: readonly VulnerableTag[];
  readonly phone: string | null;
  readonly emergency: string | null;
}

export interface BroadcastFigures {
  readonly recipients: number;
  readonly queued: number;
  readonly sent: number;
  readonly failed: number;
  readonly households: number;
  readonly ack: number;
  readonly yes: number;
  readonly no: number;
}

/** The residents registry, welfare checks (报平安), broadcasts (一键发布) and the offline desk. */
export interface RegistryMessages {
  tag(tag: VulnerableTag): string;
  residentSaved(p: {
    kind: "created" | "updated" | "left";
    name: string;
    address: string;
    tags: readonly VulnerableTag[];
  }): string;
  noConsentYet(): string;
  notedAsIs(p: { words: string }): string;
  count(p: { scope: string; tags: readonly VulnerableTag[]; total: number }): string;
  list(p: {
    scope: string;
    tags: readonly VulnerableTag[];
    total: number;
    lines: readonly ResidentLine[];
  }): string;
  privateOnly(): string;
  placeUnknown(p: { hint: string }): string;
  usage(command: "resident" | "residents" | "welfare" | "broadcast" | "desk" | "unreached"): string;

  welfareEnrolled(p: { name: string; address: string; time: string; grace: number; code: string }): string;
  welfareStopped(p: { name: string }): string;
  welfareLinked(p: { name: string; time: string; self: boolean }): string;
  welfarePrompt(p: { name: string; self: boolean }): string;
  buttonImFine(): string;
  welfareThanks(): string;
  welfareMissedDetails(p: {
    number: string;
    name: string;
    address: string;
    phone: string | null;
    contact: string | null;
    contactPhone: string | null;
  }): string;
  welfareAnsweredLate(p: { name: string; number: string }): string;

  broadcast(p: { kind: "notice" | "duty_call"; text: string; from: string; askAck: boolean }): string;
  buttonAck(): string;
  buttonDutyYes(): string;
  buttonDutyNo(): string;
  published(p: { id: string; recipients: number; unreachable: number; kind: "notice" | "duty_call" }): string;
  acknowledged(): string;
  dutyAnswered(p: { yes: boolean; count: number }): string;
  progress(p: BroadcastFigures & { kind: "notice" | "duty_call"; text: string; when: string }): string;
  unreached(p: { total: number; lines: readonly { address: string; residents: string }[] }): string;
  noBroadcast(): string;

  deskFiled(p: { number: string; name: string; address: string; routed: boolean }): string;
  deskRelay(p: { name: string; address: string; text: string }): string;
}

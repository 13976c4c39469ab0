import type { VoiceNote, VoiceNoteRepository, VoiceNoteState } from "../../core/voice/voice-note";
import type { PrismaClient, VoiceNote as VoiceNoteRow } from "../generated/client";

function toVoiceNote(row: VoiceNoteRow): VoiceNote {
  return { ...row, state: row.state as VoiceNoteState };
}

export class PrismaVoiceNotes implements VoiceNoteRepository {
  constructor(private readonly prisma: PrismaClient) {}

  async save(note: VoiceNote): Promise<void> {
    // Its own transaction: on the shared SQLite connection a bare write could otherwise land
    // inside another request's open transaction and be rolled back with it.
    await this.prisma.$transaction(async (tx) => {
      await tx.voiceNote.upsert({ where: { id: note.id }, create: note, update: note });
    });
  }

  async findById(id: string): Promise<VoiceNote | null> {
    const row = await this.prisma.voiceNote.findUnique({ where: { id } });
    return row ? toVoiceNote(row) : null;
  }

  async findByInbox(inboxId: string): Promise<VoiceNote | null> {
    const row = await this.prisma.voiceNote.findUnique({ where: { inboxId } });
    return row ? toVoiceNote(row) : null;
  }

  async findByTicket(ticketId: string): Promise<VoiceNote | null> {
    const row = await this.prisma.voiceNote.findFirst({ where: { ticketId }, orderBy: { createdAt: "asc" } });
    return row ? toVoiceNote(row) : null;
  }

  async listAwaitingTranscript(maxAttempts: number, limit: number): Promise<VoiceNote[]> {
    const rows = await this.prisma.voiceNote.findMany({
      where: { state: "pending", ticketId: { not: null }, attempts: { lt: maxAttempts } },
      orderBy: { createdAt: "asc" },
      take: limit,
    });
    return rows.map(toVoiceNote);
  }
}

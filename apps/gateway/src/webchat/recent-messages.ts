/**
 * The answers to one connection's recent messages, by client message id. A resend of a message
 * already accepted is answered again without publishing it twice, and a duplicate sent while
 * the first is still in flight waits for the same answer. A failed attempt is forgotten, so its
 * resend tries again. Across connections the conversations service's dedupe takes over.
 */
export class RecentMessages<TAck extends { ok: boolean }> {
  private readonly answers = new Map<string, Promise<TAck>>();

  constructor(private readonly capacity = 256) {}

  once(clientMessageId: string, send: () => Promise<TAck>): Promise<TAck> {
    const known = this.answers.get(clientMessageId);
    if (known) return known;
    const answer: Promise<TAck> = send().then(
      (ack) => {
        if (!ack.ok) this.forget(clientMessageId, answer);
        return ack;
      },
      (error: unknown) => {
        this.forget(clientMessageId, answer);
        throw error;
      },
    );
    this.answers.set(clientMessageId, answer);
    // Oldest first: a Map iterates in insertion order.
    for (const oldest of this.answers.keys()) {
      if (this.answers.size <= this.capacity) break;
      this.answers.delete(oldest);
    }
    return answer;
  }

  private forget(clientMessageId: string, answer: Promise<TAck>): void {
    if (this.answers.get(clientMessageId) === answer) this.answers.delete(clientMessageId);
  }
}

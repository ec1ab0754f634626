/**
 * Numbers for the terms an index holds, so that its postings and title phrases are packed in typed
 * arrays and each term's string is kept once.
 */
export class TermIds {
  private readonly byTerm = new Map<string, number>();

  get size(): number {
    return this.byTerm.size;
  }

  /** The term's number, given it one if it has none yet. */
  intern(term: string): number {
    let id = this.byTerm.get(term);
    if (id === undefined) {
      id = this.byTerm.size;
      this.byTerm.set(term, id);
    }
    return id;
  }

  /** The term's number, or -1 for a term no index holds. */
  find(term: string): number {
    return this.byTerm.get(term) ?? -1;
  }
}

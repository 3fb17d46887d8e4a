// What one move changed, so a rejected move is undone exactly: every request it touched and
// where that request started before. Also a per-move mark, so a move considers each request
// once. Epoch-stamped arrays make starting a move O(1).
import { UNPLACED, type PlanState } from './state.js';

export class Journal {
  private readonly touched: number[] = [];
  private readonly touchedIn: Int32Array;
  private readonly startBefore: Int32Array;
  private readonly markedIn: Int32Array;
  private epoch = 0;

  constructor(private readonly state: PlanState) {
    const n = state.model.requests.length;
    this.touchedIn = new Int32Array(n);
    this.startBefore = new Int32Array(n);
    this.markedIn = new Int32Array(n);
  }

  begin(): void {
    this.epoch++;
    this.touched.length = 0;
  }

  /** Where `q` started when the move began (UNPLACED if it was not placed). */
  startBeforeMove(q: number): number {
    return this.touchedIn[q] === this.epoch ? this.startBefore[q]! : this.state.starts[q]!;
  }

  touch(q: number): void {
    if (this.touchedIn[q] === this.epoch) return;
    this.touchedIn[q] = this.epoch;
    this.startBefore[q] = this.state.starts[q]!;
    this.touched.push(q);
  }

  evict(q: number): number {
    this.touch(q);
    this.state.remove(this.state.model.requests[q]!);
    return q;
  }

  place(q: number, start: number): void {
    this.touch(q);
    this.state.place(this.state.model.requests[q]!, start);
  }

  /** Mark `q` for this move; false if it was already marked. */
  mark(q: number): boolean {
    if (this.markedIn[q] === this.epoch) return false;
    this.markedIn[q] = this.epoch;
    return true;
  }

  isMarked(q: number): boolean {
    return this.markedIn[q] === this.epoch;
  }

  undo(): void {
    const requests = this.state.model.requests;
    for (const q of this.touched) if (this.state.isPlaced(q)) this.state.remove(requests[q]!);
    for (const q of this.touched) {
      const start = this.startBefore[q]!;
      if (start !== UNPLACED) this.state.place(requests[q]!, start);
    }
  }
}

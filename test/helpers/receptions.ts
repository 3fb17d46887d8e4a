// Guest lists for reception bodies: the list names every guest and guestCount is its length
// (docs/API.md), so a test that wants n guests lists n of them.
export type Rank = 'provincial' | 'departmental' | 'county' | 'other';

/** `count` guests of one rank (by default county), named 来宾1, 来宾2, … */
export function guestsOf(count: number, rank: Rank = 'county') {
  return Array.from({ length: count }, (_, i) => ({ name: `来宾${i + 1}`, title: '干部', rank }));
}

/** A body's guest list and count together, e.g. `...guestList(4)`. */
export function guestList(count: number, rank: Rank = 'county') {
  return { guestCount: count, guests: guestsOf(count, rank) };
}

// Handing the thread back: long CPU work (the annual planner's search) runs in slices and awaits
// this between them, so requests that arrived meanwhile are answered (on Node, setImmediate runs
// after pending I/O callbacks; where it does not exist, a zero timeout does the same).

/** A slice of CPU work before other requests get a turn, in milliseconds. */
export const CPU_SLICE_MS = 10;

export function yieldToEventLoop(): Promise<void> {
  const later: (callback: () => void) => unknown =
    typeof globalThis.setImmediate === 'function' ? globalThis.setImmediate : (callback) => setTimeout(callback, 0);
  return new Promise((resolve) => {
    later(resolve);
  });
}

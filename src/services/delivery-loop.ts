// The Node server's sender: runs delivery passes one after another while there is work, wakes at
// once when a write says messages wait (ServiceDeps.wakeDelivery), and otherwise looks every
// `pollMs` (retries fall due, leases of a dead process run out, the month turns). A write only
// calls wake(), which returns at once: a slow or failing channel never slows a booking.
import { DEFAULT_NOTIFICATIONS } from '../env.js';
import { describeError } from '../lib/log.js';
import type { ServiceDeps } from './deps.js';
import { type DeliveryChannels, PASS_SIZE, runDeliveryPass } from './delivery.js';

export interface DeliveryLoop {
  /** Look now (or right after the pass under way). */
  wake(): void;
  /** Stop looking; resolves when the pass under way has finished. */
  stop(): Promise<void>;
}

export function startDeliveryLoop(deps: Omit<ServiceDeps, 'wakeDelivery'>, channels: DeliveryChannels): DeliveryLoop {
  const pollMs = (deps.config.notifications ?? DEFAULT_NOTIFICATIONS).pollMs;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running: Promise<void> | null = null;
  let again = false;
  let stopped = false;
  const passDeps: ServiceDeps = {
    ...deps,
    wakeDelivery: () => {
      again = true;
    },
  };

  async function drain(): Promise<void> {
    do {
      again = false;
      try {
        const result = await runDeliveryPass(passDeps, channels);
        // A full pass means more may be due right now.
        if (result.claimed === PASS_SIZE) again = true;
      } catch (error) {
        console.error(`delivery pass failed: ${describeError(error)}`);
        again = false;
      }
    } while (again && !stopped);
  }

  function schedule(): void {
    if (stopped) return;
    clearTimeout(timer);
    timer = setTimeout(wake, pollMs);
    // The poll alone never keeps the process alive.
    (timer as { unref?: () => void }).unref?.();
  }

  function wake(): void {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    clearTimeout(timer);
    running = drain().finally(() => {
      running = null;
      // A wake that came after the last pass began is not lost.
      if (again && !stopped) wake();
      else schedule();
    });
  }

  wake();
  return {
    wake,
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}

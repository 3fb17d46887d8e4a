// Who is acting: the account behind a request (its role, and the unit or region it belongs to).
// It always comes from the session or token, never from what the request says.
import type { Role } from './types.js';

export interface Actor {
  id: string;
  email: string;
  role: Role;
  /** Set for unit accounts: the one unit they book and host for. */
  unitId: string | null;
  /** Set for HQ accounts: the one region whose visits they coordinate. */
  regionId: string | null;
  displayName: string | null;
}

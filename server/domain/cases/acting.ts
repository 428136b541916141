/** Who a staff member acts as for one SOP move, and the shared inputs of staff actions. */
import type { CaseStatus } from "../../generated/prisma/enums.ts";
import { IllegalTransitionError, TRANSITIONS } from "./status-machine.ts";
import type { ActingAs } from "./transition.ts";
import type { StaffRef } from "./access.ts";

export interface StaffActor extends StaffRef {
  username: string;
}

/** What every staff action needs: the acting user, the master key, the time. */
export interface StaffContext {
  staff: StaffActor;
  masterKey: Buffer;
  now: Date;
}

/** The role under which `staff` may move a case from → to (the table names it). */
export function actingAs(staff: StaffActor, from: CaseStatus, to: CaseStatus): ActingAs {
  const move = TRANSITIONS.find((t) => t.from === from && t.to === to);
  const role = move?.by.find((actor) => staff.roles.includes(actor as never));
  if (!move || !role) throw new IllegalTransitionError(`${staff.username} may not move a case ${from} → ${to}`);
  return { actor: role, staffId: staff.id, label: staff.username };
}

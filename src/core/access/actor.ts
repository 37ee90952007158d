import type { Role, ScopeKind } from './roles';

/** One role held by a user, with the organisations it reaches. */
export interface Assignment {
  id: number;
  role: Role;
  scopeKind: ScopeKind;
  /** Municipality the assignment belongs to (always set). */
  municipalityId: number;
  /** For scope `school`: the school; for `schools`: the set. Empty for `municipality`. */
  orgIds: number[];
}

/** The authenticated caller, resolved once per request. */
export interface Actor {
  userId: number;
  login: string;
  fullName: string;
  /** The organisation where the user works, if any (an expert never assesses it). */
  workplaceOrgId: number | null;
  assignments: Assignment[];
  /** Schools supervised by the expert groups the user belongs to (for the expert role). */
  supervisedOrgIds: number[];
  /** Expert groups the user belongs to. */
  expertGroupIds: number[];
  /** The CLI and the demo generator act as the system, with administrator rights everywhere. */
  system?: boolean;
}

/** The actor used by CLI commands and the demo generator: administrator rights everywhere. */
export const SYSTEM_ACTOR: Actor = {
  userId: 0,
  login: 'system',
  fullName: 'Система (командная строка)',
  workplaceOrgId: null,
  assignments: [],
  supervisedOrgIds: [],
  expertGroupIds: [],
  system: true,
};

export const hasRole = (actor: Actor, role: Role): boolean =>
  actor.assignments.some((a) => a.role === role);

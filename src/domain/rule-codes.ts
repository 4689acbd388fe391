import type { LockRefusal } from './checkin';
import type { UnsealRefusal } from './checkin-seal';
import type { TurnProblem } from './speaking';

/**
 * Every rule a write can be refused by. The UI words each one in one table
 * (src/ui/rule-words.ts), a Record over this type: a new code added here
 * without words there fails typecheck, rather than reaching a chair as a
 * generic "not allowed".
 */
export type RuleCode =
  | LockRefusal
  | UnsealRefusal
  | TurnProblem
  | 'action-missing'
  | 'action-settled'
  | 'checkin-sealed'
  | 'dissent-missing'
  | 'dissent-settled'
  | 'group-missing'
  | 'item-in-record'
  | 'item-missing'
  | 'meeting-closed'
  | 'meeting-in-progress'
  | 'meeting-missing'
  | 'name-mismatch'
  | 'no-pin'
  | 'not-sample'
  | 'nothing-to-undo'
  | 'person-has-meetings'
  | 'person-missing'
  | 'perspective-in-use'
  | 'review-of-another-group';

/** A write refused by one of Heard's rules: an answer for the form, not a storage failure. */
export class RuleError extends Error {
  override name = 'RuleError';
  constructor(readonly code: RuleCode) {
    super(code);
  }
}

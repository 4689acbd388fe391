import type { RuleCode } from '../domain/rule-codes';
import { t } from './strings';

/**
 * Every refused rule has words. Typed as a Record over RuleCode, so a code
 * added in src/domain without words in the catalogue fails typecheck.
 */
const REFUSED: Readonly<Record<RuleCode, string>> = t.save.refused;

/**
 * The chair's words for a refused rule: the screen's own words for the codes
 * it expects (`here`), else the catalogue's for that code. No code falls
 * through to a generic "not allowed".
 */
export function ruleWords(code: RuleCode, here: Partial<Record<RuleCode, string>> = {}): string {
  return here[code] ?? REFUSED[code];
}

import { describe, expect, it } from 'vitest';
import type { RuleCode } from '../../src/domain/rule-codes';
import { RuleError } from '../../src/domain/rule-codes';
import { save } from '../../src/state/save-status';
import { ruleWords } from '../../src/ui/rule-words';
import { t } from '../../src/ui/strings';

// The catalogue's table is typed Record<RuleCode, string>: its keys are every code there is.
const codes = Object.keys(t.save.refused) as RuleCode[];

describe('a refused rule in words', () => {
  it.each(codes)('%s has words of its own, not the generic "not allowed"', (code) => {
    const words = ruleWords(code);
    expect(words.trim().length).toBeGreaterThan(10);
    expect(words).not.toBe(t.save.failed.rule);
  });

  it('no two codes share words, so the chair is told which rule refused', () => {
    expect(new Set(codes.map((code) => ruleWords(code))).size).toBe(codes.length);
  });

  it("the screen's own words win for the codes it names, the catalogue's for the rest", () => {
    const here = { 'name-mismatch': 'Type Carers’ circle exactly' };
    expect(ruleWords('name-mismatch', here)).toBe('Type Carers’ circle exactly');
    expect(ruleWords('meeting-in-progress', here)).toBe(t.save.refused['meeting-in-progress']);
  });

  it('a RuleError carries its name and code through save() to the form', async () => {
    const error = new RuleError('nothing-to-undo');
    expect(error.name).toBe('RuleError');
    expect(await save(() => Promise.reject(error))).toEqual({ ok: false, problem: 'rule', rule: 'nothing-to-undo' });
  });
});

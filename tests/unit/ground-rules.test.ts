import { describe, expect, it } from 'vitest';
import type { GroundRule, GroundRuleStatus } from '../../src/domain/agenda-model';
import {
  RULE_TEMPLATE_KEYS,
  STAGE4_QUESTION_KEYS,
  agreeRule,
  checkRuleText,
  draftRule,
  isRuleTemplateKey,
  restoreRule,
  retireRule,
  reviseRule,
  rulesInForce,
  unusedTemplateKeys,
} from '../../src/domain/ground-rules';

const CREATED = 1_000;
const LATER = 9_000;

function rule(id: string, status: GroundRuleStatus, extra: Partial<GroundRule> = {}): GroundRule {
  const base = draftRule(id, 'g1', `Rule ${id}`, 0, CREATED);
  const agreed = status === 'agreed' || status === 'retired';
  return {
    ...base,
    status,
    agreedAt: agreed ? 5_000 : null,
    agreedAtMeetingId: agreed ? 'm1' : null,
    ...extra,
  };
}

describe('the shipped keys', () => {
  // The stored templateKey and the UI catalogue both depend on these never changing.
  it('has the eight templates from the issue, in its order', () => {
    expect(RULE_TEMPLATE_KEYS).toEqual([
      'everyone-speaks',
      'plain-words',
      'experience-counts-equally',
      'ideas-not-people',
      'stays-in-the-room',
      'how-decisions-are-made',
      'disagreement-recorded-and-parked',
      'breaks-phones-access',
    ]);
  });

  it('has the five Stage 4 questions, in the seed’s order', () => {
    expect(STAGE4_QUESTION_KEYS).toEqual([
      'everyone-has-a-voice',
      'dealing-with-dissent',
      'making-decisions',
      'not-negotiable',
      'knowing-it-works',
    ]);
  });

  it.each([...RULE_TEMPLATE_KEYS, ...STAGE4_QUESTION_KEYS])('%s is a stable kebab-case key', (key) => {
    expect(key).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it('has no key twice', () => {
    const all = [...RULE_TEMPLATE_KEYS, ...STAGE4_QUESTION_KEYS];
    expect(new Set(all).size).toBe(all.length);
  });

  it.each([
    ['plain-words', true],
    ['everyone-has-a-voice', false],
    ['', false],
    ['Plain-Words', false],
  ])('isRuleTemplateKey(%j) is %s', (key, expected) => {
    expect(isRuleTemplateKey(key)).toBe(expected);
  });
});

describe('checkRuleText', () => {
  it.each([
    ['Everyone gets a chance to speak', null],
    ['', 'empty'],
    ['  \n\t ', 'empty'],
    ['r'.repeat(300), null],
    ['r'.repeat(301), 'too-long'],
    // Spacing is tidied before counting, as it is before saving.
    [`  ${'r'.repeat(150)}     ${'s'.repeat(149)}  `, null],
  ])('%j → %s', (text, expected) => {
    expect(checkRuleText(text)).toBe(expected);
  });
});

describe('draftRule', () => {
  it('is a tidied draft, not yet agreed', () => {
    expect(draftRule('r1', 'g1', '  Phones   on silent ', 2, CREATED, 'breaks-phones-access')).toEqual({
      id: 'r1',
      groupId: 'g1',
      text: 'Phones on silent',
      order: 2,
      status: 'draft',
      agreedAt: null,
      agreedAtMeetingId: null,
      templateKey: 'breaks-phones-access',
      createdAt: CREATED,
      updatedAt: CREATED,
    });
    expect(draftRule('r2', 'g1', 'Our own rule', 0, CREATED).templateKey).toBeNull();
  });
});

describe('agreeRule', () => {
  it('records when and at which meeting the group agreed it', () => {
    const agreed = agreeRule(rule('r', 'draft'), LATER, 'm7');
    expect(agreed).toMatchObject({ status: 'agreed', agreedAt: LATER, agreedAtMeetingId: 'm7', updatedAt: LATER });
  });

  it('can be agreed outside a meeting', () => {
    expect(agreeRule(rule('r', 'draft'), LATER, null).agreedAtMeetingId).toBeNull();
  });

  it('agreeing again keeps the first agreement', () => {
    const agreed = rule('r', 'agreed');
    expect(agreeRule(agreed, LATER, 'm9')).toBe(agreed);
  });

  it('a retired rule can be agreed afresh', () => {
    expect(agreeRule(rule('r', 'retired'), LATER, 'm9')).toMatchObject({
      status: 'agreed',
      agreedAt: LATER,
      agreedAtMeetingId: 'm9',
    });
  });
});

describe('retireRule and restoreRule', () => {
  it('retiring keeps when it was agreed, so past meetings still show what they ran under', () => {
    const retired = retireRule(rule('r', 'agreed'), LATER);
    expect(retired).toMatchObject({ status: 'retired', agreedAt: 5_000, agreedAtMeetingId: 'm1', updatedAt: LATER });
  });

  it('retiring a retired rule changes nothing', () => {
    const retired = rule('r', 'retired');
    expect(retireRule(retired, LATER)).toBe(retired);
  });

  it('a draft can be retired too', () => {
    expect(retireRule(rule('r', 'draft'), LATER).status).toBe('retired');
  });

  it('restoring brings it back as a draft the group must agree again', () => {
    const restored = restoreRule(rule('r', 'retired'), LATER);
    expect(restored).toMatchObject({ status: 'draft', agreedAt: null, agreedAtMeetingId: null, updatedAt: LATER });
  });

  it.each<GroundRuleStatus>(['draft', 'agreed'])('restoring a %s rule changes nothing', (status) => {
    const current = rule('r', status);
    expect(restoreRule(current, LATER)).toBe(current);
  });
});

describe('reviseRule', () => {
  // The group agreed to particular words; new words have not been agreed yet.
  it('new words on an agreed rule send it back to draft', () => {
    const revised = reviseRule(rule('r', 'agreed'), 'Phones off, not just silent', LATER);
    expect(revised).toMatchObject({
      text: 'Phones off, not just silent',
      status: 'draft',
      agreedAt: null,
      agreedAtMeetingId: null,
      updatedAt: LATER,
    });
  });

  it('tidying the spacing is not a change and never undoes an agreement', () => {
    const agreed = rule('r', 'agreed', { text: 'Phones on silent' });
    expect(reviseRule(agreed, '  Phones   on silent  ', LATER)).toBe(agreed);
  });

  it('a change of case is a change of words', () => {
    const agreed = rule('r', 'agreed', { text: 'Phones on silent' });
    expect(reviseRule(agreed, 'phones on silent', LATER).status).toBe('draft');
  });

  it('a draft stays a draft with its new words', () => {
    expect(reviseRule(rule('r', 'draft'), 'New  words', LATER)).toMatchObject({
      text: 'New words',
      status: 'draft',
      updatedAt: LATER,
    });
  });

  it('a retired rule stays retired with its new words', () => {
    expect(reviseRule(rule('r', 'retired'), 'New words', LATER)).toMatchObject({ text: 'New words', status: 'retired' });
  });

  it('keeps the template it started from', () => {
    const fromTemplate = rule('r', 'agreed', { templateKey: 'plain-words' });
    expect(reviseRule(fromTemplate, 'Say it plainly', LATER).templateKey).toBe('plain-words');
  });

  it('never changes the rule it was given', () => {
    const agreed = rule('r', 'agreed');
    const copy = structuredClone(agreed);
    reviseRule(agreed, 'Other words', LATER);
    agreeRule(rule('d', 'draft'), LATER, 'm2');
    retireRule(agreed, LATER);
    expect(agreed).toEqual(copy);
  });
});

describe('rulesInForce', () => {
  it('is the agreed rules only, in the group’s order', () => {
    const rules = [
      rule('c', 'agreed', { order: 3 }),
      rule('x', 'draft', { order: 0 }),
      rule('a', 'agreed', { order: 1 }),
      rule('y', 'retired', { order: 2 }),
      rule('b', 'agreed', { order: 1 }),
    ];
    expect(rulesInForce(rules).map((r) => r.id)).toEqual(['a', 'b', 'c']);
  });

  it('is empty when nothing has been agreed yet', () => {
    expect(rulesInForce([rule('x', 'draft')])).toEqual([]);
    expect(rulesInForce([])).toEqual([]);
  });
});

describe('unusedTemplateKeys', () => {
  it('offers the templates not already in play; a retired one can be started again', () => {
    const rules = [
      rule('a', 'agreed', { templateKey: 'everyone-speaks' }),
      rule('b', 'draft', { templateKey: 'plain-words' }),
      rule('c', 'retired', { templateKey: 'ideas-not-people' }),
      rule('d', 'agreed'),
    ];
    expect(unusedTemplateKeys(rules)).toEqual(
      RULE_TEMPLATE_KEYS.filter((key) => key !== 'everyone-speaks' && key !== 'plain-words'),
    );
    expect(unusedTemplateKeys([])).toEqual([...RULE_TEMPLATE_KEYS]);
  });
});

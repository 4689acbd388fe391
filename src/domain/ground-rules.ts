import type { EpochMs, Id } from './model';
import type { GroundRule } from './agenda-model';
import { sortByOrder } from './reorder';
import { checkRequiredText, tidyText, type TextProblem } from './text-rules';

export const RULE_TEXT_MAX_LENGTH = 300;

/**
 * The starting rules Heard ships, drawn from the seeds. Keys only and stable
 * (a stored rule remembers which template it came from); the plain words are
 * in the UI catalogue.
 */
export const RULE_TEMPLATE_KEYS = [
  'everyone-speaks',
  'plain-words',
  'experience-counts-equally',
  'ideas-not-people',
  'stays-in-the-room',
  'how-decisions-are-made',
  'disagreement-recorded-and-parked',
  'breaks-phones-access',
] as const;

export type RuleTemplateKey = (typeof RULE_TEMPLATE_KEYS)[number];

/** The first seed's Stage 4 questions, shown as prompts while the group writes its own rules. */
export const STAGE4_QUESTION_KEYS = [
  'everyone-has-a-voice',
  'dealing-with-dissent',
  'making-decisions',
  'not-negotiable',
  'knowing-it-works',
] as const;

export type Stage4QuestionKey = (typeof STAGE4_QUESTION_KEYS)[number];

export function isRuleTemplateKey(key: string): key is RuleTemplateKey {
  return (RULE_TEMPLATE_KEYS as readonly string[]).includes(key);
}

export function checkRuleText(text: string): TextProblem | null {
  return checkRequiredText(text, RULE_TEXT_MAX_LENGTH).problem;
}

export function draftRule(
  id: Id,
  groupId: Id,
  text: string,
  order: number,
  now: EpochMs,
  templateKey: RuleTemplateKey | null = null,
): GroundRule {
  return {
    id,
    groupId,
    text: tidyText(text),
    order,
    status: 'draft',
    agreedAt: null,
    agreedAtMeetingId: null,
    templateKey,
    createdAt: now,
    updatedAt: now,
  };
}

/**
 * Records that the group agreed the rule, when and at which meeting (null when
 * agreed outside one). Agreeing a rule already agreed changes nothing: the
 * first agreement is the one that stands.
 */
export function agreeRule(rule: GroundRule, at: EpochMs, meetingId: Id | null): GroundRule {
  if (rule.status === 'agreed') return rule;
  return { ...rule, status: 'agreed', agreedAt: at, agreedAtMeetingId: meetingId, updatedAt: at };
}

/**
 * Takes a rule out of force but keeps it, and keeps when it was agreed, so the
 * record still shows which rules a past meeting ran under.
 */
export function retireRule(rule: GroundRule, at: EpochMs): GroundRule {
  if (rule.status === 'retired') return rule;
  return { ...rule, status: 'retired', updatedAt: at };
}

/**
 * Brings a retired rule back as a draft. It is not agreed again by being
 * restored: the group has to agree it afresh.
 */
export function restoreRule(rule: GroundRule, at: EpochMs): GroundRule {
  if (rule.status !== 'retired') return rule;
  return { ...rule, status: 'draft', agreedAt: null, agreedAtMeetingId: null, updatedAt: at };
}

/**
 * New words for a rule. Editing an agreed rule sends it back to draft, because
 * the group agreed to the old words, not the new ones; it must be agreed
 * again. Words that only differ in spacing are not a change, so tidying a rule
 * never undoes an agreement. A retired rule stays retired.
 */
export function reviseRule(rule: GroundRule, text: string, at: EpochMs): GroundRule {
  const tidy = tidyText(text);
  if (tidy === rule.text) return rule;
  if (rule.status === 'agreed') {
    return { ...rule, text: tidy, status: 'draft', agreedAt: null, agreedAtMeetingId: null, updatedAt: at };
  }
  return { ...rule, text: tidy, updatedAt: at };
}

/** The rules a meeting runs under: agreed ones, in the group's order. */
export function rulesInForce(rules: readonly GroundRule[]): GroundRule[] {
  return sortByOrder(rules.filter((rule) => rule.status === 'agreed'));
}

/** Templates not yet used by a rule still in play (retired ones can be started again). */
export function unusedTemplateKeys(rules: readonly GroundRule[]): RuleTemplateKey[] {
  const used = new Set(rules.filter((rule) => rule.status !== 'retired').map((rule) => rule.templateKey));
  return RULE_TEMPLATE_KEYS.filter((key) => !used.has(key));
}

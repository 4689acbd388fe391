import type { GroundRule } from '../domain/agenda-model';
import { agreeRule, draftRule, restoreRule, retireRule, reviseRule, type RuleTemplateKey } from '../domain/ground-rules';
import type { Id } from '../domain/model';
import { reorderedBy } from '../domain/reorder';
import { putRules } from '../db/rules-repo';
import { now } from './clock';
import { newId } from '../db/ids';
import { save } from './save-status';

export function addRule(groupId: Id, text: string, order: number, templateKey: RuleTemplateKey | null = null) {
  return save(() => putRules([draftRule(newId(), groupId, text, order, now(), templateKey)]));
}

export function editRule(rule: GroundRule, text: string) {
  return save(() => putRules([reviseRule(rule, text, now())]));
}

export function agree(rule: GroundRule, meetingId: Id | null) {
  return save(() => putRules([agreeRule(rule, now(), meetingId)]));
}

export function retire(rule: GroundRule) {
  return save(() => putRules([retireRule(rule, now())]));
}

export function restore(rule: GroundRule) {
  return save(() => putRules([restoreRule(rule, now())]));
}

/** Moves a rule up or down; only the rules whose place changed are written. */
export function moveRule(rules: readonly GroundRule[], ruleId: Id, delta: number) {
  const at = now();
  const changed = reorderedBy(rules, ruleId, delta).map((rule) => ({ ...rule, updatedAt: at }));
  return save(() => putRules(changed));
}

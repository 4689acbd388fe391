import type { Id } from '../../domain/model';
import type { ActionItem, DecisionMethod } from '../../domain/record-model';
import type { GroupRecord } from '../../db/record-repo';
import type { StorageProblem } from '../../db/storage-errors';
import { t } from '../strings/all';
import type { RuleCode } from '../../domain/rule-codes';
import { ruleWords } from '../rule-words';

/** Names and lines the record's screens share, from the catalogue. */

/** A long entry cut for a button's spoken name; the full words are on screen beside it. */
export function short(text: string, max = 60): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

export function personName(record: Pick<GroupRecord, 'people'>, id: Id | null): string {
  return record.people.find((p) => p.id === id)?.name ?? t.record.unknownPerson;
}

export function ownerName(record: Pick<GroupRecord, 'people'>, item: ActionItem): string {
  return item.owner.kind === 'organisation' ? item.owner.name : personName(record, item.owner.personId);
}

export function meetingTitle(record: Pick<GroupRecord, 'meetings'>, id: Id | null): string {
  return record.meetings.find((m) => m.id === id)?.title ?? '';
}

export function itemTitle(record: Pick<GroupRecord, 'items'>, id: Id | null): string {
  return record.items.find((i) => i.id === id)?.title ?? '';
}

export function methodLine(how: DecisionMethod): string {
  const lines = t.record.methodLine;
  switch (how.kind) {
    case 'vote':
      return lines.vote(how.for, how.against, how.abstain);
    case 'elsewhere':
      return lines.elsewhere(how.by);
    default:
      return lines[how.kind];
  }
}

/**
 * What a failed save means to the chair, for a record form. A refused rule is
 * the record's own words; storage trouble (a full device, another tab) gets the
 * same words as the save bar, so the form never gives a different reason.
 */
export function saveProblem(result: { problem: StorageProblem; rule?: RuleCode }): string {
  if (result.rule) return ruleWords(result.rule);
  return result.problem === 'rule' ? t.record.problemRule : t.save.failed[result.problem];
}

import type { Id } from '../domain/model';
import type { ActionOwner, DecisionMethod } from '../domain/record-model';
import {
  carryAction,
  dropAction,
  makeAction,
  makeDecision,
  markActionDone,
  parkDissent,
  reopenAction,
  resolveDissent,
  revisitDissent,
  updateAction,
} from '../domain/record';
import * as record from '../db/record-repo';
import { now } from './clock';
import { newId } from '../db/ids';
import { save } from './save-status';

/** Where a record is made: the meeting, and the item under discussion then. */
export interface RecordPlace {
  groupId: Id;
  meetingId: Id;
  itemId: Id | null;
}

export function parkDissentNow(place: RecordPlace, raisedById: Id | null, words: string) {
  return save(() => record.addDissent(parkDissent({ id: newId(), ...place, raisedById, words, at: now() })));
}

/** `meetingId` is the meeting it happens at, or null between meetings. */
export function revisit(dissentId: Id, meetingId: Id | null, note = '') {
  return save(() => record.changeDissent(dissentId, (e) => revisitDissent(e, now(), meetingId, note)));
}

export function resolve(dissentId: Id, how: string, meetingId: Id | null) {
  return save(() => record.changeDissent(dissentId, (e) => resolveDissent(e, how, now(), meetingId)));
}

export function recordDecision(place: RecordPlace, text: string, how: DecisionMethod, dissentIds: readonly Id[]) {
  const at = now();
  return save(() => record.addDecision(makeDecision({ id: newId(), ...place, text, how, dissentIds, at }), at));
}

export function addActionNow(place: RecordPlace, what: string, owner: ActionOwner, due: string) {
  return save(() => record.addAction(makeAction({ id: newId(), ...place, what, owner, due, at: now() })));
}

export function markDone(actionId: Id, meetingId: Id | null, note = '') {
  return save(() => record.changeAction(actionId, (a) => markActionDone(a, now(), meetingId, note)));
}

export function carryOn(actionId: Id, meetingId: Id | null) {
  return save(() => record.changeAction(actionId, (a) => carryAction(a, now(), meetingId)));
}

export function update(actionId: Id, due: string, note: string, meetingId: Id | null) {
  return save(() => record.changeAction(actionId, (a) => updateAction(a, due, note, now(), meetingId)));
}

export function drop(actionId: Id, reason: string, meetingId: Id | null) {
  return save(() => record.changeAction(actionId, (a) => dropAction(a, reason, now(), meetingId)));
}

export function reopen(actionId: Id, meetingId: Id | null) {
  return save(() => record.changeAction(actionId, (a) => reopenAction(a, now(), meetingId)));
}

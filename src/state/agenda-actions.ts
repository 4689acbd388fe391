import type { AgendaItem } from '../domain/agenda-model';
import { copyAgenda } from '../domain/agenda';
import type { Id } from '../domain/model';
import { reorderedBy, reorderedTo } from '../domain/reorder';
import { putAgendaItems, removeAgendaItem } from '../db/agenda-repo';
import { now } from './clock';
import { newId } from '../db/ids';
import { save } from './save-status';

export function saveAgendaItem(item: AgendaItem) {
  return save(() => putAgendaItems([{ ...item, updatedAt: now() }]));
}

export function removeItem(itemId: Id) {
  return save(() => removeAgendaItem(itemId));
}

export function moveItemBy(items: readonly AgendaItem[], itemId: Id, delta: number) {
  const at = now();
  return save(() => putAgendaItems(reorderedBy(items, itemId, delta).map((item) => ({ ...item, updatedAt: at }))));
}

export function moveItemTo(items: readonly AgendaItem[], itemId: Id, index: number) {
  const at = now();
  return save(() => putAgendaItems(reorderedTo(items, itemId, index).map((item) => ({ ...item, updatedAt: at }))));
}

/** Appends a copy of an earlier meeting's agenda after what this meeting already has. */
export function copyAgendaInto(meetingId: Id, existing: readonly AgendaItem[], source: readonly AgendaItem[]) {
  const at = now();
  const copies = copyAgenda(source, meetingId, newId, at).map((item) => ({ ...item, order: existing.length + item.order }));
  return save(() => putAgendaItems(copies));
}


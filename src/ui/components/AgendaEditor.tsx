import { useEffect, useRef, useState } from 'preact/hooks';
import type { AgendaItem } from '../../domain/agenda-model';
import { itemPapersStatus, planAgenda } from '../../domain/agenda';
import { formatClock } from '../dates';
import { localMoment } from '../../domain/meeting-schedule';
import type { Meeting, Person } from '../../domain/model';
import { previousAgenda } from '../../db/agenda-repo';
import { copyAgendaInto, moveItemBy, moveItemTo, removeItem, saveAgendaItem } from '../../state/agenda-actions';
import { pathOf } from '../routes';
import { useLive } from '../../state/use-live';
import { t } from '../strings/all';

const MINUTE = 60_000;

function PapersNote({ item, meetingDate }: { item: AgendaItem; meetingDate: string }) {
  const status = itemPapersStatus(item, meetingDate);
  if (!status) return null;
  const text = status === 'late' ? t.agenda.paperLate : status === 'not-sent' ? t.agenda.paperNotSent : t.agenda.paperOnTime;
  return <span class={status === 'on-time' ? 'badge badge--muted' : 'badge badge--warning'}>{text}</span>;
}

/**
 * Reordering by drag with a pointer (touch, pen or mouse), alongside the
 * up/down buttons that keyboard and switch users rely on. Both end in the
 * same domain move.
 */
function useDragReorder(items: readonly AgendaItem[]) {
  const listRef = useRef<HTMLOListElement>(null);
  const [dragging, setDragging] = useState<{ id: string; over: number } | null>(null);

  function indexAt(clientY: number): number {
    const rows = Array.from(listRef.current?.querySelectorAll<HTMLElement>(':scope > li') ?? []);
    const index = rows.findIndex((row) => {
      const box = row.getBoundingClientRect();
      return clientY < box.top + box.height / 2;
    });
    return index < 0 ? rows.length - 1 : index;
  }

  function handleProps(item: AgendaItem) {
    return {
      onPointerDown: (event: PointerEvent) => {
        (event.currentTarget as HTMLElement).setPointerCapture(event.pointerId);
        setDragging({ id: item.id, over: items.indexOf(item) });
      },
      onPointerMove: (event: PointerEvent) => {
        if (dragging?.id === item.id) setDragging({ id: item.id, over: indexAt(event.clientY) });
      },
      onPointerUp: (event: PointerEvent) => {
        if (dragging?.id !== item.id) return;
        const target = indexAt(event.clientY);
        setDragging(null);
        void moveItemTo(items, item.id, target);
      },
      onPointerCancel: () => setDragging(null),
    };
  }
  return { listRef, dragging, handleProps };
}

export function AgendaEditor({ meeting, items, people }: { meeting: Meeting; items: AgendaItem[]; people: Person[] }) {
  const previous = useLive(() => previousAgenda(meeting), [meeting.id, meeting.startsAt]);
  const [message, setMessage] = useState('');
  // Items removed on this visit, last first out, so Undo can put each back: "Remove" acts at once,
  // without a confirm, and the next row's Remove slides under the finger, so a double tap removes two.
  const [removedItems, setRemovedItems] = useState<readonly AgendaItem[]>([]);
  const removed = removedItems[removedItems.length - 1] ?? null;
  const undoRef = useRef<HTMLButtonElement>(null);
  // The Remove button went with its item: the keyboard goes on from Undo, not from the top of the page.
  useEffect(() => undoRef.current?.focus(), [removed]);
  const { listRef, dragging, handleProps } = useDragReorder(items);
  const endsAt = localMoment(meeting.date, meeting.endTime);
  const plan = planAgenda(meeting.startsAt, endsAt, items);
  const names = new Map(people.map((p) => [p.id, p.name]));
  const editable = meeting.state === 'not-started';

  return (
    <section aria-labelledby="heading-agenda">
      <h2 id="heading-agenda">{t.agenda.title}</h2>
      {items.length === 0 ? <p class="empty">{t.agenda.none}</p> : null}
      <ol class="agenda" ref={listRef}>
        {items.map((item, index) => {
          const slot = plan.slots.find((s) => s.itemId === item.id);
          const lead = item.leadId ? names.get(item.leadId) : undefined;
          const isDragged = dragging?.id === item.id;
          return (
            <li key={item.id} class={isDragged ? 'agenda__item agenda__item--dragging' : dragging?.over === index ? 'agenda__item agenda__item--drop' : 'agenda__item'}>
              {editable ? (
                <span class="drag-handle" aria-hidden="true" title={t.agenda.dragNamed(item.title)} {...handleProps(item)}>
                  ⠿
                </span>
              ) : null}
              <div class="agenda__body">
                <p class="agenda__title">
                  <span class="agenda__number">{index + 1}.</span> {item.title}
                </p>
                <p class="agenda__meta">
                  {slot ? t.agenda.planned(formatClock(slot.plannedStart), formatClock(slot.plannedEnd)) : null} ·{' '}
                  {t.agenda.minutes(item.timeboxMinutes)} · {t.agenda.purposes[item.purpose]}
                  {lead ? ` · ${t.agenda.leadBy(lead)}` : ''}
                </p>
                {item.decidedBy.kind === 'elsewhere' ? <p class="agenda__meta">{t.agenda.decidedElsewhereBy(item.decidedBy.who)}</p> : null}
                {item.nonNegotiables ? (
                  <p class="agenda__meta">
                    <strong>{t.agenda.nonNegotiables}:</strong> {item.nonNegotiables}
                  </p>
                ) : null}
                <PapersNote item={item} meetingDate={meeting.date} />
              </div>
              {editable ? (
                <div class="actions actions--row">
                  <button
                    type="button"
                    class="button button--secondary button--small"
                    aria-label={t.agenda.moveUpNamed(item.title)}
                    disabled={index === 0}
                    onClick={() => void moveItemBy(items, item.id, -1)}
                  >
                    ↑
                  </button>
                  <button
                    type="button"
                    class="button button--secondary button--small"
                    aria-label={t.agenda.moveDownNamed(item.title)}
                    disabled={index === items.length - 1}
                    onClick={() => void moveItemBy(items, item.id, 1)}
                  >
                    ↓
                  </button>
                  <a
                    class="button button--secondary button--small"
                    href={pathOf({ name: 'edit-item', meetingId: meeting.id, itemId: item.id })}
                    aria-label={t.agenda.editNamed(item.title)}
                  >
                    {t.agenda.edit}
                  </a>
                  <button
                    type="button"
                    class="button button--warning button--small"
                    aria-label={t.agenda.removeNamed(item.title)}
                    onClick={async () => {
                      if ((await removeItem(item.id)).ok) {
                        setRemovedItems((before) => [...before, item]);
                        setMessage(t.agenda.removedNamed(item.title));
                      }
                    }}
                  >
                    {t.agenda.remove}
                  </button>
                </div>
              ) : null}
            </li>
          );
        })}
      </ol>
      {items.length > 0 ? (
        <p class={plan.overrunMs > 0 ? 'warning' : 'field__hint'} role={plan.overrunMs > 0 ? 'status' : undefined}>
          {plan.overrunMs > 0
            ? t.agenda.runsOver(Math.ceil(plan.overrunMs / MINUTE), formatClock(endsAt))
            : t.agenda.fitsTime(formatClock(plan.plannedEnd))}
        </p>
      ) : null}
      {editable ? (
        <div class="actions">
          <a class="button button--secondary" href={pathOf({ name: 'new-item', meetingId: meeting.id })}>
            {t.agenda.addItem}
          </a>
          {previous.status === 'ready' && previous.value ? (
            <button
              type="button"
              class="button button--secondary"
              onClick={async () => {
                const source = previous.value;
                if (source && (await copyAgendaInto(meeting.id, items, source.items)).ok) setMessage(t.agenda.copied);
              }}
            >
              {t.agenda.copyPrevious(previous.value.meeting.title)}
            </button>
          ) : null}
        </div>
      ) : null}
      <div class="undo-line">
        <p role="status" class="field__hint">
          {message}
        </p>
        {removed ? (
          <button
            type="button"
            ref={undoRef}
            class="button button--secondary"
            aria-label={t.agenda.undoRemoveNamed(removed.title)}
            onClick={async () => {
              if ((await saveAgendaItem(removed)).ok) {
                setRemovedItems((before) => before.filter((i) => i.id !== removed.id));
                setMessage(t.agenda.putBackNamed(removed.title));
              }
            }}
          >
            {t.agenda.undoRemove}
          </button>
        ) : null}
      </div>
    </section>
  );
}

import type { Decision } from '../../domain/record-model';
import type { GroupRecord } from '../../db/record-repo';
import { t } from '../strings/all';
import { itemTitle, meetingTitle, methodLine, personName } from './record-words';

/** A decision, how it was reached, and the dissent recorded against it in the person's words. */
export function DecisionCard({ decision, record }: { decision: Decision; record: GroupRecord }) {
  const item = itemTitle(record, decision.itemId);
  const against = record.dissent.filter((d) => decision.dissentIds.includes(d.id));
  return (
    <li class="record-card">
      <p class="record-card__text">{decision.text}</p>
      <p class="record-card__outcome">{methodLine(decision.how)}</p>
      <p class="record-card__meta">
        {t.record.decidedAt(meetingTitle(record, decision.meetingId))}
        {item ? ` ${t.record.onItem(item)}` : ''}
      </p>
      {against.length > 0 ? (
        <>
          <p class="record-card__meta">{t.record.dissentAgainst(against.length)}</p>
          <ul class="record-card__history">
            {against.map((d) => (
              <li key={d.id}>
                “{d.words}” ({d.raisedById ? personName(record, d.raisedById) : t.record.anonymous})
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </li>
  );
}

import { useState } from 'preact/hooks';
import type { AgendaItem, AgendaPurpose, Paper } from '../../domain/agenda-model';
import { AGENDA_PURPOSES } from '../../domain/agenda-model';
import {
  AGENDA_TITLE_MAX_LENGTH,
  checkAgendaItem,
  DECIDER_MAX_LENGTH,
  hasProblems,
  newAgendaItem,
  NON_NEGOTIABLES_MAX_LENGTH,
  tidyAgendaItemInput,
  type AgendaItemProblems,
} from '../../domain/agenda';
import type { Person } from '../../domain/model';
import { getRunData } from '../../db/run-repo';
import { saveAgendaItem } from '../../state/agenda-actions';
import { newId } from '../../db/ids';
import { now } from '../../state/clock';
import { go, pathOf } from '../routes';
import { useLive } from '../../state/use-live';
import { ErrorSummary, shownErrors, type FieldError } from '../components/ErrorSummary';
import { Radios, SelectField, TextArea, TextField } from '../components/fields';
import { LiveFound } from '../components/LiveView';
import { NotFound } from '../components/NotFound';
import { PageTitle } from '../components/PageTitle';
import { Breadcrumb } from '../components/Breadcrumb';
import { t } from '../strings/all';
import { byName } from '../../domain/names';
import { nameCollator } from '../strings/locale';
import { useSubmit } from '../use-submit';
import { PapersFieldset } from '../agenda/PapersFieldset';

interface Draft {
  title: string;
  purpose: AgendaPurpose;
  timebox: string;
  leadId: string;
  decidedByKind: 'group' | 'elsewhere';
  decider: string;
  nonNegotiables: string;
  papers: Paper[];
}

function draftOf(item: AgendaItem): Draft {
  return {
    title: item.title,
    purpose: item.purpose,
    timebox: String(item.timeboxMinutes),
    leadId: item.leadId ?? '',
    decidedByKind: item.decidedBy.kind,
    decider: item.decidedBy.kind === 'elsewhere' ? item.decidedBy.who : '',
    nonNegotiables: item.nonNegotiables,
    papers: item.papers,
  };
}

function inputOf(draft: Draft) {
  return {
    title: draft.title,
    timeboxMinutes: draft.timebox.trim() === '' ? Number.NaN : Number(draft.timebox),
    decidedBy: draft.decidedByKind === 'elsewhere' ? ({ kind: 'elsewhere', who: draft.decider } as const) : ({ kind: 'group' } as const),
    nonNegotiables: draft.nonNegotiables,
    papers: draft.papers,
  };
}

/** Every problem as a sentence against the field it belongs to, in the order of the form. */
function errorsOf(problems: AgendaItemProblems, papers: readonly Paper[]): FieldError[] {
  const p = t.agenda.problems;
  const errors: FieldError[] = [];
  if (problems.title) errors.push({ fieldId: 'item-title', message: problems.title === 'empty' ? p.title : p.titleLong });
  if (problems.timeboxMinutes) errors.push({ fieldId: 'item-timebox', message: p.timebox });
  if (problems.decidedByWho) errors.push({ fieldId: 'item-decider', message: problems.decidedByWho === 'empty' ? p.decider : p.deciderLong });
  if (problems.nonNegotiables) errors.push({ fieldId: 'item-non-negotiables', message: p.nonNegotiablesLong });
  papers.forEach((paper, index) => {
    const found = problems.papers?.[paper.id];
    const n = index + 1;
    if (found?.title) errors.push({ fieldId: `paper-${paper.id}-title`, message: found.title === 'empty' ? p.paperTitle(n) : p.paperTitleLong(n) });
    if (found?.link) errors.push({ fieldId: `paper-${paper.id}-link`, message: p.paperLinkLong(n) });
    if (found?.sentOn) errors.push({ fieldId: `paper-${paper.id}-sent`, message: p.paperSent(n) });
  });
  return errors;
}

function ItemForm({ item, people, meetingId }: { item: AgendaItem; people: Person[]; meetingId: string }) {
  const [draft, setDraft] = useState<Draft>(() => draftOf(item));
  const set = (changes: Partial<Draft>) => setDraft((d) => ({ ...d, ...changes }));

  const problems = checkAgendaItem(inputOf(draft));
  const errors = errorsOf(problems, draft.papers);
  const form = useSubmit(async () => {
    const tidy = tidyAgendaItemInput(inputOf(draft));
    const result = await saveAgendaItem({
      ...item,
      title: tidy.title,
      purpose: draft.purpose,
      timeboxMinutes: tidy.timeboxMinutes,
      leadId: draft.leadId || null,
      decidedBy: tidy.decidedBy,
      nonNegotiables: tidy.nonNegotiables,
      papers: tidy.papers.map((paper) => ({ ...paper })),
    });
    if (result.ok) go({ name: 'meeting', meetingId }, { replace: true });
  }, () => hasProblems(problems));
  const { shown, errorFor } = shownErrors(errors, form.submitted);

  return (
    <form onSubmit={form.onSubmit} noValidate>
      <ErrorSummary errors={shown} />
      <TextField
        id="item-title"
        label={t.agenda.itemTitle}
        hint={t.fields.charsLimit(AGENDA_TITLE_MAX_LENGTH)}
        value={draft.title}
        maxLength={AGENDA_TITLE_MAX_LENGTH}
        error={errorFor('item-title')}
        onInput={(title) => set({ title })}
      />
      <Radios
        name="item-purpose"
        legend={t.agenda.purpose}
        value={draft.purpose}
        choices={AGENDA_PURPOSES.map((purpose) => ({ value: purpose, label: t.agenda.purposes[purpose] }))}
        onChange={(purpose) => set({ purpose: purpose as AgendaPurpose })}
      />
      <TextField
        id="item-timebox"
        type="number"
        width="short"
        label={t.agenda.timebox}
        hint={t.agenda.timeboxHint}
        value={draft.timebox}
        error={errorFor('item-timebox')}
        onInput={(timebox) => set({ timebox })}
      />
      <SelectField
        id="item-lead"
        label={t.agenda.lead}
        value={draft.leadId}
        choices={[{ value: '', label: t.agenda.noLead }, ...people.map((p) => ({ value: p.id, label: p.name }))]}
        onChange={(leadId) => set({ leadId })}
      />
      <Radios
        name="item-decided-by"
        legend={t.agenda.decidedBy}
        value={draft.decidedByKind}
        choices={[
          { value: 'group', label: t.agenda.decidedByGroup },
          { value: 'elsewhere', label: t.agenda.decidedElsewhere },
        ]}
        onChange={(kind) => set({ decidedByKind: kind as Draft['decidedByKind'] })}
      />
      {draft.decidedByKind === 'elsewhere' ? (
        <TextField
          id="item-decider"
          label={t.agenda.decider}
          hint={t.agenda.deciderHint}
          value={draft.decider}
          maxLength={DECIDER_MAX_LENGTH}
          error={errorFor('item-decider')}
          onInput={(decider) => set({ decider })}
        />
      ) : null}
      <TextArea
        id="item-non-negotiables"
        label={t.agenda.nonNegotiables}
        optional
        hint={t.agenda.nonNegotiablesHint}
        value={draft.nonNegotiables}
        error={errorFor('item-non-negotiables')}
        onInput={(nonNegotiables) => set({ nonNegotiables: nonNegotiables.slice(0, NON_NEGOTIABLES_MAX_LENGTH * 2) })}
      />
      <PapersFieldset papers={draft.papers} errorFor={errorFor} onChange={(papers) => set({ papers })} />
      <div class="actions">
        <button type="submit" class="button" disabled={form.busy}>
          {t.agenda.save}
        </button>
        <a class="button button--secondary" href={pathOf({ name: 'meeting', meetingId })}>
          {t.agenda.cancel}
        </a>
      </div>
    </form>
  );
}

export function AgendaItemScreen({ meetingId, itemId }: { meetingId: string; itemId: string | null }) {
  const data = useLive(() => getRunData(meetingId), [meetingId]);
  // The new item's id is fixed for the life of the screen, so saving twice updates, never duplicates.
  const [freshId] = useState(newId);
  return (
    <LiveFound live={data} notFound={t.meeting.notFound}>
      {(found) => {
        const existing = itemId ? found.items.find((i) => i.id === itemId) : undefined;
        if (itemId && !existing) return <NotFound />;
        const item = existing ?? newAgendaItem(freshId, meetingId, found.items.length, now());
        const people = found.people.filter((p) => p.status === 'active').sort(byName(nameCollator()));
        return (
          <>
            <Breadcrumb href={pathOf({ name: 'meeting', meetingId })} text={found.meeting.title} />
            <PageTitle text={existing ? t.agenda.editItem : t.agenda.newItem} />
            <ItemForm key={item.id} item={item} people={people} meetingId={meetingId} />
          </>
        );
      }}
    </LiveFound>
  );
}

import type { Paper } from '../../domain/agenda-model';
import { newId } from '../../db/ids';
import { TextField } from '../components/fields';
import { t } from '../strings/all';

/** An agenda item's papers: each one's title, link and the day it was sent, added and removed in place. */
export function PapersFieldset({
  papers,
  errorFor,
  onChange,
}: {
  papers: readonly Paper[];
  errorFor: (fieldId: string) => string | undefined;
  onChange: (papers: Paper[]) => void;
}) {
  const setPaper = (id: string, changes: Partial<Paper>) => onChange(papers.map((paper) => (paper.id === id ? { ...paper, ...changes } : paper)));
  return (
    <fieldset class="fieldset">
      <legend class="fieldset__legend">{t.agenda.papers}</legend>
      {papers.map((paper, index) => (
        <div key={paper.id} class="paper">
          <TextField
            id={`paper-${paper.id}-title`}
            label={t.agenda.paperTitle(index + 1)}
            value={paper.title}
            error={errorFor(`paper-${paper.id}-title`)}
            onInput={(title) => setPaper(paper.id, { title })}
          />
          <TextField
            id={`paper-${paper.id}-link`}
            label={t.agenda.paperLink(index + 1)}
            optional
            value={paper.link}
            error={errorFor(`paper-${paper.id}-link`)}
            onInput={(link) => setPaper(paper.id, { link })}
          />
          <TextField
            id={`paper-${paper.id}-sent`}
            type="date"
            label={t.agenda.paperSent(index + 1)}
            hint={t.agenda.paperSentHint}
            value={paper.sentOn}
            error={errorFor(`paper-${paper.id}-sent`)}
            onInput={(sentOn) => setPaper(paper.id, { sentOn })}
          />
          <button
            type="button"
            class="button button--secondary button--small"
            onClick={() => onChange(papers.filter((p) => p.id !== paper.id))}
          >
            {t.agenda.removePaper(index + 1)}
          </button>
        </div>
      ))}
      <button
        type="button"
        class="button button--secondary"
        onClick={() => onChange([...papers, { id: newId(), title: '', link: '', sentOn: '' }])}
      >
        {t.agenda.addPaper}
      </button>
    </fieldset>
  );
}

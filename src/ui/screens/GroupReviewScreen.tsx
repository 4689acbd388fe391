import { useRef, useState } from 'preact/hooks';
import { PRINCIPLE_KEYS, type GroupReview, type PrincipleKey, type Rating } from '../../domain/arein-model';
import {
  checkReview,
  draftOf,
  emptyReviewDraft,
  RATINGS,
  REVIEW_ANSWER_MAX_LENGTH,
  REVIEW_COMMENT_MAX_LENGTH,
  REVIEW_QUESTIONS,
  type CheckedReview,
  type ReviewDraft,
  type ReviewProblemField,
} from '../../domain/arein';
import { isoDay } from '../../domain/dates';
import { formatDayAndClock, formatIsoDay } from '../dates';
import type { Meeting } from '../../domain/model';
import { getGroupReviews, type GroupReviews } from '../../db/arein-repo';
import { saveGroupReview } from '../../state/arein-actions';
import { now } from '../../state/clock';
import { pathOf } from '../routes';
import { useLive } from '../../state/use-live';
import { ErrorSummary, type FieldError } from '../components/ErrorSummary';
import { SelectField, TextArea, TextField } from '../components/fields';
import { LiveFound } from '../components/LiveView';
import { PageTitle } from '../components/PageTitle';
import { Breadcrumb } from '../components/Breadcrumb';
import { ListSection } from '../components/ListSection';
import { t } from '../strings/all';
import '../arein.css';
import { ruleWords } from '../rule-words';
import { useSubmit } from '../use-submit';

const words = t.arein;

/** Where each problem's field is, so the error summary can link to it. */
function fieldId(field: ReviewProblemField): string {
  return `review-${field}`;
}

function fieldLabel(field: ReviewProblemField): string {
  if (field === 'date') return words.date;
  if (field === 'howMuch' || field === 'howWell' || field === 'betterOff') return words.questions[field];
  const key = field.replace(/^(comment|rating)-/, '') as PrincipleKey;
  return words.comment(words.principles[key]);
}

function errorsOf(checked: CheckedReview): FieldError[] {
  return checked.problems.map(({ field, problem }) => {
    const message =
      problem === 'nothing-said'
        ? words.nothingSaid
        : problem === 'empty'
          ? words.dateEmpty
          : problem === 'not-a-date'
            ? words.dateInvalid
            : problem === 'not-a-rating'
              ? words.notARating(words.principles[field.replace(/^rating-/, '') as PrincipleKey])
              : words.tooLong(fieldLabel(field), field.startsWith('comment-') ? REVIEW_COMMENT_MAX_LENGTH : REVIEW_ANSWER_MAX_LENGTH);
    return { fieldId: fieldId(field), message };
  });
}

/** One principle: its one-line meaning, words on every point of the scale (never numbers alone), or "Not rated". */
function RatingChoice({ principle, value, onChange }: { principle: PrincipleKey; value: Rating; onChange: (rating: Rating) => void }) {
  const name = fieldId(`rating-${principle}`);
  const choices: Array<{ rating: Rating; label: string }> = [
    ...RATINGS.map((rating) => ({ rating, label: words.ratings[rating] })),
    { rating: null, label: words.notRated },
  ];
  return (
    <fieldset class="fieldset" aria-describedby={`${name}-hint`}>
      <legend class="fieldset__legend">{words.principles[principle]}</legend>
      <p id={`${name}-hint`} class="field__hint">
        {words.principleHints[principle]}
      </p>
      <div class="review-rating">
        {choices.map((choice, index) => (
          <label key={String(choice.rating)} class="checkbox">
            <input
              // The first choice carries the id the error summary links to.
              id={index === 0 ? name : undefined}
              type="radio"
              name={name}
              checked={value === choice.rating}
              onChange={() => onChange(choice.rating)}
            />
            <span>{choice.label}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

function ReviewForm({
  groupId,
  meetings,
  editing,
  onSaved,
  onCancel,
}: {
  groupId: string;
  meetings: readonly Meeting[];
  editing: GroupReview | null;
  onSaved: () => void;
  onCancel: () => void;
}) {
  const [draft, setDraft] = useState<ReviewDraft>(() => (editing ? draftOf(editing) : emptyReviewDraft(isoDay(now()))));
  const [refused, setRefused] = useState('');
  const checked = checkReview(draft);
  const form = useSubmit(
    async () => {
      const result = await saveGroupReview(groupId, checked.value, editing);
      if (result.ok) onSaved();
      else if (result.rule) setRefused(ruleWords(result.rule, { 'group-missing': words.groupGone }));
    },
    () => {
      setRefused('');
      return checked.problems.length > 0;
    },
  );
  const errors = form.submitted ? errorsOf(checked) : [];
  const errorFor = (field: ReviewProblemField) => errors.find((e) => e.fieldId === fieldId(field))?.message;
  const setPrinciple = (key: PrincipleKey, change: Partial<ReviewDraft['principles'][PrincipleKey]>) =>
    setDraft({ ...draft, principles: { ...draft.principles, [key]: { ...draft.principles[key], ...change } } });
  return (
    <form
      noValidate
      aria-labelledby="heading-review-form"
      onSubmit={(event) => void form.onSubmit(event)}
    >
      <h2 id="heading-review-form" tabIndex={-1}>
        {editing ? words.editTitle(formatIsoDay(editing.date)) : words.newTitle}
      </h2>
      <ErrorSummary errors={errors} />
      {refused ? <p role="alert">{refused}</p> : null}
      <TextField
        id={fieldId('date')}
        type="date"
        label={words.date}
        hint={words.dateHint}
        value={draft.date}
        error={errorFor('date')}
        onInput={(date) => setDraft({ ...draft, date })}
      />
      {meetings.length > 0 ? (
        <SelectField
          id="review-meeting"
          label={words.meeting}
          optional
          value={draft.meetingId ?? ''}
          choices={[{ value: '', label: words.noMeeting }, ...meetings.map((m) => ({ value: m.id, label: `${m.title} (${formatIsoDay(m.date)})` }))]}
          onChange={(id) => setDraft({ ...draft, meetingId: id || null })}
        />
      ) : null}
      <h3>{words.questionsTitle}</h3>
      {REVIEW_QUESTIONS.map((field) => (
        <TextArea
          key={field}
          id={fieldId(field)}
          label={words.questions[field]}
          hint={words.questionHints[field]}
          value={draft[field]}
          maxLength={REVIEW_ANSWER_MAX_LENGTH}
          error={errorFor(field)}
          onInput={(value) => setDraft({ ...draft, [field]: value })}
        />
      ))}
      <h3>{words.principlesTitle}</h3>
      <p class="field__hint">{words.principlesHint}</p>
      {PRINCIPLE_KEYS.map((key) => (
        <div key={key} class="review-principle">
          <RatingChoice principle={key} value={draft.principles[key].rating} onChange={(rating) => setPrinciple(key, { rating })} />
          <TextArea
            id={fieldId(`comment-${key}`)}
            label={words.comment(words.principles[key])}
            optional
            rows={2}
            value={draft.principles[key].comment}
            maxLength={REVIEW_COMMENT_MAX_LENGTH}
            error={errorFor(`comment-${key}`)}
            onInput={(comment) => setPrinciple(key, { comment })}
          />
        </div>
      ))}
      <div class="actions">
        <button type="submit" class="button">
          {editing ? words.saveChanges : words.save}
        </button>
        {editing ? (
          <button type="button" class="button button--secondary" onClick={onCancel}>
            {words.cancel}
          </button>
        ) : null}
      </div>
    </form>
  );
}

function PastReview({ review, meetings, onEdit }: { review: GroupReview; meetings: readonly Meeting[]; onEdit: () => void }) {
  const day = formatIsoDay(review.date);
  const meeting = review.meetingId ? meetings.find((m) => m.id === review.meetingId) : undefined;
  return (
    <li class="review-card">
      <h3>{words.reviewOf(day)}</h3>
      {meeting ? <p class="list-row__meta">{words.atMeeting(meeting.title)}</p> : null}
      {review.updatedAt !== review.createdAt ? <p class="list-row__meta">{words.editedAt(formatDayAndClock(review.updatedAt))}</p> : null}
      <dl>
        {REVIEW_QUESTIONS.map((field) => [
          <dt key={`${field}-q`}>{words.questions[field]}</dt>,
          <dd key={`${field}-a`}>{review[field] || <span class="empty">{words.notAnswered}</span>}</dd>,
        ])}
      </dl>
      <dl>
        {PRINCIPLE_KEYS.map((key) => {
          const given = review.principles[key] ?? { rating: null, comment: '' };
          return [
            <dt key={`${key}-p`}>{words.principles[key]}</dt>,
            <dd key={`${key}-r`}>
              <strong>{given.rating === null ? words.notRated : words.ratings[given.rating]}</strong>
              {given.comment ? `\n${given.comment}` : null}
            </dd>,
          ];
        })}
      </dl>
      <button type="button" class="button button--secondary button--small" aria-label={words.editNamed(day)} onClick={onEdit}>
        {words.edit}
      </button>
    </li>
  );
}

function Reviews({ found }: { found: GroupReviews }) {
  const { group, reviews, meetings } = found;
  const [editingId, setEditingId] = useState<string | null>(null);
  const [formKey, setFormKey] = useState(0);
  const [message, setMessage] = useState('');
  const formRef = useRef<HTMLDivElement>(null);
  const editing = reviews.find((r) => r.id === editingId) ?? null;
  const openForm = (id: string | null) => {
    setEditingId(id);
    setFormKey(formKey + 1);
    setMessage('');
    // Bring the form to the chair, and tell a screen reader where they are.
    setTimeout(() => formRef.current?.querySelector<HTMLElement>('#heading-review-form')?.focus());
  };
  return (
    <>
      <Breadcrumb href={pathOf({ name: 'group', groupId: group.id })} text={t.meeting.groupLink(group.name)} />
      <PageTitle text={words.reviewTitle} />
      <p>{words.reviewIntro}</p>
      <p role="status">{message}</p>
      <ListSection id="heading-past-reviews" title={words.pastTitle} items={reviews} empty={words.noReviews} listClass="review-list">
        {(review) => <PastReview key={review.id} review={review} meetings={meetings} onEdit={() => openForm(review.id)} />}
      </ListSection>
      <div ref={formRef}>
        <ReviewForm
          key={formKey}
          groupId={group.id}
          meetings={meetings}
          editing={editing}
          onSaved={() => {
            setEditingId(null);
            setFormKey(formKey + 1);
            setMessage(words.saved);
          }}
          onCancel={() => openForm(null)}
        />
      </div>
    </>
  );
}

/** The group's own review of how co-production is going: past reviews, newest first, and a new one. */
export function GroupReviewScreen({ groupId }: { groupId: string }) {
  const live = useLive(() => getGroupReviews(groupId), [groupId]);
  return <LiveFound live={live} notFound={words.notFound}>{(found) => <Reviews found={found} />}</LiveFound>;
}

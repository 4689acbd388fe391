import { useEffect, useRef, useState } from 'preact/hooks';
import type { GroundRule } from '../../domain/agenda-model';
import { formatShortDay } from '../dates';
import {
  checkRuleText,
  RULE_TEXT_MAX_LENGTH,
  STAGE4_QUESTION_KEYS,
  unusedTemplateKeys,
  type RuleTemplateKey,
} from '../../domain/ground-rules';
import type { EpochMs, Id, Meeting } from '../../domain/model';
import type { TextProblem } from '../../domain/text-rules';
import { readGroupRules } from '../../db/rules-repo';
import { now } from '../../state/clock';
import { pathOf } from '../routes';
import { addRule, agree, editRule, moveRule, restore, retire } from '../../state/rules-actions';
import { useLive } from '../../state/use-live';
import { ErrorSummary } from '../components/ErrorSummary';
import { SelectField, TextArea } from '../components/fields';
import { LiveView } from '../components/LiveView';
import { NotFound } from '../components/NotFound';
import { PageTitle } from '../components/PageTitle';
import { t } from '../strings/all';

type RulesData = NonNullable<Awaited<ReturnType<typeof readGroupRules>>>;

/**
 * The meeting a rule is most likely being agreed at: one under way, else the
 * latest that has started, else none ('').
 */
export function likelyMeetingId(meetings: readonly Meeting[], at: EpochMs): Id | '' {
  const newestFirst = [...meetings].sort((a, b) => b.startsAt - a.startsAt);
  const live = newestFirst.find((m) => m.state === 'running' || m.state === 'closing');
  if (live) return live.id;
  return newestFirst.find((m) => m.startsAt <= at)?.id ?? '';
}

function ruleProblem(problem: TextProblem | null): string | undefined {
  if (problem === 'empty') return t.rules.emptyText;
  if (problem === 'too-long') return t.rules.tooLong;
  return undefined;
}

function statusWords(rule: GroundRule, meetingsById: ReadonlyMap<Id, Meeting>): string {
  if (rule.status === 'draft') return t.rules.draft;
  if (rule.status === 'retired') return t.rules.retired;
  const day = rule.agreedAt === null ? '' : formatShortDay(rule.agreedAt);
  const meeting = rule.agreedAtMeetingId ? meetingsById.get(rule.agreedAtMeetingId) : undefined;
  return (meeting ? t.rules.agreedAt(day, meeting.title) : t.rules.agreedOn(day)).replace(/\s+$/, '');
}

const ids = {
  edit: (rule: GroundRule) => `rule-${rule.id}-edit`,
  agree: (rule: GroundRule) => `rule-${rule.id}-agree`,
  retire: (rule: GroundRule) => `rule-${rule.id}-retire`,
  restore: (rule: GroundRule) => `rule-${rule.id}-restore`,
  up: (rule: GroundRule) => `rule-${rule.id}-up`,
  down: (rule: GroundRule) => `rule-${rule.id}-down`,
  template: (key: RuleTemplateKey) => `template-${key}-add`,
};

/** Focuses the first of `candidates` that is on the page and can take focus. */
function focusFirst(candidates: readonly string[]): boolean {
  for (const id of candidates) {
    const element = document.getElementById(id);
    if (element && !(element as HTMLButtonElement).disabled) {
      element.focus();
      return true;
    }
  }
  return false;
}

/**
 * Keeps keyboard and switch users in place when a tap moves or removes the
 * control they used: once the saved change comes back from the database, focus
 * goes to the first candidate still on the page.
 */
function useFocusAfterChange(data: unknown) {
  const wish = useRef<{ candidates: string[]; before: unknown } | null>(null);
  useEffect(() => {
    const pending = wish.current;
    if (!pending || pending.before === data) return;
    wish.current = null;
    focusFirst(pending.candidates);
  });
  return {
    request: (candidates: string[]) => {
      wish.current = { candidates, before: data };
    },
    cancel: () => {
      wish.current = null;
    },
  };
}

type FocusAfterChange = ReturnType<typeof useFocusAfterChange>;

function EditRuleForm({ rule, number, onDone }: { rule: GroundRule; number: number; onDone: () => void }) {
  const [text, setText] = useState(rule.text);
  const [submitted, setSubmitted] = useState(false);
  const [busy, setBusy] = useState(false);
  const fieldId = `rule-${rule.id}-text`;
  const error = submitted ? ruleProblem(checkRuleText(text)) : undefined;
  useEffect(() => {
    document.getElementById(fieldId)?.focus();
  }, [fieldId]);
  return (
    <form
      class="rule-row__form"
      noValidate
      onSubmit={async (event) => {
        event.preventDefault();
        setSubmitted(true);
        if (checkRuleText(text) !== null) {
          document.getElementById(fieldId)?.focus();
          return;
        }
        if (busy) return;
        setBusy(true);
        const result = await editRule(rule, text);
        setBusy(false);
        if (result.ok) onDone();
      }}
    >
      <TextArea rows={3} maxLength={RULE_TEXT_MAX_LENGTH}
        id={fieldId}
        label={t.rules.editLabel(number)}
        hint={rule.status === 'agreed' ? `${t.rules.revisedNote} ${t.rules.ruleHint}` : t.rules.ruleHint}
        error={error}
        value={text}
        onInput={setText}
      />
      <div class="actions">
        <button type="submit" class="button" disabled={busy}>
          {t.rules.save}
        </button>
        <button type="button" class="button button--secondary" onClick={onDone}>
          {t.rules.cancel}
        </button>
      </div>
    </form>
  );
}

function AgreeForm({
  rule,
  number,
  meetings,
  onAgreed,
  onCancel,
}: {
  rule: GroundRule;
  number: number;
  meetings: readonly Meeting[];
  onAgreed: () => void;
  onCancel: () => void;
}) {
  const [meetingId, setMeetingId] = useState<string>(() => likelyMeetingId(meetings, now()));
  const [busy, setBusy] = useState(false);
  const fieldId = `rule-${rule.id}-meeting`;
  const newestFirst = [...meetings].sort((a, b) => b.startsAt - a.startsAt);
  useEffect(() => {
    document.getElementById(fieldId)?.focus();
  }, [fieldId]);
  return (
    <form
      class="rule-row__form"
      noValidate
      onSubmit={async (event) => {
        event.preventDefault();
        if (busy) return;
        setBusy(true);
        const result = await agree(rule, meetingId || null);
        setBusy(false);
        if (result.ok) onAgreed();
      }}
    >
      <SelectField
        id={fieldId}
        label={t.rules.agreedAtLabel}
        hint={t.rules.agreedAtHint}
        value={meetingId}
        choices={[
          { value: '', label: t.rules.notAtMeeting },
          ...newestFirst.map((m) => ({ value: m.id, label: t.rules.meetingChoice(m.title, formatShortDay(m.startsAt)) })),
        ]}
        onChange={setMeetingId}
      />
      <div class="actions">
        <button type="submit" class="button" disabled={busy} aria-label={t.rules.confirmAgreeNamed(number)}>
          {t.rules.confirmAgree}
        </button>
        <button type="button" class="button button--secondary" onClick={onCancel}>
          {t.rules.cancel}
        </button>
      </div>
    </form>
  );
}

function RuleRow({
  rule,
  number,
  inPlay,
  meetings,
  meetingsById,
  focus,
  onMove,
}: {
  rule: GroundRule;
  number: number;
  /** The rules that are not retired, in order: the ones this rule can move among. */
  inPlay: readonly GroundRule[];
  meetings: readonly Meeting[];
  meetingsById: ReadonlyMap<Id, Meeting>;
  focus: FocusAfterChange;
  onMove: (rule: GroundRule, delta: number) => void;
}) {
  const [mode, setMode] = useState<'view' | 'edit' | 'agree'>('view');
  const returnTo = useRef<string | null>(null);
  useEffect(() => {
    if (mode !== 'view' || !returnTo.current) return;
    focusFirst([returnTo.current, ids.edit(rule)]);
    returnTo.current = null;
  }, [mode, rule]);

  const close = (backTo: string) => {
    returnTo.current = backTo;
    setMode('view');
  };
  const place = inPlay.findIndex((r) => r.id === rule.id);
  const retired = rule.status === 'retired';
  const status = statusWords(rule, meetingsById);

  return (
    <li class={`rule-row rule-row--${rule.status}`}>
      <span class="rule-row__number">{number}</span>
      <div class="rule-row__body">
        <p class="rule-row__text">{rule.text}</p>
        <p class={`rule-status rule-status--${rule.status}`}>
          <span class="rule-status__mark" aria-hidden="true">
            {rule.status === 'agreed' ? '✓' : rule.status === 'draft' ? '○' : '–'}
          </span>
          {status}
        </p>
        {mode === 'edit' ? (
          <EditRuleForm rule={rule} number={number} onDone={() => close(ids.edit(rule))} />
        ) : mode === 'agree' ? (
          <AgreeForm
            rule={rule}
            number={number}
            meetings={meetings}
            onAgreed={() => close(ids.edit(rule))}
            onCancel={() => close(ids.agree(rule))}
          />
        ) : (
          <div class="rule-row__actions">
            {retired ? null : (
              <button
                type="button"
                id={ids.edit(rule)}
                class="button button--secondary button--small"
                aria-label={t.rules.editNamed(number)}
                onClick={() => setMode('edit')}
              >
                {t.rules.edit}
              </button>
            )}
            {rule.status === 'agreed' ? null : (
              <button
                type="button"
                id={ids.agree(rule)}
                class="button button--small"
                aria-label={t.rules.agreeNamed(number)}
                onClick={() => setMode('agree')}
              >
                {t.rules.agree}
              </button>
            )}
            {retired ? (
              <button
                type="button"
                id={ids.restore(rule)}
                class="button button--secondary button--small"
                aria-label={t.rules.restoreNamed(number)}
                onClick={async () => {
                  focus.request([ids.retire(rule)]);
                  if (!(await restore(rule)).ok) focus.cancel();
                }}
              >
                {t.rules.restore}
              </button>
            ) : (
              <button
                type="button"
                id={ids.retire(rule)}
                class="button button--secondary button--small"
                aria-label={t.rules.retireNamed(number)}
                onClick={async () => {
                  focus.request([ids.restore(rule)]);
                  if (!(await retire(rule)).ok) focus.cancel();
                }}
              >
                {t.rules.retire}
              </button>
            )}
            {retired ? null : (
              <span class="rule-row__move">
                <button
                  type="button"
                  id={ids.up(rule)}
                  class="button button--secondary button--small"
                  aria-label={t.rules.moveUpNamed(number)}
                  disabled={place <= 0}
                  onClick={() => onMove(rule, -1)}
                >
                  <span aria-hidden="true">↑</span> {t.rules.moveUp}
                </button>
                <button
                  type="button"
                  id={ids.down(rule)}
                  class="button button--secondary button--small"
                  aria-label={t.rules.moveDownNamed(number)}
                  disabled={place < 0 || place >= inPlay.length - 1}
                  onClick={() => onMove(rule, 1)}
                >
                  <span aria-hidden="true">↓</span> {t.rules.moveDown}
                </button>
              </span>
            )}
          </div>
        )}
      </div>
    </li>
  );
}

function RuleList({ data, focus }: { data: RulesData; focus: FocusAfterChange }) {
  const [announcement, setAnnouncement] = useState('');
  const inPlay = data.rules.filter((r) => r.status !== 'retired');
  const retired = data.rules.filter((r) => r.status === 'retired');
  const shown = [...inPlay, ...retired];
  const meetingsById = new Map(data.meetings.map((m) => [m.id, m]));
  const agreedCount = inPlay.filter((r) => r.status === 'agreed').length;

  async function move(rule: GroundRule, delta: number) {
    const from = inPlay.findIndex((r) => r.id === rule.id);
    const to = from + delta;
    if (from < 0 || to < 0 || to >= inPlay.length) return;
    // Same button first; at an end, where it is disabled, the other one.
    focus.request(delta < 0 ? [ids.up(rule), ids.down(rule)] : [ids.down(rule), ids.up(rule)]);
    const result = await moveRule(inPlay, rule.id, delta);
    if (result.ok) setAnnouncement(t.rules.moved(to + 1));
    else focus.cancel();
  }

  return (
    <section aria-labelledby="heading-rules-list">
      <h2 id="heading-rules-list">{t.rules.yourRules}</h2>
      {shown.length === 0 ? (
        <p class="empty">{t.rules.none}</p>
      ) : (
        <>
          <p class="rules-count">{t.rules.agreedCount(agreedCount)}</p>
          <ol class="rule-list">
            {shown.map((rule, index) => (
              <RuleRow
                key={rule.id}
                rule={rule}
                number={index + 1}
                inPlay={inPlay}
                meetings={data.meetings}
                meetingsById={meetingsById}
                focus={focus}
                onMove={move}
              />
            ))}
          </ol>
        </>
      )}
      <p class="visually-hidden" role="status">
        {announcement}
      </p>
    </section>
  );
}

function Questions() {
  return (
    <section class="rules-questions" aria-labelledby="heading-rules-questions">
      <h2 id="heading-rules-questions">{t.rules.questionsTitle}</h2>
      <p class="field__hint">{t.rules.questionsHint}</p>
      <ul class="rules-questions__list">
        {STAGE4_QUESTION_KEYS.map((key) => (
          <li key={key}>{t.rules.questions[key]}</li>
        ))}
      </ul>
    </section>
  );
}

function nextOrder(rules: readonly GroundRule[]): number {
  return rules.reduce((top, rule) => Math.max(top, rule.order + 1), 0);
}

function WriteRule({ data }: { data: RulesData }) {
  const [text, setText] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const [busy, setBusy] = useState(false);
  const fieldId = 'new-rule';
  const error = submitted ? ruleProblem(checkRuleText(text)) : undefined;
  return (
    <section class="rules-write" aria-labelledby="heading-rules-write">
      <h2 id="heading-rules-write">{t.rules.newRule}</h2>
      <form
        noValidate
        onSubmit={async (event) => {
          event.preventDefault();
          setSubmitted(true);
          if (checkRuleText(text) !== null || busy) return;
          setBusy(true);
          const result = await addRule(data.group.id, text, nextOrder(data.rules));
          setBusy(false);
          if (result.ok) {
            setText('');
            setSubmitted(false);
            document.getElementById(fieldId)?.focus();
          }
        }}
      >
        <ErrorSummary errors={error ? [{ fieldId, message: error }] : []} />
        <TextArea rows={3} maxLength={RULE_TEXT_MAX_LENGTH} id={fieldId} label={t.rules.ruleText} hint={t.rules.ruleHint} error={error} value={text} onInput={setText} />
        <button type="submit" class="button" disabled={busy}>
          {t.rules.add}
        </button>
      </form>
    </section>
  );
}

function Templates({ data, focus }: { data: RulesData; focus: FocusAfterChange }) {
  // Hidden from the moment they are tapped, so a double tap cannot add one twice.
  const [adding, setAdding] = useState<ReadonlySet<RuleTemplateKey>>(new Set());
  useEffect(() => setAdding(new Set()), [data.rules]);
  const keys = unusedTemplateKeys(data.rules).filter((key) => !adding.has(key));

  async function add(key: RuleTemplateKey) {
    const at = keys.indexOf(key);
    const rest = keys.filter((k) => k !== key);
    // The next template along, so several can be added one after another.
    const after = [...rest.slice(at), ...rest.slice(0, at).reverse()];
    focus.request([...after.map(ids.template), 'templates-all-used']);
    setAdding(new Set([...adding, key]));
    const result = await addRule(data.group.id, t.rules.templates[key], nextOrder(data.rules) + adding.size, key);
    if (!result.ok) {
      focus.cancel();
      setAdding((now) => new Set([...now].filter((k) => k !== key)));
    }
  }

  return (
    <section aria-labelledby="heading-rules-templates">
      <h2 id="heading-rules-templates">{t.rules.templatesTitle}</h2>
      {keys.length === 0 ? (
        <p id="templates-all-used" class="empty" tabIndex={-1}>
          {t.rules.allTemplatesUsed}
        </p>
      ) : (
        <ul class="list">
          {keys.map((key) => (
            <li key={key} class="list-row">
              <p class="template-text">{t.rules.templates[key]}</p>
              <button
                type="button"
                id={ids.template(key)}
                class="button button--secondary"
                aria-label={t.rules.addTemplateNamed(t.rules.templates[key])}
                onClick={() => void add(key)}
              >
                {t.rules.addTemplate}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function RulesEditor({ data }: { data: RulesData }) {
  const focus = useFocusAfterChange(data.rules);
  return (
    <>
      <p class="breadcrumb">
        <a href={pathOf({ name: 'group', groupId: data.group.id })}>{t.meeting.groupLink(data.group.name)}</a>
      </p>
      <PageTitle text={t.rules.documentTitle(data.group.name)}>{t.rules.title}</PageTitle>
      <p class="lede">{t.rules.intro}</p>
      <RuleList data={data} focus={focus} />
      <div class="rules-writing">
        <Questions />
        <WriteRule data={data} />
      </div>
      <Templates data={data} focus={focus} />
    </>
  );
}

export function GroundRulesScreen({ groupId }: { groupId: string }) {
  const live = useLive(() => readGroupRules(groupId), [groupId]);
  return <LiveView live={live}>{(data) => (data ? <RulesEditor data={data} /> : <NotFound message={t.group.notFound} />)}</LiveView>;
}

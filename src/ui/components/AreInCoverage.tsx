import { Fragment } from 'preact';
import type { GroupDetail } from '../../db/groups-repo';
import type { RunData } from '../../db/run-repo';
import { coverageOf, decisionsWithoutAuthority, meetingPeople, rosterPeople, type Coverage, type PerspectiveCount } from '../../domain/arein';
import type { Perspective } from '../../domain/model';
import { perspectiveLabel } from '../../domain/perspectives';
import { pathOf } from '../routes';
import { t } from '../strings/all';
import '../arein.css';

function counts(perspectives: readonly Perspective[], list: readonly PerspectiveCount[]): string {
  return list.map((c) => t.arein.perspectiveCount(perspectiveLabel(perspectives, c.perspectiveId) || t.arein.unknownPerspective, c.count)).join(', ');
}

/** For each of the five, who brings it, and the counts by perspective beside the names. */
function RoleList({ coverage, perspectives }: { coverage: Coverage; perspectives: readonly Perspective[] }) {
  return (
    <dl class="arein-coverage__roles">
      {coverage.roles.map(({ role, people, byPerspective }) => (
        <Fragment key={role}>
          <dt>
            {t.arein.roles[role]}
            <span class="arein-coverage__hint">{t.arein.roleHints[role]}</span>
          </dt>
          <dd>
            {people.length === 0 ? (
              <span class="arein-coverage__none">{t.arein.nobodyBrings}</span>
            ) : (
              <>
                <span>{people.map((p) => p.name).join(', ')}</span>
                <p class="arein-coverage__counts">{counts(perspectives, byPerspective)}</p>
              </>
            )}
          </dd>
        </Fragment>
      ))}
    </dl>
  );
}

function Perspectives({ coverage, perspectives }: { coverage: Coverage; perspectives: readonly Perspective[] }) {
  return (
    <>
      <h3>
        {t.arein.byPerspectiveTitle} ({t.arein.countedPeople(coverage.total)})
      </h3>
      <ul class="arein-perspectives">
        {coverage.byPerspective.map((c) => (
          <li key={c.perspectiveId}>
            {t.arein.perspectiveCount(perspectiveLabel(perspectives, c.perspectiveId) || t.arein.unknownPerspective, c.count)}
          </li>
        ))}
      </ul>
    </>
  );
}

/** The group screen: coverage of the people still in the group, and the way to the group's review. */
export function GroupCoverage({ detail }: { detail: GroupDetail }) {
  const { group } = detail;
  const coverage = coverageOf(rosterPeople(detail.people), group.perspectives.map((p) => p.id));
  return (
    <section aria-labelledby="heading-arein">
      <h2 id="heading-arein">{t.arein.groupTitle}</h2>
      <p>{t.arein.groupIntro}</p>
      {coverage.total === 0 ? (
        <p class="empty">{t.arein.nobodyInGroup}</p>
      ) : (
        <>
          {coverage.warnings.length > 0 ? (
            <ul class="arein-warnings">
              {coverage.warnings.map((w) => (
                <li key={w.kind === 'missing' ? w.role : w.kind} class="warning">
                  {w.kind === 'missing' ? t.arein.missingInGroup[w.role] : t.arein.needFewInGroup(w.people.map((p) => p.name))}
                </li>
              ))}
            </ul>
          ) : null}
          <RoleList coverage={coverage} perspectives={group.perspectives} />
          <Perspectives coverage={coverage} perspectives={group.perspectives} />
        </>
      )}
      <a class="button button--secondary" href={pathOf({ name: 'group-review', groupId: group.id })}>
        {t.arein.reviewLink}
      </a>
    </section>
  );
}

function TodayWarnings({ coverage, decisions }: { coverage: Coverage; decisions: readonly { title: string }[] }) {
  if (coverage.warnings.length === 0 && decisions.length === 0) return null;
  return (
    <ul class="arein-warnings">
      {decisions.length > 0 ? (
        <li class="warning">
          <strong>{t.arein.decisionsWithoutAuthority(decisions.map((i) => i.title))}</strong>
        </li>
      ) : null}
      {coverage.warnings.map((w) => (
        <li key={w.kind === 'missing' ? w.role : w.kind} class="warning">
          {w.kind === 'missing' ? t.arein.missingToday(w.role) : t.arein.needFewToday(w.people.map((p) => p.name))}
        </li>
      ))}
    </ul>
  );
}

/**
 * One meeting: the same coverage for who is expected or came, flagged against
 * items for decision. `compact` (the start of a running meeting) shows only
 * what is missing, and nothing when nothing is.
 */
export function MeetingCoverage({ data, compact = false }: { data: RunData; compact?: boolean }) {
  const { group } = data;
  const coverage = coverageOf(meetingPeople(data.people, data.attendees), group.perspectives.map((p) => p.id));
  const decisions = decisionsWithoutAuthority(coverage, data.items);
  if (compact) {
    if (coverage.total === 0 || (coverage.warnings.length === 0 && decisions.length === 0)) return null;
    return (
      <section aria-labelledby="heading-arein-today">
        <h3 id="heading-arein-today">{t.arein.meetingTitle}</h3>
        <TodayWarnings coverage={coverage} decisions={decisions} />
      </section>
    );
  }
  return (
    <section aria-labelledby="heading-arein-today">
      <h2 id="heading-arein-today">{t.arein.meetingTitle}</h2>
      <p class="field__hint">{t.arein.meetingIntro}</p>
      {coverage.total === 0 ? (
        <p class="empty">{t.arein.nobodyAtMeeting}</p>
      ) : (
        <>
          <TodayWarnings coverage={coverage} decisions={decisions} />
          <RoleList coverage={coverage} perspectives={group.perspectives} />
          <Perspectives coverage={coverage} perspectives={group.perspectives} />
        </>
      )}
    </section>
  );
}

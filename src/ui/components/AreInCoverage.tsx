import { Fragment } from 'preact';
import type { GroupDetail } from '../../db/groups-repo';
import type { RunData } from '../../db/run-repo';
import {
  coverageOf,
  groupNotices,
  meetingNotices,
  meetingPeople,
  rolesMarked,
  rosterPeople,
  type Coverage,
  type CoverageNotice,
  type PerspectiveCount,
} from '../../domain/arein';
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
  const roster = rosterPeople(detail.people);
  const coverage = coverageOf(roster, group.perspectives.map((p) => p.id));
  return (
    <section aria-labelledby="heading-arein">
      <h2 id="heading-arein">{t.arein.groupTitle}</h2>
      <p>{t.arein.groupIntro}</p>
      {coverage.total === 0 ? (
        <p class="empty">{t.arein.nobodyInGroup}</p>
      ) : (
        <>
          <Notices notices={groupNotices(coverage, rolesMarked(roster))} where="group" />
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

function noticeWords(notice: CoverageNotice, where: 'group' | 'today'): string {
  const group = where === 'group';
  switch (notice.kind) {
    case 'roles-unmarked':
      return group ? t.arein.rolesUnmarkedGroup : t.arein.rolesUnmarkedToday;
    case 'missing':
      return group ? t.arein.missingInGroup(notice.roles) : t.arein.missingToday(notice.roles);
    case 'need-few':
      return (group ? t.arein.needFewInGroup : t.arein.needFewToday)(notice.people.map((p) => p.name));
    case 'decisions-without-authority':
      return t.arein.decisionsWithoutAuthority(notice.items.map((i) => i.title));
  }
}

/** At most one line of each kind; "roles not marked yet" is a plain line, not a warning. */
function Notices({ notices, where }: { notices: readonly CoverageNotice[]; where: 'group' | 'today' }) {
  if (notices.length === 0) return null;
  if (notices[0]!.kind === 'roles-unmarked') return <p class="arein-unmarked">{noticeWords(notices[0]!, where)}</p>;
  return (
    <ul class="arein-warnings">
      {notices.map((n) => (
        <li key={n.kind} class="warning">
          {n.kind === 'decisions-without-authority' ? <strong>{noticeWords(n, where)}</strong> : noticeWords(n, where)}
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
  const notices = meetingNotices(coverage, rolesMarked(data.people), data.items);
  if (compact) {
    if (notices.length === 0) return null;
    return (
      <section aria-labelledby="heading-arein-today">
        <h3 id="heading-arein-today">{t.arein.meetingTitle}</h3>
        <Notices notices={notices} where="today" />
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
          <Notices notices={notices} where="today" />
          <RoleList coverage={coverage} perspectives={group.perspectives} />
          <Perspectives coverage={coverage} perspectives={group.perspectives} />
        </>
      )}
    </section>
  );
}

import { render, screen } from '@testing-library/preact';
import type { ComponentChildren } from 'preact';
import { describe, expect, it } from 'vitest';
import { CheckInResults } from '../../src/ui/checkin/CheckInResults';
import { AgendaItemScreen } from '../../src/ui/screens/AgendaItemScreen';
import { DeleteGroupScreen } from '../../src/ui/screens/DeleteGroupScreen';
import { DeleteMeetingScreen } from '../../src/ui/screens/DeleteMeetingScreen';
import { DissentRegisterScreen } from '../../src/ui/screens/DissentRegisterScreen';
import { GroupReviewScreen } from '../../src/ui/screens/GroupReviewScreen';
import { GroupScreen } from '../../src/ui/screens/GroupScreen';
import { EditMeetingScreen } from '../../src/ui/screens/MeetingFormScreen';
import { MeetingScreen } from '../../src/ui/screens/MeetingScreen';
import { PersonScreen } from '../../src/ui/screens/PersonScreen';
import { RetentionScreen } from '../../src/ui/screens/RetentionScreen';
import { YouSaidWeDidScreen } from '../../src/ui/screens/YouSaidWeDidScreen';
import { t } from '../../src/ui/strings/all';
import { useFreshDb } from '../support/fresh-db';

useFreshDb();

// An old link or a deleted group: on an empty device every screen that reads one thing says it is not here, in its own words.
describe('a screen whose group, meeting or person is not on this device', () => {
  it.each<[string, ComponentChildren, string]>([
    ['group', <GroupScreen groupId="gone" />, t.group.notFound],
    ['retention', <RetentionScreen groupId="gone" />, t.group.notFound],
    ['dissent register', <DissentRegisterScreen groupId="gone" />, t.group.notFound],
    ['you said, we did', <YouSaidWeDidScreen groupId="gone" />, t.group.notFound],
    ['group review', <GroupReviewScreen groupId="gone" />, t.arein.notFound],
    ['delete group', <DeleteGroupScreen groupId="gone" />, t.privacy.deleteGroup.notFound],
    ['person', <PersonScreen groupId="gone" personId="gone" />, t.privacy.person.notFound],
    ['meeting', <MeetingScreen meetingId="gone" />, t.meeting.notFound],
    ['edit meeting', <EditMeetingScreen meetingId="gone" />, t.meeting.notFound],
    ['agenda item', <AgendaItemScreen meetingId="gone" itemId={null} />, t.meeting.notFound],
    ['delete meeting', <DeleteMeetingScreen meetingId="gone" />, t.privacy.deleteMeeting.notFound],
    ['check-in results', <CheckInResults meetingId="gone" />, t.meeting.notFound],
  ])('%s: says so, with the way home', async (_, page, words) => {
    render(<main>{page}</main>);
    expect(await screen.findByText(words)).toBeTruthy();
    expect(screen.getByRole('heading', { level: 1, name: t.notFound.title })).toBeTruthy();
    expect(screen.getByRole('link', { name: t.notFound.home }).getAttribute('href')).toBe('#/');
  });
});

import { useState } from 'preact/hooks';
import { readLock } from '../../db/checkin-repo';
import { useLive } from '../../state/use-live';
import { ChairUnlock } from '../checkin/ChairUnlock';
import { CheckInResults } from '../checkin/CheckInResults';
import { ParticipantFlow } from '../checkin/ParticipantFlow';
import { LiveView } from '../components/LiveView';

/**
 * While the check-in is locked: the participants' screens and the chair's PIN.
 * Once unlocked: the chair's view of the answers.
 */
export function CheckInScreen({ meetingId }: { meetingId: string }) {
  const lock = useLive(readLock, []);
  const [chair, setChair] = useState(false);
  return (
    <LiveView live={lock}>
      {(found) =>
        found && found.meetingId === meetingId ? (
          chair ? (
            <ChairUnlock lock={found} onBack={() => setChair(false)} />
          ) : (
            <ParticipantFlow lock={found} onChair={() => setChair(true)} />
          )
        ) : (
          <CheckInResults meetingId={meetingId} />
        )
      }
    </LiveView>
  );
}

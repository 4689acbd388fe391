import { useRef } from 'preact/hooks';
import { useReadAloud } from '../../state/read-aloud';
import { t } from '../strings/all';
import { screenWords } from './screen-words';
import './checkin.css';

/**
 * "Read it to me": reads out the screen it is on (see screenWords), the
 * element marked data-read-aloud-root around it. Says when the device cannot
 * read aloud, rather than doing nothing.
 */
export function ReadAloudButton() {
  const { state, read } = useReadAloud();
  const ref = useRef<HTMLButtonElement>(null);
  const none = state === 'no-voice';
  return (
    <button
      ref={ref}
      type="button"
      class="button button--secondary read-aloud"
      data-unread
      aria-disabled={none ? 'true' : undefined}
      onClick={() => {
        const root = ref.current?.closest('[data-read-aloud-root]');
        if (!none && root) read(screenWords(root));
      }}
    >
      <SpeakerIcon />
      {none ? t.checkin.noVoice : state === 'speaking' ? t.checkin.reading : t.checkin.readToMe}
    </button>
  );
}

function SpeakerIcon() {
  return (
    <svg class="read-aloud__icon" viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false">
      <path d="M 3 9 H 7 L 12 5 V 19 L 7 15 H 3 Z" fill="currentColor" />
      <path d="M 15.5 8.5 Q 18 12 15.5 15.5 M 18 6 Q 22 12 18 18" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" />
    </svg>
  );
}

/**
 * "Hear name" beside one name on "Who are you?": reads that name and nothing
 * else. The screen's own "Read it to me" leaves the names out, since reading
 * the list aloud would tell the room who has not checked in yet; someone who
 * cannot read their name hears it when they ask, one name at a time.
 */
export function ReadNameButton({ name }: { name: string }) {
  const { state, read } = useReadAloud();
  const none = state === 'no-voice';
  return (
    <button
      type="button"
      class="button button--secondary read-aloud read-aloud--name"
      // Which name, for a screen reader: the words shown are the same on every row (and begin the label, as heard).
      aria-label={t.checkin.hearNameOf(name)}
      data-unread
      aria-disabled={none ? 'true' : undefined}
      onClick={() => {
        if (!none) read(name);
      }}
    >
      <SpeakerIcon />
      {t.checkin.hearName}
    </button>
  );
}

import type { ComponentChildren } from 'preact';
import type { Choice, FaceCount } from '../../domain/checkin-model';

/**
 * The pictures beside every check-in answer, drawn inline so they need no
 * emoji font and no file from anywhere. Each is hidden from screen readers:
 * the word next to it says the same.
 */

export type Mouth = 'open-frown' | 'frown' | 'flat' | 'smile' | 'open-smile';
export type Eyes = 'sad-brows' | 'dots' | 'happy';
export interface FaceFeatures {
  mouth: Mouth;
  eyes: Eyes;
  fill: string;
}

/**
 * How happy each face is, from -2 (very sad) to 2 (very happy). Neighbours
 * differ in more than one way (the mouth, the colour, and at the ends the
 * eyes), so a face is told from the next one at a glance.
 */
const FEATURES: Record<number, FaceFeatures> = {
  [-2]: { mouth: 'open-frown', eyes: 'sad-brows', fill: '#f28b82' },
  [-1]: { mouth: 'frown', eyes: 'dots', fill: '#fbbc74' },
  0: { mouth: 'flat', eyes: 'dots', fill: '#ffdd00' },
  1: { mouth: 'smile', eyes: 'dots', fill: '#c5e1a5' },
  2: { mouth: 'open-smile', eyes: 'happy', fill: '#85d17e' },
};

const MOODS: Record<FaceCount, readonly number[]> = { 3: [-2, 0, 2], 5: [-2, -1, 0, 1, 2] };

export function faceMood(count: FaceCount, value: number): number {
  return MOODS[count][value - 1] ?? 0;
}

export function faceFeatures(mood: number): FaceFeatures {
  return FEATURES[Math.max(-2, Math.min(2, Math.round(mood)))]!;
}

const INK = '#0b0c0c';
const MOUTHS: Record<Mouth, { d: string; filled: boolean }> = {
  'open-frown': { d: 'M 12 31 Q 20 19 28 31 Q 20 27 12 31 Z', filled: true },
  frown: { d: 'M 13 29 Q 20 23 27 29', filled: false },
  flat: { d: 'M 13 27 L 27 27', filled: false },
  smile: { d: 'M 13 25 Q 20 31 27 25', filled: false },
  'open-smile': { d: 'M 11 23 Q 20 37 29 23 Z', filled: true },
};

function Round({ fill, children }: { fill: string; children: ComponentChildren }) {
  return (
    <svg class="face" viewBox="0 0 40 40" width="56" height="56" aria-hidden="true" focusable="false">
      <circle cx="20" cy="20" r="18" fill={fill} stroke={INK} stroke-width="2" />
      {children}
    </svg>
  );
}

const line = { fill: 'none', stroke: INK, 'stroke-width': 2.4, 'stroke-linecap': 'round' } as const;

export function Face({ mood }: { mood: number }) {
  const { mouth, eyes, fill } = faceFeatures(mood);
  const m = MOUTHS[mouth];
  return (
    <Round fill={fill}>
      {eyes === 'happy' ? (
        <path d="M 11 17 Q 14 12 17 17 M 23 17 Q 26 12 29 17" {...line} />
      ) : (
        <>
          <circle cx="14" cy="16" r="2.2" fill={INK} />
          <circle cx="26" cy="16" r="2.2" fill={INK} />
        </>
      )}
      {eyes === 'sad-brows' ? <path d="M 9 12 L 17 9 M 31 12 L 23 9" {...line} /> : null}
      {m.filled ? <path d={m.d} fill={INK} stroke={INK} stroke-width="1.5" stroke-linejoin="round" /> : <path d={m.d} {...line} />}
    </Round>
  );
}

/** Yes, not sure and no: a tick, a question mark and a cross, in the colours of the happy, middle and sad faces. */
const MARKS: Record<Choice, { fill: string; d: string }> = {
  yes: { fill: FEATURES[2]!.fill, d: 'M 10 21 L 17 28 L 30 13' },
  'not-sure': { fill: FEATURES[0]!.fill, d: 'M 14.5 15 Q 14.5 9 20 9 Q 26 9 26 14.5 Q 26 19 20 21 L 20 24.5' },
  no: { fill: FEATURES[-2]!.fill, d: 'M 12 12 L 28 28 M 28 12 L 12 28' },
};

export function ChoiceMark({ choice }: { choice: Choice }) {
  const mark = MARKS[choice];
  return (
    <Round fill={mark.fill}>
      <path d={mark.d} {...line} stroke-width="3.5" stroke-linejoin="round" />
      {choice === 'not-sure' ? <circle cx="20" cy="30.5" r="2.4" fill={INK} /> : null}
    </Round>
  );
}

/** The mark on the chosen answer, beside its thicker border: more than a change of colour. */
export function ChosenTick() {
  return (
    <span class="answer-tile__chosen" aria-hidden="true">
      <svg viewBox="0 0 24 24" width="28" height="28" focusable="false">
        <circle cx="12" cy="12" r="12" fill="#1d4f91" />
        <path d="M 6 12.5 L 10.5 17 L 18 8" fill="none" stroke="#fff" stroke-width="3" stroke-linecap="round" stroke-linejoin="round" />
      </svg>
    </span>
  );
}

import { describe, expect, it } from 'vitest';
import { officePage, talkLength } from '../src/office.js';
import { answerWords, orderAnswers } from '../src/reflection-model.js';
import { groupCode } from '../src/shared/group-code.js';
import type { StoredSummary } from '../src/summaries.js';
import { summary } from './helpers.js';

/** The office page's words, from the summaries alone: what a reader sees, not the summary's own codes. */

const stored = (overrides: Parameters<typeof summary>[0]): StoredSummary => ({
  id: 'x',
  revision: 1,
  receivedAt: '2025-05-06T12:00:00Z',
  updatedAt: '2025-05-06T12:00:00Z',
  summary: summary(overrides),
});

const pageOf = (...summaries: StoredSummary[]) =>
  officePage({ summaries, total: summaries.length, before: 0, next: null, owners: new Map(), keys: [], moves: [], keyLabel: 'Programme office' });

/** The text of an HTML page as a reader meets it: tags out (a meter's fallback with them), entities back. */
const textOf = (html: string) =>
  html.replace(/<meter[^>]*>.*?<\/meter>/g, ' ').replace(/<[^>]+>/g, ' ').replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&').replace(/\s+/g, ' ');

describe('office page words', () => {
  it.each([
    ['yes', 'Yes'],
    ['not-sure', 'Not sure'],
    ['no', 'No'],
    ['1 of 5', 'Very bad (1 of 5)'],
    ['4 of 5', 'Good (4 of 5)'],
    ['5 of 5', 'Very good (5 of 5)'],
    ['1 of 3', 'No (1 of 3)'],
    ['2 of 3', 'A bit (2 of 3)'],
    // Not a scale the tablet has: shown as sent rather than guessed.
    ['6 of 7', '6 of 7'],
    ['Somewhat', 'Somewhat'],
  ])('writes the answer %j as %j', (answer, words) => {
    expect(answerWords(answer)).toBe(words);
  });

  // One order on every office page, the tablet's: the negative first, then the scale's points
  // from the saddest up, whatever order a summary's counts came in.
  it.each([
    [['yes', 'not-sure', 'no'], ['no', 'not-sure', 'yes']],
    [['yes', 'no'], ['no', 'yes']],
    [['not-sure', 'yes', 'no'], ['no', 'not-sure', 'yes']],
    [['5 of 5', '1 of 5', '3 of 5', '2 of 5', '4 of 5'], ['1 of 5', '2 of 5', '3 of 5', '4 of 5', '5 of 5']],
    [['3 of 3', 'yes', '1 of 3', 'no'], ['no', 'yes', '1 of 3', '3 of 3']],
  ])('orders the answers %j as %j', (sent, shown) => {
    expect(orderAnswers(sent)).toEqual(shown);
  });

  it.each([
    [0, '0 s'],
    [40, '40 s'],
    [60, '1 min'],
    [245, '4 min 5 s'],
    [4800, '1 h 20 min'],
    [3601, '1 h 1 s'],
  ])('writes %i seconds of talk as %j', (seconds, words) => {
    expect(talkLength(seconds)).toBe(words);
  });

  it('shows check-in answers in words in the order the tablet asks them (the negative first), and a short talk time in seconds beside its share', () => {
    const text = textOf(
      pageOf(
        stored({
          groupId: 'grp-words',
          date: '2025-05-06',
          // 40 s of 150 s is 27 % of the talk: never "0 min" beside it.
          voiceBalance: [
            { perspective: 'Carer', talkSeconds: 40, turns: 2, fairShareSeconds: 75 },
            { perspective: 'Staff', talkSeconds: 110, turns: 5, fairShareSeconds: 75 },
          ],
          checkIn: {
            checkedIn: 5,
            oneToOneRequests: 0,
            prompts: [
              // Sent in the tablet's stored order (yes first): the page turns it round.
              { prompt: 'Did you feel listened to?', counts: { yes: 2, 'not-sure': 2, no: 1 } },
              { prompt: 'How was today?', counts: { '5 of 5': 1, '1 of 5': 0, '4 of 5': 3, '2 of 5': 1, '3 of 5': 0 } },
            ],
          },
        }),
      ),
    );
    expect(text).toContain('27% of talk 40 s, 2 turns; fair share 50%');
    expect(text).toContain('1 min 50 s, 5 turns');
    expect(text).not.toMatch(/\b0 min\b/);
    expect(text).toContain('No: 1 20% Not sure: 2 40% Yes: 2 40%');
    expect(text).toContain('Very bad (1 of 5): 0 0% Not good (2 of 5): 1 20% OK (3 of 5): 0 0% Good (4 of 5): 3 60% Very good (5 of 5): 1 20%');
    expect(text).not.toContain('not-sure');
  });

  it('names a group by the name its tablet sent, and otherwise by the short code its chair sees on the Sending screen', () => {
    const text = textOf(
      pageOf(
        stored({ groupId: 'grp-named', names: true, groupName: 'Carers Workstream', date: '2025-05-06' }),
        stored({ groupId: 'grp-unnamed', names: false, date: '2025-05-07' }),
      ),
    );
    expect(text).toContain('Carers Workstream (grp-named)');
    expect(text).toContain(`Group ${groupCode('grp-unnamed')} (grp-unnamed)`);
  });
});

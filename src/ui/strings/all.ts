import { en } from './en-GB';
import { agenda } from './en-GB/agenda';
import { arein } from './en-GB/arein';
import { balance } from './en-GB/balance';
import { checkin } from './en-GB/checkin';
import { exports } from './en-GB/exports';
import { record } from './en-GB/record';
import { rules } from './en-GB/rules';
import { run } from './en-GB/run';
import { sync } from './en-GB/sync';
import { privacy } from './en-GB/privacy';
import { lock } from './en-GB/lock';
import { localised } from './locale';
import type { Messages } from './messages';

/**
 * The whole en-GB catalogue: the source of the Messages type every locale
 * must satisfy. The first screen imports only `./index` (the core words), so
 * the words of the running meeting, the record and the check-in arrive with
 * their own code, not before the home screen can show.
 */
export const enGB = { ...en, rules, agenda, run, balance, record, checkin, exports, sync, arein, privacy, lock } as const;

/** Every word in the chosen locale. */
export const t: Messages = localised(enGB);

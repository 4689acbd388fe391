import { readSetting, writeSetting } from '../db/settings-repo';
import { save } from './save-status';

const VIBRATE_KEY = 'vibrate-on-overrun';

export async function readVibrateOnOverrun(): Promise<boolean> {
  return (await readSetting<boolean>(VIBRATE_KEY)) ?? false;
}

export function setVibrateOnOverrun(on: boolean) {
  return save(() => writeSetting(VIBRATE_KEY, on));
}

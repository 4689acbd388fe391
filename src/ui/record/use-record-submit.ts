import { useState } from 'preact/hooks';
import type { SaveResult } from '../../state/save-status';
import { useSubmit, type Submit } from '../use-submit';
import { saveProblem } from './record-words';

/**
 * A record form's send: useSubmit, plus what a refused or failed save means
 * to the chair (`problem`, shown in the form) and `onSaved` once it is stored.
 */
export function useRecordSubmit(write: () => Promise<SaveResult<unknown>>, invalid: () => boolean, onSaved: () => void): Submit & { problem: string } {
  const [problem, setProblem] = useState('');
  const form = useSubmit(async () => {
    const result = await write();
    if (result.ok) onSaved();
    else setProblem(saveProblem(result));
  }, invalid);
  return { ...form, problem };
}

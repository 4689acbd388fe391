import { useState } from 'preact/hooks';
import type { RecordFile } from './record-files';
import { downloadFile, shareFile } from './save-file';

/** What a screen says once a file is made: where it went, or that it could not be made. */
export interface FileWords {
  made: (name: string) => string;
  shared?: (name: string) => string;
  failed: string;
}

/**
 * Makes a file and hands it on as a download or to the share sheet, with `message` saying what
 * happened. A share sheet closed without sharing says nothing; a file that could not be made
 * (`make` throws or gives nothing) is logged and said, never thrown at the screen.
 */
export function useFileMaker(words: FileWords) {
  const [message, setMessage] = useState('');
  const makeFile = async (make: () => Promise<RecordFile | null> | RecordFile | null, how: 'download' | 'share' = 'download') => {
    try {
      const file = await make();
      if (!file) throw new Error('nothing to make a file of');
      if (how === 'share') {
        if (await shareFile(file)) setMessage(words.shared ? words.shared(file.name) : words.made(file.name));
      } else {
        downloadFile(file);
        setMessage(words.made(file.name));
      }
    } catch (error) {
      console.error('Heard could not make a file', error);
      setMessage(words.failed);
    }
  };
  return { message, makeFile };
}

import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { useState } from 'preact/hooks';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RecordFile } from '../../src/ui/record/record-files';
import { useFileMaker } from '../../src/ui/record/use-file-maker';

const FILE: RecordFile = { name: 'minutes.md', type: 'text/markdown', text: '# Minutes' };
const WORDS = { made: (name: string) => `${name} saved.`, shared: (name: string) => `${name} shared.`, failed: 'No file.' };

/** The hook as a screen uses it: a button per way out, the message where the person reads it, and a count of tries finished. */
function Maker({ make }: { make: () => Promise<RecordFile | null> | RecordFile | null }) {
  const { message, makeFile } = useFileMaker(WORDS);
  const [finished, setFinished] = useState(0);
  const run = (how: 'download' | 'share') => void makeFile(make, how).then(() => setFinished((n) => n + 1));
  return (
    <>
      <button type="button" onClick={() => run('download')}>
        Download
      </button>
      <button type="button" onClick={() => run('share')}>
        Share
      </button>
      <p role="status">{message}</p>
      <p>Finished {finished}</p>
    </>
  );
}

let downloads: string[] = [];
beforeEach(() => {
  downloads = [];
  // jsdom has no object URLs and follows no download link: record the file name the link asks for.
  URL.createObjectURL = () => 'blob:heard-test';
  URL.revokeObjectURL = () => undefined;
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    downloads.push(this.download);
  });
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
});
afterEach(() => {
  vi.restoreAllMocks();
  Reflect.deleteProperty(navigator, 'share');
});

describe('useFileMaker', () => {
  it('downloads the file and says where it went', async () => {
    render(<Maker make={() => FILE} />);
    fireEvent.click(screen.getByRole('button', { name: 'Download' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('minutes.md saved.'));
    expect(downloads).toEqual(['minutes.md']);
  });

  it.each([
    ['gives nothing', () => null],
    ['throws', () => Promise.reject(new Error('database gone'))],
  ])('says the file could not be made when making it %s, and downloads nothing', async (_, make) => {
    render(<Maker make={make} />);
    fireEvent.click(screen.getByRole('button', { name: 'Download' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('No file.'));
    expect(downloads).toEqual([]);
  });

  it('says a shared file was shared, and downloads nothing', async () => {
    const share = vi.fn<(data: ShareData) => Promise<void>>().mockResolvedValue(undefined);
    Object.defineProperty(navigator, 'share', { value: share, configurable: true });
    render(<Maker make={() => FILE} />);
    fireEvent.click(screen.getByRole('button', { name: 'Share' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('minutes.md shared.'));
    expect(share).toHaveBeenCalledTimes(1);
    expect(downloads).toEqual([]);
  });

  it('a share sheet closed without sharing leaves the message as it was', async () => {
    const share = vi.fn<(data: ShareData) => Promise<void>>().mockRejectedValue(new DOMException('closed', 'AbortError'));
    Object.defineProperty(navigator, 'share', { value: share, configurable: true });
    render(<Maker make={() => FILE} />);
    fireEvent.click(screen.getByRole('button', { name: 'Download' }));
    await screen.findByText('Finished 1');
    fireEvent.click(screen.getByRole('button', { name: 'Share' }));
    // Read again only once the share has finished, so a message it set would be there.
    await screen.findByText('Finished 2');
    expect(share).toHaveBeenCalledTimes(1);
    expect(screen.getByRole('status').textContent).toBe('minutes.md saved.');
  });
});

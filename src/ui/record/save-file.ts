import type { RecordFile } from './record-files';

/** Files leave Heard only as a download or through the device's own share sheet: no request is ever made. */

export function toBlob(file: RecordFile): Blob {
  return new Blob([file.text], { type: file.type });
}

export function downloadFile(file: RecordFile): void {
  const url = URL.createObjectURL(toBlob(file));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.name;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked later, not at once: some browsers start the download after this task ends.
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

function asShareFile(file: RecordFile): File {
  return new File([file.text], file.name, { type: file.type.split(';')[0] });
}

/** True where the browser can hand this kind of file to the share sheet (tablets, mostly). */
export function canShareFiles(sample: RecordFile): boolean {
  const nav = navigator as Navigator & { canShare?: (data: ShareData) => boolean };
  try {
    return typeof nav.share === 'function' && typeof nav.canShare === 'function' && nav.canShare({ files: [asShareFile(sample)] });
  } catch {
    return false;
  }
}

/** Resolves false when the person closed the share sheet without sharing. */
export async function shareFile(file: RecordFile): Promise<boolean> {
  try {
    await navigator.share({ files: [asShareFile(file)], title: file.name });
    return true;
  } catch (error) {
    if ((error as { name?: string }).name === 'AbortError') return false;
    throw error;
  }
}

/** Saves `blob` as a file, the way a link with `download` does (shared by every export). */
export function download(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
  // The click starts the download synchronously; the URL may go on the next tick.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

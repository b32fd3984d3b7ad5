/** Downloads and file reading, the only place the app touches Blob URLs. */
export function download(name: string, content: BlobPart, type: string): void {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export const MAX_IMPORT_BYTES = 5_000_000;

export async function readFileText(file: File): Promise<{ ok: true; text: string } | { ok: false; message: string }> {
  if (file.size > MAX_IMPORT_BYTES)
    return { ok: false, message: `${file.name} is too large (${(file.size / 1e6).toFixed(1)} MB; the limit is ${MAX_IMPORT_BYTES / 1e6} MB). Nothing was changed.` };
  try {
    return { ok: true, text: await file.text() };
  } catch (e) {
    return { ok: false, message: `Could not read ${file.name}: ${(e as Error).message}` };
  }
}

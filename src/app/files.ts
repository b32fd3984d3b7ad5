/** Downloads and file reading, the only place the app touches Blob URLs. */

/** Offer a blob as a download named `name`. */
export function saveBlob(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  // The download may start after this task: the URL is let go well after.
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

/** Offer text (or bytes) as a download of the given type. */
export function download(name: string, content: BlobPart, type: string): void {
  saveBlob(name, new Blob([content], { type }));
}

const MAX_IMPORT_BYTES = 5_000_000;

export async function readFileText(file: File): Promise<{ ok: true; text: string } | { ok: false; message: string }> {
  if (file.size > MAX_IMPORT_BYTES)
    return {
      ok: false,
      message: `${file.name} is too large (${(file.size / 1e6).toFixed(1)} MB; the limit is ${MAX_IMPORT_BYTES / 1e6} MB). Nothing was changed.`,
    };
  try {
    return { ok: true, text: await file.text() };
  } catch (e) {
    return { ok: false, message: `Could not read ${file.name}: ${(e as Error).message}` };
  }
}

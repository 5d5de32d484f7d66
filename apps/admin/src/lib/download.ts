/** Hands a file to the browser's download, named as given. */
export function saveBlob(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  URL.revokeObjectURL(url);
}

/** Saves `data` as indented JSON. */
export function downloadJson(fileName: string, data: unknown): void {
  saveBlob(fileName, new Blob([`${JSON.stringify(data, null, 2)}\n`], { type: 'application/json' }));
}

/** A file as the API sends it (spreadsheets, templates): named, typed, base64 inside the JSON answer. */
export interface SpreadsheetFile {
  fileName: string;
  mimeType: string;
  contentBase64: string;
}

/** Saves a file the API sent as base64 (spreadsheets, templates). */
export function downloadBase64(file: SpreadsheetFile): void {
  const bytes = Uint8Array.from(atob(file.contentBase64), (c) => c.charCodeAt(0));
  saveBlob(file.fileName, new Blob([bytes], { type: file.mimeType }));
}

/**
 * Asks the API for a file and saves it. A refusal (a list too long, a node outside one's scope) goes
 * to `fail` and nothing is saved; the answer says whether a file was saved.
 */
export async function fetchAndSave(
  load: () => Promise<SpreadsheetFile>,
  save: (file: SpreadsheetFile) => void,
  fail: (error: unknown) => void,
): Promise<boolean> {
  let file: SpreadsheetFile;
  try {
    file = await load();
  } catch (error) {
    fail(error);
    return false;
  }
  save(file);
  return true;
}

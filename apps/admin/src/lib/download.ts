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

/** Saves a file the API sent as base64 (spreadsheets, templates). */
export function downloadBase64(file: { fileName: string; mimeType: string; contentBase64: string }): void {
  const bytes = Uint8Array.from(atob(file.contentBase64), (c) => c.charCodeAt(0));
  saveBlob(file.fileName, new Blob([bytes], { type: file.mimeType }));
}

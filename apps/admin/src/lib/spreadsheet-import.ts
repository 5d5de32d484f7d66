/**
 * What every import dialog shares (the facts list, the registers of people): the file as base64 for the
 * API, and the dialog's title. Kept apart from the pages' tables, so an import button costs no Table.
 */

export function readAsBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error('无法读取文件'));
    reader.readAsDataURL(file);
  });
}

/** What the import dialog says: a check ("只检查不写入") is never called an import, failed or not. */
export function importTitle(result: { outcome: { ok: boolean }; dryRun: boolean } | null): string {
  if (!result) return '';
  if (result.dryRun)
    return result.outcome.ok ? '检查通过，未写入' : '检查未通过：请按下表修改后再导入（未写入）';
  return result.outcome.ok ? '导入完成' : '导入未成功：文件中的数据一条也没有写入';
}

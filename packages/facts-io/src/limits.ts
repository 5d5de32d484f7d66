/**
 * Limits checked before a spreadsheet is parsed. An .xlsx is a zip: 756 KB on disk can inflate to 740 MB
 * of XML, and exceljs (through jszip) inflates and parses it all in memory, so a few such files at once
 * exhaust the heap. Before exceljs sees the file, `checkWorkbookLimits`:
 *
 * 1. reads the zip's central directory (yauzl) and refuses when the declared inflated sizes add up to more
 *    than `maxInflatedBytes` — nothing inflated yet;
 * 2. inflates the worksheets as streams, with yauzl checking each entry against its declared size (a zip
 *    that lies about its sizes fails there), counting rows on the way and stopping at `maxRows` — the
 *    stream is dropped, the XML is never held whole.
 */
import type { Readable } from 'node:stream';
import yauzl from 'yauzl';

export interface SpreadsheetLimits {
  /** Bytes the whole file may take once inflated (every zip entry together; a CSV file's own size). */
  maxInflatedBytes: number;
  /** Rows any one worksheet (or the CSV file) may have, the header row included. */
  maxRows: number;
}

/**
 * A province is about 8,200 communities, one row each; its filled-in template inflates to well under
 * 32 MiB. Beyond these a file is split, as the messages say.
 */
export const DEFAULT_SPREADSHEET_LIMITS: SpreadsheetLimits = {
  maxInflatedBytes: 32 * 1024 * 1024,
  maxRows: 20_001,
};

/** A spreadsheet refused before parsing; `message` is the zh-CN sentence to show, naming the limit. */
export class SpreadsheetRefused extends Error {
  readonly reason: 'tooLarge' | 'tooManyRows' | 'unreadable';
  constructor(reason: SpreadsheetRefused['reason'], message: string) {
    super(message);
    this.name = 'SpreadsheetRefused';
    this.reason = reason;
  }
}

export function tooLarge(limits: SpreadsheetLimits): SpreadsheetRefused {
  return new SpreadsheetRefused(
    'tooLarge',
    `文件解压后超过 ${formatMiB(limits.maxInflatedBytes)} 的上限：请分批导入`,
  );
}

export function tooManyRows(limits: SpreadsheetLimits): SpreadsheetRefused {
  return new SpreadsheetRefused('tooManyRows', `表格超过 ${limits.maxRows - 1} 行数据的上限：请分批导入`);
}

const unreadable = () =>
  new SpreadsheetRefused('unreadable', '无法读取该文件：不是有效的 .xlsx 文件，请用模板另存为 .xlsx');

function formatMiB(bytes: number): string {
  return `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;
}

const WORKSHEET = /^xl\/worksheets\/[^/]+\.xml$/;
/** A row element, with or without a namespace prefix (`<row `, `<x:row>`), never `<rowBreaks`. */
const ROW_TAG = /<(?:[A-Za-z_][\w.-]*:)?row[\s>/]/g;
/** Longer than any row tag: a tag split between two chunks is whole in the carried tail plus the chunk. */
const CARRY = 64;

/** Refuses (`SpreadsheetRefused`) an .xlsx over the limits without ever holding its inflated XML. */
export async function checkWorkbookLimits(data: Uint8Array, limits: SpreadsheetLimits): Promise<void> {
  const zip = await openZip(data);
  try {
    const entries = await listEntries(zip, limits);
    for (const entry of entries) {
      if (!WORKSHEET.test(entry.fileName)) continue;
      const rows = await countRows(zip, entry, limits.maxRows);
      if (rows > limits.maxRows) throw tooManyRows(limits);
    }
  } finally {
    zip.close();
  }
}

function openZip(data: Uint8Array): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(
      Buffer.from(data.buffer, data.byteOffset, data.byteLength),
      { lazyEntries: true, autoClose: false, validateEntrySizes: true, strictFileNames: false },
      (error, zip) => (error || !zip ? reject(unreadable()) : resolve(zip)),
    );
  });
}

/** The central directory's entries; refuses as soon as their declared inflated sizes pass the limit. */
function listEntries(zip: yauzl.ZipFile, limits: SpreadsheetLimits): Promise<yauzl.Entry[]> {
  return new Promise((resolve, reject) => {
    const entries: yauzl.Entry[] = [];
    let inflated = 0;
    zip.on('entry', (entry: yauzl.Entry) => {
      inflated += entry.uncompressedSize;
      if (inflated > limits.maxInflatedBytes) {
        reject(tooLarge(limits));
        return;
      }
      entries.push(entry);
      zip.readEntry();
    });
    zip.once('end', () => resolve(entries));
    zip.once('error', () => reject(unreadable()));
    zip.readEntry();
  });
}

/** Rows of one worksheet, counted while inflating; stops one past `stopAfter`. */
function countRows(zip: yauzl.ZipFile, entry: yauzl.Entry, stopAfter: number): Promise<number> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (error, stream) => {
      if (error || !stream) {
        reject(unreadable());
        return;
      }
      let rows = 0;
      let carry = '';
      const readable = stream as Readable;
      readable.on('data', (chunk: Buffer) => {
        // Tags are ASCII: latin1 decoding cannot split them, whatever the text around them.
        const text = carry + chunk.toString('latin1');
        for (const match of text.matchAll(ROW_TAG)) {
          // A match that ends inside the carried tail was counted with the previous chunk.
          if (match.index + match[0].length > carry.length) rows++;
        }
        carry = text.slice(-CARRY);
        if (rows > stopAfter) {
          readable.destroy();
          resolve(rows);
        }
      });
      readable.once('end', () => resolve(rows));
      // Also where yauzl finds more bytes than the central directory declared.
      readable.once('error', () => reject(unreadable()));
    });
  });
}

/** Refuses a CSV over the limits: its size is its inflated size; rows are counted by line ends. */
export function checkCsvLimits(data: Uint8Array, limits: SpreadsheetLimits): void {
  if (data.byteLength > limits.maxInflatedBytes) throw tooLarge(limits);
  let lines = 1;
  for (let i = 0; i < data.byteLength; i++) if (data[i] === 10) lines++;
  // Quoted cells may hold line ends, so this over-counts such files a little: the limit is generous.
  if (lines > limits.maxRows + 1) throw tooManyRows(limits);
}

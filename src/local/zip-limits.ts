import { createInflateRaw } from 'node:zlib';

// An .xlsx is a zip file, and exceljs inflates every part of it whole (through jszip) before it looks at a
// cell: a 325 KB file can hold a 300 MB part. Each part is checked here first, from the zip's central
// directory and by inflating it once with a byte cap (the inflated bytes are counted, never kept).

/** The ceilings on what an .xlsx may hold before it is read (docs/workbook.md, "Size ceilings"). */
export const XLSX_LIMITS = {
  /** One part inflated (a worksheet, the shared strings), in bytes. */
  partBytes: 32 * 1024 * 1024,
  /** Every part inflated together, in bytes. */
  totalBytes: 96 * 1024 * 1024,
  /** Inflated size over compressed size, for a part of more than `ratioFrom` bytes. */
  ratio: 200,
  ratioFrom: 1024 * 1024,
  /** Parts in the zip. */
  entries: 10_000,
} as const;

/**
 * An .xlsx over a ceiling: it cannot be read (exit 1), said in Thai and English, naming the part or the
 * cell; `code` is the finding's code in `analyze --json`.
 */
export class WorkbookLimitError extends Error {
  constructor(
    en: string,
    readonly th: string,
    /** `xl/sharedStrings.xml`, or a cell `Tab!A1`, or null for the file as a whole. */
    readonly where: string | null = null,
    readonly code: 'workbook-too-large' | 'cell-too-long' | 'too-many-cells' = 'workbook-too-large',
  ) {
    super(en);
  }
}

interface Entry {
  name: string;
  method: number;
  compressed: number;
  declared: number;
  offset: number;
}

const MB = (n: number) =>
  n >= 1024 * 1024 ? `${Math.round(n / 1024 / 1024)} MB` : `${n.toLocaleString('en')} bytes`;

function tooLarge(part: string, what: string, whatTh: string): WorkbookLimitError {
  return new WorkbookLimitError(
    `the part ${part} of the .xlsx ${what}, over what ita-report reads (docs/workbook.md, "Size ceilings")`,
    `ส่วน ${part} ของไฟล์ .xlsx ${whatTh} เกินขนาดที่ ita-report อ่านได้ (ดู docs/workbook.md หัวข้อ "Size ceilings")`,
    part,
  );
}

/** A zip that is damaged rather than too large: refused as a file that cannot be read, as exceljs would. */
function damaged(why: string): Error {
  return new Error(`not a readable zip file: ${why}`);
}

/** The zip64 end record's entry count and directory offset, when the classic record says to look there. */
function zip64End(data: Buffer, eocd: number): { count: number; offset: number } {
  const locator = eocd - 20;
  if (locator < 0 || data.readUInt32LE(locator) !== 0x07064b50) throw damaged('no zip64 locator');
  const at = Number(data.readBigUInt64LE(locator + 8));
  if (at + 56 > data.length || data.readUInt32LE(at) !== 0x06064b50) throw damaged('no zip64 end record');
  return { count: Number(data.readBigUInt64LE(at + 32)), offset: Number(data.readBigUInt64LE(at + 48)) };
}

/** The sizes a zip64 extra field gives for the fields the entry marks 0xFFFFFFFF. */
function zip64Sizes(extra: Buffer, entry: Entry): void {
  for (let p = 0; p + 4 <= extra.length; ) {
    const id = extra.readUInt16LE(p);
    const size = extra.readUInt16LE(p + 2);
    if (id === 0x0001) {
      let q = p + 4;
      const next = () => {
        const v = q + 8 <= p + 4 + size ? Number(extra.readBigUInt64LE(q)) : Number.NaN;
        q += 8;
        return v;
      };
      if (entry.declared === 0xffffffff) entry.declared = next();
      if (entry.compressed === 0xffffffff) entry.compressed = next();
      if (entry.offset === 0xffffffff) entry.offset = next();
      return;
    }
    p += 4 + size;
  }
}

/** The entries of the zip's central directory, as jszip will read them. */
export function zipEntries(data: Buffer): Entry[] {
  let eocd = -1;
  for (let p = data.length - 22; p >= Math.max(0, data.length - 22 - 0xffff); p--) {
    if (data.readUInt32LE(p) === 0x06054b50) {
      eocd = p;
      break;
    }
  }
  if (eocd < 0) throw damaged('no end of central directory');
  let count = data.readUInt16LE(eocd + 10);
  let offset = data.readUInt32LE(eocd + 16);
  if (count === 0xffff || offset === 0xffffffff) ({ count, offset } = zip64End(data, eocd));
  if (count > XLSX_LIMITS.entries) {
    throw new WorkbookLimitError(
      `the .xlsx holds ${count} parts, over the ${XLSX_LIMITS.entries} ita-report reads`,
      `ไฟล์ .xlsx มี ${count} ส่วน เกิน ${XLSX_LIMITS.entries} ส่วนที่ ita-report อ่านได้`,
    );
  }
  const entries: Entry[] = [];
  for (let i = 0, p = offset; i < count; i++) {
    if (p + 46 > data.length || data.readUInt32LE(p) !== 0x02014b50)
      throw damaged('a damaged central directory');
    const nameLength = data.readUInt16LE(p + 28);
    const extraLength = data.readUInt16LE(p + 30);
    const entry: Entry = {
      name: data.toString('utf8', p + 46, p + 46 + nameLength),
      method: data.readUInt16LE(p + 10),
      compressed: data.readUInt32LE(p + 20),
      declared: data.readUInt32LE(p + 24),
      offset: data.readUInt32LE(p + 42),
    };
    zip64Sizes(data.subarray(p + 46 + nameLength, p + 46 + nameLength + extraLength), entry);
    entries.push(entry);
    p += 46 + nameLength + extraLength + data.readUInt16LE(p + 32);
  }
  return entries;
}

/** Refuses an entry whose central-directory record already passes a ceiling, before it is inflated. */
function checkDeclared(entry: Entry): void {
  if (entry.declared > XLSX_LIMITS.partBytes) {
    throw tooLarge(
      entry.name,
      `says it inflates to ${MB(entry.declared)}, more than ${MB(XLSX_LIMITS.partBytes)}`,
      `ระบุว่าขยายได้ ${MB(entry.declared)} มากกว่า ${MB(XLSX_LIMITS.partBytes)}`,
    );
  }
  const ratio = entry.declared / Math.max(1, entry.compressed);
  if (entry.declared > XLSX_LIMITS.ratioFrom && ratio > XLSX_LIMITS.ratio) {
    throw tooLarge(
      entry.name,
      `inflates ${Math.round(ratio)} times (a zip bomb's ratio; an .xlsx part rarely passes ${XLSX_LIMITS.ratio})`,
      `ขยายได้ ${Math.round(ratio)} เท่า (อัตราของ zip bomb ส่วนของ .xlsx ปกติไม่เกิน ${XLSX_LIMITS.ratio} เท่า)`,
    );
  }
  if (entry.method !== 0 && entry.method !== 8)
    throw damaged(`${entry.name} uses compression method ${entry.method}`);
}

/** The bytes one entry inflates to, counted up to `cap`: past it, the count stops there. */
function inflatedBytes(data: Buffer, entry: Entry, cap: number): Promise<number> {
  const at = entry.offset;
  if (at + 30 > data.length || data.readUInt32LE(at) !== 0x04034b50)
    throw damaged(`${entry.name} is not found`);
  const start = at + 30 + data.readUInt16LE(at + 26) + data.readUInt16LE(at + 28);
  const body = data.subarray(start, start + entry.compressed);
  if (entry.method === 0) return Promise.resolve(body.length);
  return new Promise((resolve, reject) => {
    let n = 0;
    const inflate = createInflateRaw();
    inflate.on('data', (chunk: Buffer) => {
      n += chunk.length;
      if (n > cap) {
        inflate.destroy();
        resolve(n);
      }
    });
    inflate.on('end', () => resolve(n));
    inflate.on('error', (e) => reject(damaged(`${entry.name}: ${e.message}`)));
    inflate.end(body);
  });
}

/**
 * Refuses an .xlsx with a part over a ceiling (what its central directory declares, its compression ratio,
 * and what it really inflates to, whatever the header says), before exceljs inflates any of it.
 */
export async function checkXlsxLimits(data: Buffer): Promise<void> {
  const entries = zipEntries(data);
  for (const entry of entries) checkDeclared(entry);
  let total = 0;
  for (const entry of entries) {
    if (entry.name.endsWith('/')) continue;
    const n = await inflatedBytes(data, entry, XLSX_LIMITS.partBytes);
    if (n > XLSX_LIMITS.partBytes) {
      throw tooLarge(
        entry.name,
        `inflates to more than ${MB(XLSX_LIMITS.partBytes)} (its header said ${MB(entry.declared)})`,
        `ขยายได้เกิน ${MB(XLSX_LIMITS.partBytes)} (ส่วนหัวระบุ ${MB(entry.declared)})`,
      );
    }
    total += n;
    if (total > XLSX_LIMITS.totalBytes) {
      throw tooLarge(
        entry.name,
        `brings the parts to more than ${MB(XLSX_LIMITS.totalBytes)} inflated`,
        `ทำให้ทุกส่วนรวมกันขยายได้เกิน ${MB(XLSX_LIMITS.totalBytes)}`,
      );
    }
  }
}

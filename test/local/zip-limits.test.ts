import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkXlsxLimits, WorkbookLimitError, XLSX_LIMITS } from '../../src/local/zip-limits';
import { ROOT } from '../helpers/workbook';

const { zipBomb } = require('../fuzz/second-pass.cjs') as {
  zipBomb: (mb: number, lie: boolean) => Promise<Buffer>;
};

describe('the ceilings checked on an .xlsx before exceljs inflates it', () => {
  test('the sample passes', async () => {
    await expect(
      checkXlsxLimits(readFileSync(join(ROOT, 'samples', 'oie-2568.xlsx'))),
    ).resolves.toBeUndefined();
  });

  test('a part under the size ceiling that inflates 1,000 times is refused for its ratio, naming it', async () => {
    const bomb = await zipBomb(30, false);
    expect(30 * 1024 * 1024).toBeLessThan(XLSX_LIMITS.partBytes);
    const refused = checkXlsxLimits(bomb);
    await expect(refused).rejects.toBeInstanceOf(WorkbookLimitError);
    await expect(refused).rejects.toThrow(
      /^the part xl\/sharedStrings\.xml of the \.xlsx inflates \d{3,4} times/,
    );
  });

  test('a part whose headers understate it is refused once inflating passes the ceiling', async () => {
    await expect(checkXlsxLimits(await zipBomb(40, true))).rejects.toThrow(
      'the part xl/sharedStrings.xml of the .xlsx inflates to more than 32 MB (its header said 1,000 bytes)',
    );
  });

  test('a damaged zip is a file that cannot be read, not a ceiling', async () => {
    const sample = readFileSync(join(ROOT, 'samples', 'oie-2568.xlsx'));
    const cut = sample.subarray(0, sample.length - 30);
    await expect(checkXlsxLimits(cut)).rejects.toThrow('not a readable zip file');
    await expect(checkXlsxLimits(cut)).rejects.not.toBeInstanceOf(WorkbookLimitError);
  });
});

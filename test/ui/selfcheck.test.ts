import { join } from 'node:path';
import { chromiumPdfWriter } from '../../src/local/pdf';
import { startLocalServer } from '../../src/local/serve';
import { describeBrowser, useBrowser } from '../helpers/browser';
import { ROOT } from '../helpers/workbook';

// The installation check's card in the sidebar, at 300 px, against the add-on running locally.

const OUT = join(ROOT, 'out');

const browser = useBrowser();

describeBrowser('the installation check in the sidebar', () => {
  test('its button runs the check: ✓ for every step with seconds, the width verdict, the JSON to copy', async () => {
    const server = await startLocalServer({
      workbook: join(ROOT, 'samples', 'oie-2568.xlsx'),
      distDir: join(ROOT, 'dist'),
      pdf: chromiumPdfWriter(),
    });
    try {
      const tabs = server.runtime.spreadsheet.getSheets().map((s) => s.getName());
      const page = await browser().newPage({ viewport: { width: 1100, height: 900 } });
      await page.goto(`${server.url}/`);
      const sidebar = page.frameLocator('#sidebar');
      await sidebar.locator('#summary').waitFor();
      await sidebar.locator('#selfcheck').click();
      const result = sidebar.locator('#selfcheck-result');
      await result.waitFor({ timeout: 60_000 });
      const lines = await result.locator('li.check-line').allTextContents();
      expect(lines).toHaveLength(9);
      for (const line of lines) expect(line).toMatch(/^✓ผ่าน: .+ · [๐-๙]+\.[๐-๙]{2} วินาที$/);
      expect(await sidebar.locator('#selfcheck-width').textContent()).toBe('ความกว้างของรูปเป็นพิกเซล');
      const json = JSON.parse(await sidebar.locator('#selfcheck-json').inputValue());
      expect(json).toMatchObject({ kind: 'ita-report selfcheck', ok: true, leftBehind: [] });
      expect(server.runtime.spreadsheet.getSheets().map((s) => s.getName())).toEqual(tabs);
      expect(server.runtime.driveFiles.size).toBe(0);
      await sidebar.locator('#selfcheck-card').scrollIntoViewIfNeeded();
      await sidebar.locator('#selfcheck-card').screenshot({ path: join(OUT, 'sidebar-selfcheck.png') });
    } finally {
      await server.close();
    }
  }, 120_000);
});

import { join } from 'node:path';
import type { SelfCheckResult } from '../core/selfcheck';
import { loadBundle } from './bundle';
import { packageRoot } from './package-root';
import type { PdfWriter } from './runtime/document';
import { createRuntime, type Runtime } from './runtime/index';
import { loadSpreadsheet, restoreProperties } from './workbook-io';

export interface LocalSelfCheck {
  result: SelfCheckResult;
  runtime: Runtime;
}

/**
 * The add-on's installation check run by the same bundle against the local runtime, on WORKBOOK.xlsx or an
 * empty spreadsheet; `apisOff` lists the Cloud APIs to leave disabled, as in a standard Cloud project.
 */
export async function runSelfCheck(options: {
  workbook?: string;
  pdf: PdfWriter | null;
  distDir?: string;
  apisOff?: readonly ('docs' | 'drive')[];
}): Promise<LocalSelfCheck> {
  const dist = options.distDir ?? join(packageRoot(), 'dist');
  const loaded = options.workbook ? await loadSpreadsheet(options.workbook) : null;
  const off = new Set(options.apisOff ?? []);
  const runtime = createRuntime({
    spreadsheet: loaded?.build,
    projectDir: dist,
    pdf: options.pdf,
    docsApi: !off.has('docs'),
    driveApi: !off.has('drive'),
  });
  if (loaded) restoreProperties(runtime, loaded.state);
  else runtime.spreadsheet.insertSheet('Sheet1');
  const bundle = loadBundle(runtime, join(dist, 'Code.js'));
  return { result: bundle.call<SelfCheckResult>('apiSelfCheck'), runtime };
}

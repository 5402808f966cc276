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
 * empty spreadsheet; `services` lists advanced services to switch off, as a project without them is.
 */
export async function runSelfCheck(options: {
  workbook?: string;
  pdf: PdfWriter | null;
  distDir?: string;
  servicesOff?: readonly ('Docs' | 'Drive')[];
}): Promise<LocalSelfCheck> {
  const dist = options.distDir ?? join(packageRoot(), 'dist');
  const loaded = options.workbook ? await loadSpreadsheet(options.workbook) : null;
  const runtime = createRuntime({ spreadsheet: loaded?.build, projectDir: dist, pdf: options.pdf });
  if (loaded) restoreProperties(runtime, loaded.state);
  else runtime.spreadsheet.insertSheet('Sheet1');
  // A project without an advanced service has no global of that name.
  for (const name of options.servicesOff ?? []) delete runtime.globals[name];
  const bundle = loadBundle(runtime, join(dist, 'Code.js'));
  return { result: bundle.call<SelfCheckResult>('apiSelfCheck'), runtime };
}

import { analyze } from '../core/analysis/analyze';
import { type AnalysisJson, analysisJson } from '../core/analysis/json';
import { summaryText } from '../core/summary';
import { readAllTabs } from './sheets';

const MENU_ANALYSE = 'ตรวจและวิเคราะห์ผล ITA';

/** Runs in AuthMode.FULL when the add-on is installed: the same menu as onOpen. */
export function onInstall(e: GoogleAppsScript.Events.SheetsOnOpen): void {
  onOpen(e);
}

/** Builds the add-on menu only: in AuthMode.NONE nothing else may run. */
export function onOpen(_e?: GoogleAppsScript.Events.SheetsOnOpen): void {
  SpreadsheetApp.getUi().createAddonMenu().addItem(MENU_ANALYSE, 'showAnalysis').addToUi();
}

/** The analysis of the open spreadsheet, as `ita-report analyze --json` prints it. */
export function apiAnalyze(): AnalysisJson {
  const analysis = analyze(readAllTabs(SpreadsheetApp.getActive()));
  return analysisJson(analysis);
}

export function showAnalysis(): void {
  const analysis = analyze(readAllTabs(SpreadsheetApp.getActive()));
  const ui = SpreadsheetApp.getUi();
  const text = summaryText(analysisJson(analysis), analysis.workbook.settings?.thaiDigits ?? true);
  ui.alert(MENU_ANALYSE, text, ui.ButtonSet.OK);
}

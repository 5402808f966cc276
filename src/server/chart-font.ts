/** The project file that holds the chart font (scripts/build.mjs writes it into dist/). */
const CHART_FONT_FILE = 'ChartFont';

/**
 * Sarabun Regular (TTF, base64, SIL Open Font License), which the sidebar puts inside the charts it draws:
 * it comes with the script, so the page fetches nothing from any other host and the charts' Thai text is
 * the same face on every computer. It is an HTML file of the project rather than a string in the code:
 * Apps Script loads every script file on every call, a project's HTML file only when asked for.
 */
export function chartFont(): string {
  return HtmlService.createHtmlOutputFromFile(CHART_FONT_FILE).getContent();
}

import sarabun from '@expo-google-fonts/sarabun/400Regular/Sarabun_400Regular.ttf';

/**
 * Sarabun Regular (TTF, base64, SIL Open Font License), which the sidebar puts inside the charts it draws:
 * it comes with the script, so the page fetches nothing from any other host and the charts' Thai text is
 * the same face on every computer.
 */
export const CHART_FONT: string = sarabun;

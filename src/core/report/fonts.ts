/**
 * The fonts a report may be set in: Google Docs fonts that carry Thai script (Sarabun first, the official
 * form's face), and a few general ones. A font setting names one of these; anything else is refused with a
 * finding, so no text from a cell ever reaches a style.
 */
export const REPORT_FONTS: readonly string[] = [
  'Sarabun',
  'Anuphan',
  'Athiti',
  'Bai Jamjuree',
  'Chakra Petch',
  'Charm',
  'Charmonman',
  'Chonburi',
  'Fahkwang',
  'IBM Plex Sans Thai',
  'IBM Plex Sans Thai Looped',
  'K2D',
  'Kanit',
  'KoHo',
  'Kodchasan',
  'Krub',
  'Mali',
  'Maitree',
  'Mitr',
  'Niramit',
  'Noto Sans Thai',
  'Noto Sans Thai Looped',
  'Noto Serif Thai',
  'Pridi',
  'Prompt',
  'Sriracha',
  'Taviraj',
  'Thasadith',
  'Trirong',
  'Arial',
  'Tahoma',
  'Times New Roman',
];

export const DEFAULT_REPORT_FONT = 'Sarabun';

/** The list's spelling of `name` (case and spaces as the list has them), or null if it is not on the list. */
export function reportFont(name: string): string | null {
  const key = name.trim().replace(/\s+/g, ' ').toLowerCase();
  return REPORT_FONTS.find((f) => f.toLowerCase() === key) ?? null;
}

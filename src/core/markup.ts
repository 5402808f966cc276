/** Text made inert in HTML and XML (SVG), in element content and in quoted attributes alike. */
export function escapeMarkup(text: string): string {
  return text.replace(
    /[<>&"']/g,
    (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&#39;' })[c] as string,
  );
}

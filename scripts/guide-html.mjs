// The guide (docs/guide-th.md) as one HTML file for the add-on's dialog (apiShowGuide): its pictures inline,
// no request to any other host. The guide is plain Markdown of a few forms only: headings, paragraphs,
// lists, pictures on a line of their own, **bold**, `code`.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const escapeHtml = (s) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function inline(text) {
  return escapeHtml(text)
    .replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>')
    .replace(/`([^`]+)`/g, '<code>$1</code>');
}

/** The pictures a guide names (`![alt](guide/x.png)`), as written. */
export function guidePictures(markdown) {
  return [...markdown.matchAll(/^!\[[^\]]*\]\(([^)]+)\)\s*$/gm)].map((m) => m[1]);
}

/** The guide's HTML page; `picture(path)` gives a picture's bytes, or null when it is missing. */
export function guideHtml(markdown, picture) {
  const out = [];
  let list = null;
  let para = [];
  const flush = () => {
    if (para.length > 0) out.push(`<p>${inline(para.join(' '))}</p>`);
    para = [];
  };
  const endList = () => {
    if (list) out.push(`</${list}>`);
    list = null;
  };
  for (const raw of markdown.split('\n')) {
    const line = raw.trimEnd();
    const heading = /^(#{1,3}) (.*)$/.exec(line);
    const image = /^!\[([^\]]*)\]\(([^)]+)\)$/.exec(line);
    const item = /^(\d+\.|-) (.*)$/.exec(line);
    if (heading || image || line === '') {
      flush();
      endList();
    }
    if (heading) out.push(`<h${heading[1].length}>${inline(heading[2])}</h${heading[1].length}>`);
    else if (image) {
      const bytes = picture(image[2]);
      if (bytes)
        out.push(
          `<figure><img src="data:image/png;base64,${bytes.toString('base64')}" alt="${escapeHtml(image[1])}"><figcaption>${inline(image[1])}</figcaption></figure>`,
        );
    } else if (item) {
      flush();
      const kind = item[1] === '-' ? 'ul' : 'ol';
      if (list !== kind) {
        endList();
        out.push(`<${kind}>`);
        list = kind;
      }
      out.push(`<li>${inline(item[2])}`);
    } else if (/^\s+\S/.test(line) && list) out[out.length - 1] += ` ${inline(line.trim())}`;
    else if (line !== '') para.push(line);
  }
  flush();
  endList();
  return `<!DOCTYPE html>
<html lang="th"><head><meta charset="utf-8"><base target="_blank"><title>คู่มือการใช้งาน ita-report</title>
<style>
body{font-family:"Sarabun","Noto Sans Thai","Leelawadee UI",Tahoma,sans-serif;font-size:15px;line-height:1.6;color:#202124;margin:0 auto;padding:8px 20px 40px;max-width:720px}
h1{font-size:22px;color:#174ea6}h2{font-size:18px;margin-top:28px;border-top:1px solid #e0e0e0;padding-top:12px}
figure{margin:12px 0;display:flex;flex-direction:column;align-items:flex-start}
img{width:300px;height:auto;border:1px solid #dadce0}figcaption{font-size:13px;color:#5f6368}
code{background:#f1f3f4;padding:0 3px}li{margin:2px 0}
</style></head><body>
${out.join('\n')}
</body></html>
`;
}

/** Reads docs/guide-th.md and its pictures (relative to docs/). */
export function buildGuide(markdownPath) {
  const markdown = readFileSync(markdownPath, 'utf8');
  const dir = dirname(markdownPath);
  return guideHtml(markdown, (path) => {
    const file = join(dir, path);
    return existsSync(file) ? readFileSync(file) : null;
  });
}

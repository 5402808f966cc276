import type { Bilingual, SelfCheckResult, SelfCheckStep, SelfCheckWords } from '../../core/selfcheck';
import { h, srOnly } from '../dom';
import { digits } from '../format';
import { call, explain } from '../run';
import type { View } from './shared';

// The installation check's card ("ตรวจสอบการติดตั้ง"), at the foot of the sidebar: a button, then the
// check's table (✓/✗, seconds, what to do for each ✗) and its JSON to copy for `npm run bench -- --compare`.
// Its state and words are its own, so the card stays apart from the others; the words for a result come with it.

const WORDS = {
  title: { th: 'ตรวจสอบการติดตั้ง', en: 'Installation check' },
  intro: {
    th: 'ทดลองทุกอย่างที่การสร้างรายงานใช้ กับแท็บ เอกสาร และไฟล์ชั่วคราวที่ลบทิ้งเอง แล้วจับเวลาแต่ละขั้น ไม่แตะข้อมูลของสเปรดชีต ไม่ทดลองการแชร์ (Google จะส่งอีเมลถึงผู้ได้รับแชร์)',
    en: 'Tries everything a build uses on a scratch tab, Doc and file that it removes, and times each step. Your data is not touched. Sharing is not tried (Google would e-mail whoever it is shared with).',
  },
  run: { th: 'ตรวจสอบการติดตั้ง', en: 'Run the installation check' },
  running: { th: 'กำลังตรวจสอบ… (ราว ๒๐–๖๐ วินาที)', en: 'Checking… (about 20–60 seconds)' },
} satisfies Record<string, Bilingual>;

const card: { busy: boolean; result: SelfCheckResult | null; error: Bilingual | null } = {
  busy: false,
  result: null,
  error: null,
};

/** Runs the check on the server; `render` redraws the sidebar before and after. */
export async function runSelfCheck(render: () => void): Promise<void> {
  if (card.busy) return;
  card.busy = true;
  card.error = null;
  render();
  try {
    card.result = await call('apiSelfCheck');
  } catch (e) {
    const shown = explain(e);
    card.error = { th: shown.th, en: shown.en };
  } finally {
    card.busy = false;
    render();
  }
}

function stepLine(
  v: View,
  s: SelfCheckStep,
  words: SelfCheckWords,
  say: (w: Bilingual) => string,
): HTMLElement {
  const seconds = say(words.seconds).replace('{n}', digits(v.style, s.seconds.toFixed(2)));
  return h(
    'li',
    { class: `check-line ${s.ok ? 'ok' : 'fail'}`, 'data-step': s.id },
    h('span', { class: 'mark', 'aria-hidden': 'true' }, s.ok ? '✓' : '✗'),
    srOnly(`${say(s.ok ? words.ok : words.fail)}: `),
    h('span', {}, `${say(s.label)} · ${seconds}`),
    s.ok ? null : h('span', { class: 'hint' }, `${s.error ?? ''} → ${s.fix ? say(s.fix) : ''}`),
  );
}

function resultView(v: View, r: SelfCheckResult, say: (w: Bilingual) => string): HTMLElement {
  const { words, ...json } = r;
  return h(
    'div',
    { id: 'selfcheck-result' },
    h('p', { class: r.ok ? 'ok' : 'warn', role: 'status' }, say(r.ok ? words.allOk : words.someFailed)),
    h('ul', { class: 'checklist' }, ...r.steps.map((s) => stepLine(v, s, words, say))),
    h('p', { class: 'muted', id: 'selfcheck-width' }, say(words[r.imageWidth.verdict])),
    r.leftBehind.length > 0
      ? h(
          'div',
          { class: 'warn', id: 'selfcheck-left' },
          say(words.leftBehind),
          h('ul', { class: 'plain' }, ...r.leftBehind.map((l) => h('li', {}, `${l.what}: ${l.url ?? l.id}`))),
        )
      : null,
    ...r.notChecked.map((n) => h('p', { class: 'muted' }, say(n))),
    h('label', { for: 'selfcheck-json', class: 'muted' }, say(words.json)),
    h('textarea', { id: 'selfcheck-json', class: 'emails', readonly: true, rows: '4' }, JSON.stringify(json)),
  );
}

/** The card: the button, then the last result (or why the call failed). */
export function selfCheckView(v: View, render: () => void): HTMLElement {
  const say = (w: Bilingual) => (v.state.lang === 'th' ? w.th : w.en);
  const off = card.busy || v.state.busy !== null;
  return h(
    'section',
    { class: 'card', id: 'selfcheck-card', 'aria-labelledby': 'selfcheck-title' },
    h('h2', { id: 'selfcheck-title' }, say(WORDS.title)),
    h('p', { class: 'muted' }, say(WORDS.intro)),
    h(
      'button',
      {
        type: 'button',
        id: 'selfcheck',
        'aria-disabled': off ? 'true' : false,
        onclick: () => {
          if (!off) void runSelfCheck(render);
        },
      },
      say(card.busy ? WORDS.running : WORDS.run),
    ),
    card.error
      ? h('div', { class: 'server-error other', role: 'alert', id: 'selfcheck-error' }, say(card.error))
      : null,
    card.result && !card.busy ? resultView(v, card.result, say) : null,
  );
}

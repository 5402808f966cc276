// Coordinators' workbooks (the settings and the `ผลหน่วยงาน` tab): the province-sized example, made from the
// stated distribution below, and the national-sized one of the bench. Deterministic: the same seed gives the
// same workbook. Every name says it is an example (ตัวอย่าง) and every e-mail is on `.example`.
//
// The distribution (a province of about 150 local governments; Thailand's 7,850 local governments are about
// 1 PAO, 1–3 city/town municipalities, a third sub-district municipalities, the rest SAOs a province):
// - types: 1 อบจ., 1 ทน., 3 ทม., 45 ทต., 100 อบต. (abbreviated in the `ประเภท` column, as people type them);
//   10 districts (`อำเภอตัวอย่าง 1` … `10`), agencies spread over them in turn; two SAOs of the same name
//   in two districts (local governments share names);
// - an agency's quality q ~ Normal(91, 6) in 2567; in 2568 q + Normal(1.5, 4) (results rise on average);
// - indicators 1–5 (IIT) q + Normal(3, 3) each, 6–8 (EIT) q + Normal(−1, 4), 9–10 (OIT) q + Normal(0, 9)
//   (OIT spreads most), each clipped to 0–100 and rounded to two decimals; the tools are the means of their
//   indicators, EIT part 1 and part 2 the EIT ± Normal(0, 2), the total the framework's weighted sum
//   (0.30 IIT + 0.15 EIT1 + 0.15 EIT2 + 0.40 OIT), each rounded half up to two decimals;
// - both years give the tools and the total; 2568 also the ten indicators; the level is left blank (the
//   roll-up computes it); two agencies are new in 2568; two rows sit exactly on the bounds (tools at 85.00
//   and at 94.99).

/** mulberry32: a small seeded generator, so that the sample is the same on every run. */
function generator(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const normal = (mean, sd) => {
    const u = Math.max(next(), 1e-12);
    return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * next());
  };
  return { next, normal };
}

/** Half up to two decimals, on the decimal text (as the add-on rounds), not on binary floats. */
const round2 = (x) => Math.round(Number((x * 100).toPrecision(12))) / 100;
const clip = (x) => Math.min(100, Math.max(0, x));
const mean = (xs) => xs.reduce((s, x) => s + x, 0) / xs.length;

const TYPES = [
  ['อบจ.', 1, 'องค์การบริหารส่วนจังหวัดตัวอย่าง'],
  ['ทน.', 1, 'เทศบาลนครตัวอย่าง'],
  ['ทม.', 3, 'เทศบาลเมืองตัวอย่าง'],
  ['ทต.', 45, 'เทศบาลตำบลตัวอย่าง'],
  ['อบต.', 100, 'อบต.ตัวอย่าง'],
];

/** Agencies of a province-like set: `n` of them in proportion to TYPES, over `districts` districts. */
function agencies(n, districts) {
  const total = TYPES.reduce((s, [, k]) => s + k, 0);
  const out = [];
  for (const [type, k, stem] of TYPES) {
    const count = Math.max(1, Math.round((k * n) / total));
    for (let i = 1; i <= count; i++) {
      const index = out.length;
      out.push({
        type,
        name: count === 1 ? stem : `${stem} ${i}`,
        group: `อำเภอตัวอย่าง ${(index % districts) + 1}`,
      });
    }
  }
  for (let i = 1; out.length < n; i++) {
    out.push({
      type: 'อบต.',
      name: `อบต.ตัวอย่างเพิ่ม ${i}`,
      group: `อำเภอตัวอย่าง ${(out.length % districts) + 1}`,
    });
  }
  // Local governments share names across districts: two SAOs of one name in two districts.
  const saos = out.filter((a) => a.type === 'อบต.');
  if (saos.length >= 2) {
    saos[0].name = 'อบต.บ้านใหม่ (ตัวอย่าง)';
    saos[1].name = 'อบต.บ้านใหม่ (ตัวอย่าง)';
    if (saos[1].group === saos[0].group) saos[1].group = `อำเภอตัวอย่าง ${districts}`;
  }
  return out.slice(0, n);
}

/** One agency's figures of a year from its quality q. */
function figures(rng, q) {
  const ind = [];
  for (let k = 1; k <= 5; k++) ind.push(round2(clip(rng.normal(q + 3, 3))));
  for (let k = 6; k <= 8; k++) ind.push(round2(clip(rng.normal(q - 1, 4))));
  for (let k = 9; k <= 10; k++) ind.push(round2(clip(rng.normal(q, 9))));
  const IIT = round2(mean(ind.slice(0, 5)));
  const EIT = mean(ind.slice(5, 8));
  const room = Math.min(100 - EIT, EIT);
  const d = Math.max(-room, Math.min(room, rng.normal(0, 2)));
  const EIT1 = round2(clip(EIT + d));
  const EIT2 = round2(clip(EIT - d));
  const OIT = round2(mean(ind.slice(8, 10)));
  const total = round2(0.3 * IIT + 0.15 * EIT1 + 0.15 * EIT2 + 0.4 * OIT);
  return { ind, IIT, EIT1, EIT2, OIT, total };
}

const HEADER = [
  'ปีงบประมาณ',
  'หน่วยงาน',
  'ประเภท',
  'กลุ่ม',
  'IIT',
  'EIT ส่วนที่ 1',
  'EIT ส่วนที่ 2',
  'OIT',
  'คะแนนรวม',
  'ระดับ',
];

/**
 * The `ผลหน่วยงาน` tab of `n` agencies over 2567 and 2568 (indicators for 2568), and the settings of a
 * coordinator of `scope`.
 */
function coordinatorSheets({ n = 150, districts = 10, seed = 2568, scope = 'จังหวัดตัวอย่าง', office } = {}) {
  const rng = generator(seed);
  const list = agencies(n, districts);
  const rows = [[...HEADER, ...Array.from({ length: 10 }, (_, i) => `ตัวชี้วัดที่ ${i + 1}`), 'อีเมล']];
  list.forEach((a, i) => {
    const q67 = rng.normal(91, 6);
    const q68 = q67 + rng.normal(1.5, 4);
    const email = `ita${i + 1}@example-lg${(i % districts) + 1}.example`;
    const row = (year, f, withIndicators) => [
      year,
      a.name,
      a.type,
      a.group,
      f.IIT,
      f.EIT1,
      f.EIT2,
      f.OIT,
      f.total,
      '',
      ...(withIndicators ? f.ind : Array(10).fill('')),
      email,
    ];
    if (i < list.length - 2) rows.push(row(2567, figures(rng, q67), false));
    const f68 = figures(rng, q68);
    // Two rows exactly on the bounds of the rule: every tool at 85.00 (ผ่านดี), and one tool at 94.99.
    if (i === 5) Object.assign(f68, { IIT: 85, EIT1: 85, EIT2: 85, OIT: 85, total: 85 });
    if (i === 6)
      Object.assign(f68, {
        IIT: 96,
        EIT1: 95,
        EIT2: 94.99,
        OIT: 97,
        total: round2(0.3 * 96 + 0.15 * 95 + 0.15 * 94.99 + 0.4 * 97),
      });
    rows.push(row(2568, f68, !(i === 5 || i === 6)));
  });
  const settings = [
    ['รายการ', 'ค่า'],
    ['หน่วยงาน', office ?? `สำนักงานส่งเสริมการปกครองท้องถิ่น${scope}`],
    ['ขอบเขต', scope],
    ['ปีงบประมาณที่ประเมิน', 2568],
    ['ผู้จัดทำ', `กลุ่มงานส่งเสริมและพัฒนาท้องถิ่น (ตัวอย่าง)`],
    ['ตัวเลขไทย', 'ใช่'],
    ['ผู้เสนอ', 'นางสาวตัวอย่าง ผู้ประสาน'],
    ['ตำแหน่งผู้เสนอ', 'หัวหน้ากลุ่มงาน (ตัวอย่าง)'],
    ['ผู้อนุมัติ', 'นายตัวอย่าง ผู้อนุมัติ'],
    ['ตำแหน่งผู้อนุมัติ', `ท้องถิ่น${scope}`],
  ];
  return [
    { name: 'ตั้งค่า', values: settings },
    { name: 'ผลหน่วยงาน', values: rows },
  ];
}

module.exports = { coordinatorSheets };

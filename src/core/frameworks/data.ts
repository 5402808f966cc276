import type { Framework, IndicatorDef, LevelRule, LevelScale, Source } from './types';

/**
 * The ITA frameworks, one per fiscal year, as data. Facts and their confidence:
 * ../shared/reference/ita-framework-notes.md (§2, §3), and the `sources` of each year below.
 * A year with no entry here uses the latest earlier one; a workbook's framework tab overrides any year.
 */

function items(prefix: 'i' | 'e' | 'o', first: number, last: number): string[] {
  const ids: string[] = [];
  for (let n = first; n <= last; n++) ids.push(`${prefix}${n}`);
  return ids;
}

const NAMES: Record<number, [string, string]> = {
  1: ['การปฏิบัติหน้าที่', 'Performance of duties'],
  2: ['การใช้งบประมาณ', 'Use of budget'],
  3: ['การใช้อำนาจ', 'Use of authority'],
  4: ['การใช้ทรัพย์สินของราชการ', 'Use of government property'],
  5: ['การแก้ไขปัญหาการทุจริต', 'Anti-corruption improvement'],
  6: ['คุณภาพการดำเนินงาน', 'Service quality'],
  7: ['ประสิทธิภาพการสื่อสาร', 'Communication efficiency'],
  8: ['การปรับปรุงการทำงาน', 'Work improvement'],
  9: ['การเปิดเผยข้อมูล', 'Open data'],
  10: ['การป้องกันการทุจริต', 'Corruption prevention'],
};

function indicator(number: number, list: string[], name = NAMES[number][0]): IndicatorDef {
  const tool = number <= 5 ? 'IIT' : number <= 8 ? 'EIT' : 'OIT';
  return { number, tool, name, nameEn: NAMES[number][1], items: list };
}

const AA_TO_F: LevelRule[] = [
  { label: 'AA', labelEn: 'AA', minTotal: 95 },
  { label: 'A', labelEn: 'A', minTotal: 85 },
  { label: 'B', labelEn: 'B', minTotal: 75 },
  { label: 'C', labelEn: 'C', minTotal: 65 },
  { label: 'D', labelEn: 'D', minTotal: 55 },
  { label: 'E', labelEn: 'E', minTotal: 50 },
];

const PASS_BY_TOOLS: LevelRule[] = [
  { label: 'ผ่านดีเยี่ยม', labelEn: 'Pass with excellence', minTotal: 95, minEveryTool: 95 },
  { label: 'ผ่านดี', labelEn: 'Pass, good', minTotal: 85, minEveryTool: 85 },
  { label: 'ผ่าน', labelEn: 'Pass', minTotal: 85 },
];

const NOT_PASSED = { label: 'ไม่ผ่าน', labelEn: 'Not passed' };

const PASS = { label: 'ผ่าน', labelEn: 'Pass' };
const EXCELLENT = { label: 'ผ่านดีเยี่ยม', labelEn: 'Pass with excellence' };

/**
 * The readings of the 2566 rule the sources allow (issue 26): (a) the total alone, 85 passes; (b) the rule of
 * 2567 on the one EIT; (c) the total alone with an "excellent" band at 95.
 */
const READINGS_2566 = [
  { rules: [{ ...PASS, minTotal: 85 }], toolsTested: [], below: NOT_PASSED },
  { rules: PASS_BY_TOOLS, toolsTested: ['IIT', 'EIT', 'OIT'], below: NOT_PASSED },
  {
    rules: [
      { ...EXCELLENT, minTotal: 95 },
      { ...PASS, minTotal: 85 },
    ],
    toolsTested: [],
    below: NOT_PASSED,
  },
] satisfies LevelScale['readings'];

const SOURCES = {
  sme2565: {
    fact: 'AA 95.00–100, A 85.00–94.99, B 75.00–84.99, C 65.00–74.99, D 55.00–64.99, E 50.00–54.99, F 0–49.99; OSMEP 2565: 90.76, "A Rank"',
    where: 'https://sme.go.th/uploads/eBooks/eBook_65/files/basic-html/page80.html',
  },
  ipst: {
    fact: 'IPST (สสวท.) by year: 2558 79.69, 2559 83.73, 2560 91.35, 2561 83.10 "สูงมาก", 2562 91.07 A, 2563 90.73 A, 2564 95.62 AA, 2565 90.22 A, 2566 86.78 "ผ่าน", 2567 91.15 "ผ่าน"',
    where: 'https://www.ipst.ac.th/news/76226/ita67.html',
  },
  moe2561: {
    fact: 'A ministry page, ITA 2561: total 86.50 "สูงมาก"; five indices (transparency 87.62, accountability 92.27, corruption-free 93.36, integrity culture 90.94 "สูงมาก"; work integrity 66.79 "สูง")',
    where: 'https://moe-data.wordpressthai.org/ (ผลการประเมินคุณธรรมและความโปร่งใส ITA พ.ศ. 2561)',
  },
  onde2560: {
    fact: 'ITA 2560 was assessed from three sources (External, Internal, Evidence-Based) over five indices, not the ten indicators of 2562 on',
    where: 'https://onde.go.th/ (รายงานผลการประเมินคุณธรรมและความโปร่งใส ITA ประจำปีงบประมาณ 2560)',
  },
  nation2566: {
    fact: 'NACC president on the 2566 (fiscal 2023) results: "The passing score is 85 and a score of 95 and over is excellent"; 6,737 of 8,323 agencies passed; PEA 99.35 and Dhonburi Rajabhat University 98.37 "excellent"; the Administrative Court 97.74',
    where: 'https://www.nationthailand.com/thailand/general/40030119',
  },
  mgr2568: {
    fact: 'NACC on the State Audit Office: 2567 92.43 "ผ่านดี", 2568 94.64 "ผ่าน" because EIT was below 85 (the level tests every tool, not only the total)',
    where: 'https://mgronline.com/uptodate/detail/9680000079675',
  },
  up: {
    fact: 'A University of Phayao application: from 2567, ผ่านดีเยี่ยม = total ≥ 95 and IIT, EIT, OIT ≥ 95; ผ่านดี = total ≥ 85 and every tool ≥ 85; ผ่าน = total ≥ 85 (a third party, not the NACC)',
    where: 'public code index (getRateNew / $calculate), see ita-framework-notes §2.7',
  },
  oie: {
    fact: 'OIE (สศอ.) report on 2567–2568: total = 0.30·IIT + 0.15·EIT1 + 0.15·EIT2 + 0.40·OIT recomputes both years to the cent; 2568 EIT2 84.95 with total 96.06 is "ผ่าน"',
    where: '/work/shared/samples/oie-2568-report.txt',
  },
  rtrda: {
    fact: 'RTRDA (สทร.) ITA pages: the OIT lists of 2568 (o1–o28) and 2569 (o1–o26, o25 = การนำผลการประเมิน ITA ไปสู่การพัฒนาองค์กร)',
    where:
      'github.com/rtrdasmartrailway/web-app-rtrda: backups/ita-th-before-restore.html, migrations/ita-2569-create.sql',
  },
} satisfies Record<string, Source>;

/**
 * Only topics a source states: i1, i2, i10, i13, i15 and e1–e9 from the OIE report (SOURCES.oie: its §2.2,
 * §3.1 and §4 quote them), o1–o28 from the RTRDA pages (SOURCES.rtrda). No stored source gives i3–i9, i11,
 * i12 or i14 (ita-framework-notes §2.3): the workbook's `ประเด็น` column gives them, and the report names
 * those still unknown once.
 */
const TOPICS_2568: Record<string, string> = {
  i1: 'เจ้าหน้าที่ปฏิบัติงานหรือให้บริการแก่บุคคลภายนอกเป็นไปตามขั้นตอนและระยะเวลา',
  i2: 'เจ้าหน้าที่ปฏิบัติงานหรือให้บริการแก่บุคคลภายนอกอย่างเป็นธรรม',
  i10: 'การขอยืมทรัพย์สินของราชการไปใช้ปฏิบัติงานเป็นไปอย่างถูกต้อง',
  i13: 'ผู้บริหารสูงสุดให้ความสำคัญกับการแก้ไขปัญหาการทุจริตและประพฤติมิชอบ',
  i15: 'บุคลากรเชื่อมั่นในกระบวนการจัดการเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ',
  e1: 'การปฏิบัติงานหรือให้บริการเป็นไปตามขั้นตอนและระยะเวลาที่กำหนด',
  e2: 'การให้บริการแก่ผู้รับบริการทุกรายอย่างเท่าเทียมกัน',
  e3: 'เจ้าหน้าที่ไม่เรียกรับสินบนหรือประโยชน์อื่นใดเพื่อแลกกับการให้บริการ',
  e4: 'ช่องทางการเผยแพร่ข้อมูลของหน่วยงานเข้าถึงได้ง่าย',
  e5: 'ข้อมูลข่าวสารที่เผยแพร่มีความชัดเจน',
  e6: 'การสื่อสาร ตอบข้อซักถาม หรือให้คำอธิบายมีความชัดเจน',
  e7: 'การเปิดโอกาสให้บุคคลภายนอกมีส่วนร่วมในการปรับปรุงการดำเนินงานและการให้บริการ',
  e8: 'การปรับปรุงการดำเนินงานหรือโครงการเพื่อตอบสนองต่อประชาชน',
  e9: 'การให้บริการผ่านช่องทางออนไลน์ (E-Service) สะดวก รวดเร็ว และมีประสิทธิภาพ',
};

const OIT_2568: string[] = [
  'โครงสร้างและอำนาจหน้าที่',
  'ข้อมูลผู้บริหาร',
  'ข้อมูลการติดต่อ',
  'ข่าวประชาสัมพันธ์',
  'แผนยุทธศาสตร์หรือแผนพัฒนาหน่วยงาน',
  'แผนและความก้าวหน้าในการดำเนินงานและการใช้งบประมาณประจำปี',
  'รายงานผลการดำเนินงานประจำปี',
  'คู่มือหรือแนวทางการปฏิบัติงานของเจ้าหน้าที่',
  'คู่มือหรือแนวทางการขอรับบริการสำหรับผู้รับบริการหรือผู้มาติดต่อ',
  'E-Service',
  'ข้อมูลสถิติการให้บริการ',
  'รายการการจัดซื้อจัดจ้างหรือการจัดหาพัสดุ และความก้าวหน้าการจัดซื้อจัดจ้างหรือการจัดหาพัสดุ',
  'รายงานผลการจัดซื้อจัดจ้างหรือการจัดหาพัสดุประจำปี',
  'แผนการบริหารและพัฒนาทรัพยากรบุคคลประจำปี',
  'รายงานผลการบริหารและพัฒนาทรัพยากรบุคคลประจำปี',
  'ประมวลจริยธรรมและการขับเคลื่อนจริยธรรม',
  'แนวปฏิบัติการจัดการเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ',
  'ช่องทางแจ้งเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ',
  'ข้อมูลสถิติเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ',
  'การเปิดโอกาสให้เกิดการมีส่วนร่วม',
  'ประกาศเจตนารมณ์และการสร้างวัฒนธรรม ตามนโยบาย No Gift Policy จากการปฏิบัติหน้าที่',
  'รายงานการรับทรัพย์สินหรือประโยชน์อื่นใดโดยธรรมจรรยา',
  'การประเมินความเสี่ยงที่อาจเกิดการให้หรือรับสินบนจากการดำเนินงานตามภารกิจของหน่วยงานประจำปี',
  'รายงานผลการดำเนินการเพื่อจัดการความเสี่ยงการทุจริตและประพฤติมิชอบประจำปี',
  'แผนปฏิบัติการป้องกันการทุจริต',
  'รายงานผลการดำเนินการตามแผนปฏิบัติการป้องกันการทุจริต',
  'มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน',
  'รายงานผลการดำเนินการเพื่อส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน',
];

const OIT_2569: string[] = [
  'โครงสร้าง หน้าที่และอำนาจ',
  'ข้อมูลผู้บริหาร',
  'ข้อมูลการติดต่อและช่องทางการสอบถาม',
  'ข่าวประชาสัมพันธ์',
  'แผนยุทธศาสตร์หรือแผนพัฒนาหน่วยงาน',
  'แผนและความก้าวหน้าในการดำเนินงานและการใช้งบประมาณประจำปี',
  'รายงานผลการดำเนินงานประจำปี',
  'คู่มือหรือแนวทางการปฏิบัติงานของเจ้าหน้าที่',
  'คู่มือหรือแนวทางการขอรับบริการ',
  'ระบบการให้บริการผ่านช่องทางออนไลน์ (E-Service)',
  'สรุปผลการจัดซื้อจัดจ้างหรือการจัดหาพัสดุรายเดือน',
  'รายงานสรุปผลการจัดซื้อจัดจ้างหรือการจัดหาพัสดุประจำปี',
  'หลักเกณฑ์และแผนการบริหารและพัฒนาทรัพยากรบุคคล',
  'รายงานผลการบริหารและพัฒนาทรัพยากรบุคคล',
  'ประมวลจริยธรรมและการขับเคลื่อนจริยธรรม',
  'แนวปฏิบัติการจัดการเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ',
  'ช่องทางแจ้งเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ',
  'ข้อมูลสถิติเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ',
  'ผลการเปิดโอกาสให้มีส่วนร่วมในการดำเนินงาน',
  'การขับเคลื่อนนโยบาย No Gift Policy จากการปฏิบัติหน้าที่และการเสริมสร้างความรู้เกี่ยวกับหลักเกณฑ์การรับทรัพย์สินหรือประโยชน์อื่นใดโดยธรรมจรรยาของเจ้าพนักงานของรัฐ',
  'การประเมินความเสี่ยงการทุจริตในหน่วยงานภาครัฐ',
  'รายงานผลการดำเนินการตามแผนบริหารจัดการความเสี่ยงการทุจริตของหน่วยงาน',
  'แผนปฏิบัติการป้องกันการทุจริต',
  'รายงานผลการดำเนินการป้องกันการทุจริต',
  'การนำผลการประเมิน ITA ไปสู่การพัฒนาองค์กร',
  'รายงานผลการดำเนินการเพื่อส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน',
];

function oitTopics(titles: string[]): Record<string, string> {
  return Object.fromEntries(titles.map((title, i) => [`o${i + 1}`, title]));
}

/** 2562–2565: IIT i1–i30 (six an indicator), EIT e1–e15 (five an indicator), OIT o1–o43, AA–F. */
function framework2562(year: number): Framework {
  return {
    id: `ITA${year}`,
    year,
    indicators: [
      indicator(1, items('i', 1, 6)),
      indicator(2, items('i', 7, 12)),
      indicator(3, items('i', 13, 18)),
      indicator(4, items('i', 19, 24)),
      indicator(5, items('i', 25, 30)),
      indicator(6, items('e', 1, 5)),
      indicator(7, items('e', 6, 10)),
      indicator(8, items('e', 11, 15), 'การปรับปรุงระบบการทำงาน'),
      indicator(9, items('o', 1, 33)),
      indicator(10, items('o', 34, 43)),
    ],
    eitParts: [],
    weights: { IIT: '0.30', EIT: '0.30', OIT: '0.40' },
    levels: { rules: AA_TO_F, toolsTested: [], below: { label: 'F', labelEn: 'F' }, confirmed: true },
    itemTopics: {
      o42: 'มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน',
      o43: 'การดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน',
    },
    developmentItem: { id: 'o42', title: 'มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน' },
    resultsItem: { id: 'o43', title: 'การดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน' },
    notes: [
      'Weights 30/30/40 and levels AA–F verified (SME annual report 2565; IPST history).',
      'Item counts i1–i30, e1–e15, o1–o43 verified; the split of IIT and EIT items into indicators (six and five a indicator) is inferred.',
    ],
    sources: [SOURCES.sme2565, SOURCES.ipst],
  };
}

/**
 * 2566: one EIT score, weights as 2562–2565. The level words changed to ผ่าน… in 2566; what the sources
 * settle is the pass mark (85) and "excellent" at 95 and above. Agencies published both "ผ่าน" (IPST 86.78)
 * and "ผ่านดี" for totals above 95, which only the rule of 2567 (every tool tested) explains, so that rule is
 * used with the tools of 2566 (IIT, EIT, OIT), as unconfirmed: a published level it cannot confirm is kept,
 * unless every reading of the rule the sources allow (READINGS_2566) gives the same level.
 */
function framework2566(): Framework {
  const base = framework2562(2566);
  return {
    ...base,
    levels: {
      rules: PASS_BY_TOOLS,
      toolsTested: ['IIT', 'EIT', 'OIT'],
      below: NOT_PASSED,
      confirmed: false,
      readings: READINGS_2566,
    },
    developmentItem: null,
    resultsItem: null,
    notes: [
      'Weights 30/30/40 inferred; item lists not verified: those of 2562–2565 are used.',
      'Pass mark 85 and "excellent" at 95 and above are settled (NACC via the Nation, IPST 2566 "ผ่าน").',
      'Uncertain: whether 2566 already tested every tool as 2567 does (agencies\' "ผ่านดี" above 95 suggests it), and the word for 95 and above (ผ่านดีเยี่ยม is assumed). No 2566 manual was found.',
    ],
    sources: [SOURCES.nation2566, SOURCES.ipst],
  };
}

/** 2567–2568: EIT in two parts, 30/15/15/40, levels by total and every tool. */
function framework2568(year: number): Framework {
  return {
    id: `ITA${year}`,
    year,
    indicators: [
      indicator(1, items('i', 1, 3)),
      indicator(2, items('i', 4, 6)),
      indicator(3, items('i', 7, 9)),
      indicator(4, items('i', 10, 12)),
      indicator(5, items('i', 13, 15)),
      indicator(6, items('e', 1, 3)),
      indicator(7, items('e', 4, 6)),
      indicator(8, items('e', 7, 9)),
      indicator(9, items('o', 1, 20)),
      indicator(10, items('o', 21, 28)),
    ],
    eitParts: [1, 2],
    weights: { IIT: '0.30', EIT1: '0.15', EIT2: '0.15', OIT: '0.40' },
    levels: {
      rules: PASS_BY_TOOLS,
      toolsTested: ['IIT', 'EIT1', 'EIT2', 'OIT'],
      below: NOT_PASSED,
      confirmed: true,
    },
    itemTopics: { ...TOPICS_2568, ...oitTopics(OIT_2568) },
    developmentItem: { id: 'o27', title: 'มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน' },
    resultsItem: { id: 'o28', title: OIT_2568[27] },
    notes: [
      'Weights 30/15/15/40 and the item structure recompute the 2568 sample report exactly.',
      'Level rule (every tool, EIT parts apart) inferred from three consistent sources; labels below 85 not verified.',
      'IIT and EIT item topics are reconstructed from the sample report, not the official wording.',
      'Topics of i3–i9, i11, i12 and i14 are in no source found; the workbook’s ประเด็น column gives them.',
    ],
    sources: [SOURCES.oie, SOURCES.mgr2568, SOURCES.up, SOURCES.rtrda],
  };
}

function framework2567(): Framework {
  return {
    ...framework2568(2567),
    developmentItem: null,
    resultsItem: null,
    notes: [
      'EIT parts and weights recompute the 2567 figures of the sample report.',
      'Item lists of 2567 are not verified: those of 2568 are used.',
    ],
    sources: [SOURCES.oie, SOURCES.mgr2568, SOURCES.up, SOURCES.ipst],
  };
}

/** 2569: OIT o1–o26 (o25 asks for this report); the rest as 2568 until known. */
function framework2569(): Framework {
  const base = framework2568(2569);
  return {
    ...base,
    indicators: base.indicators.map((ind) =>
      ind.number === 9
        ? { ...ind, items: items('o', 1, 19) }
        : ind.number === 10
          ? { ...ind, items: items('o', 20, 26) }
          : ind,
    ),
    itemTopics: { ...TOPICS_2568, ...oitTopics(OIT_2569) },
    developmentItem: { id: 'o25', title: 'การนำผลการประเมิน ITA ไปสู่การพัฒนาองค์กร' },
    resultsItem: { id: 'o26', title: OIT_2569[25] },
    notes: [
      'OIT list o1–o26 verified from an agency page; the split (indicator 9 = o1–o19, 10 = o20–o26) is inferred.',
      'IIT, EIT, weights and levels as 2568 until the 2569 manual is known.',
    ],
    sources: [SOURCES.rtrda],
  };
}

/**
 * 2558–2561: the old assessment (IIT, EIT and evidence-based EBIT over five indices: transparency,
 * accountability, corruption-free, integrity culture, work integrity), published with words such as
 * "สูงมาก" and "สูง". The sources show the words, not their ranges (80–100 สูงมาก, 60–79.99 สูง… is
 * commonly quoted but was not found in any source here), so no level is computed: a published one is kept.
 */
function framework2558(year: number): Framework {
  return {
    id: `ITA${year}`,
    year,
    indicators: [],
    eitParts: [],
    weights: {},
    levels: {
      rules: [],
      toolsTested: [],
      below: null,
      confirmed: false,
      words: ['สูงมาก', 'สูง', 'ปานกลาง', 'ต่ำ', 'ต่ำมาก'],
    },
    itemTopics: {},
    developmentItem: null,
    resultsItem: null,
    notes: [
      'Five indices, not the ten indicators of 2562 on: only the total (and a published level) is read.',
      'Level words "สูงมาก" and "สูง" are verified (IPST 2561 83.10 "สูงมาก"; a ministry 2561: 86.50 "สูงมาก", an index at 66.79 "สูง"); their score ranges and the weights of the tools are not.',
    ],
    sources: [SOURCES.ipst, SOURCES.moe2561, SOURCES.onde2560],
  };
}

export const FRAMEWORKS: readonly Framework[] = [
  framework2558(2558),
  framework2558(2559),
  framework2558(2560),
  framework2558(2561),
  framework2562(2562),
  framework2562(2563),
  framework2562(2564),
  framework2562(2565),
  framework2566(),
  framework2567(),
  framework2568(2568),
  framework2569(),
];

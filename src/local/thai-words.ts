/**
 * Thai words a reader keeps whole that Chromium's line breaker (ICU's Thai dictionary, as
 * `new Intl.Segmenter('th')` in Node) cuts: compounds it splits into their parts (เจ้า|หน้าที่, หน่วย|งาน,
 * ประพฤติ|มิ|ชอบ, ผู้รับ|ผิด|ชอบ, ผ่าน|ดี) and a few words its dictionary lacks (ธรรมา|ภิบาล). Drawn from the
 * reports' own text: the word pairs ICU splits most often there that are one word to a reader. The local
 * HTML holds each whole (doc-html.ts); Google Docs breaks Thai lines itself.
 */
export const THAI_COMPOUNDS = [
  // Named in issue 23, seen broken in the PDF.
  'เจ้าหน้าที่',
  'หน่วยงาน',
  'ประพฤติมิชอบ',
  'ผู้รับผิดชอบ',
  'รับผิดชอบ',
  'เผยแพร่',
  'ผ่านดี',
  'ผ่านดีเยี่ยม',
  // The assessment's own terms.
  'ผู้มีส่วนได้ส่วนเสีย',
  'ส่วนได้ส่วนเสีย',
  'ผลประโยชน์ทับซ้อน',
  'ผู้ตรวจประเมิน',
  'ผู้ประเมิน',
  'ผลการประเมิน',
  'ข้อเสนอแนะ',
  'ข้อบกพร่อง',
  'ตัวชี้วัด',
  'แบบวัด',
  'งบประมาณ',
  'ความโปร่งใส',
  'ธรรมาภิบาล',
  'คุณธรรม',
  'ค่าเฉลี่ย',
  'รายไตรมาส',
  'หลักเกณฑ์',
  // Words of the measures and the follow-up.
  'ดำเนินการ',
  'ดำเนินงาน',
  'ปฏิบัติงาน',
  'ปฏิบัติหน้าที่',
  'ให้บริการ',
  'ผู้รับบริการ',
  'ผู้บริหาร',
  'ผู้อำนวยการ',
  'บุคคลภายนอก',
  'ขั้นตอน',
  'ระยะเวลา',
  'ส่วนร่วม',
  'ร้องเรียน',
  'เปิดโอกาส',
  'เปิดเผย',
  'ช่องทาง',
  'ความคิดเห็น',
  'ความคืบหน้า',
  'คืบหน้า',
  'อยู่ระหว่าง',
  'เพิ่มขึ้น',
  'ต่ำกว่า',
  'เข้าถึง',
  'ส่งเสริม',
  'เท่าเทียม',
  'เปรียบเทียบ',
  'ข้อมูลข่าวสาร',
  'ผลกระทบ',
  'ประสิทธิภาพ',
  'ประสิทธิผล',
  'อินโฟกราฟิก',
  'สารสนเทศ',
  'ยุทธศาสตร์',
  // Seen broken in the measures' narrow columns by the officer who read every page.
  'ลายลักษณ์อักษร',
  'ขับเคลื่อน',
  'จัดซื้อจัดจ้าง',
  // Seen broken in the roll-up report.
  'หลักฐาน',
  'ความสำคัญ',
  'เครื่องมือ',
];

/** The longest first, so that ผู้รับผิดชอบ is held before รับผิดชอบ; a quote or bracket stays with its word. */
const HELD = new RegExp(
  `[“‘"(]?(?:${[...THAI_COMPOUNDS].sort((a, b) => b.length - a.length).join('|')})[”’")]?`,
  'g',
);

/**
 * HTML text (already escaped) with each compound in a span of class `w`, which the page's style sets as an
 * inline block: a line may break before or after it, not inside, unless the word alone is wider than its
 * column (then it wraps inside rather than overflow).
 */
export function holdThaiWords(html: string): string {
  return html.replace(HELD, (w) => `<span class="w">${w}</span>`);
}

import { analyze } from '../../src/core/analysis/analyze';
import { analysisJson } from '../../src/core/analysis/json';
import { buildReport } from '../../src/core/report/model';
import { changeWord } from '../../src/core/thai';
import { measuresTab, reportText } from '../helpers/report';
import { sampleSheets } from '../helpers/workbook';

const TODAY = new Date(2026, 10, 26);
const HEADING = 'ผลของมาตรการตามแผนปีงบประมาณ พ.ศ. ๒๕๖๘ ต่อผลการประเมิน';

describe("next year's report: how last year's measures fared", () => {
  const analysis = analyze(sampleSheets());
  const json = analysisJson(analysis);
  const current = measuresTab(analysis);

  test('a measure of the plan made from the 2567 results shows its indicator’s change from 2567 to 2568', () => {
    // The sample assesses 2568; a row coded 2567-… was planned from the 2567 results, and is retired now.
    const planned = { ...current[0], id: `2567-${current[0].indicator}-x`, retired: true, status: 'เสร็จสิ้น' };
    const model = buildReport({ analysis, measures: [...current, planned], today: TODAY });
    const text = reportText(model.blocks);
    expect(text).toContain(HEADING);
    const table = model.blocks.find((b) => b.kind === 'table' && b.caption?.includes('กับคะแนนตัวชี้วัดที่มุ่งพัฒนา'));
    const change = json.deltas.indicators[String(planned.indicator)];
    expect(table && table.kind === 'table' && table.rows.map((r) => r.cells)).toEqual([
      [
        `${current[0].number.replace(/\d/g, (d) => '๐๑๒๓๔๕๖๗๘๙'[Number(d)])} ${current[0].title}`,
        expect.stringMatching(/^[๐-๙]+\. /),
        'เสร็จสิ้น',
        expect.stringContaining('→'),
        expect.stringContaining(changeWord(change)),
      ],
    ]);
  });

  test('a first year (no measure of an earlier plan) has no such section', () => {
    const text = reportText(buildReport({ analysis, measures: current, today: TODAY }).blocks);
    expect(text).not.toContain(HEADING);
  });
});

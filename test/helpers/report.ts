import type { Analysis } from '../../src/core/analysis/analyze';
import { generateMeasures } from '../../src/core/measures/generate';
import { MEASURE_COLUMNS, type MeasureRow, readMeasureRows } from '../../src/core/measures/tab';
import type { Block } from '../../src/core/report/model';
import type { DocData } from '../../src/local/runtime/document';

/** The measures tab as the add-on writes it, with each row's status and progress as a division left it. */
export function measuresTab(
  analysis: Analysis,
  progress: (i: number) => [string, number] = () => ['ยังไม่เริ่ม', 0],
) {
  return readMeasureRows([
    [...MEASURE_COLUMNS],
    ...generateMeasures(analysis).map((m, i) => [
      m.id,
      m.indicator,
      m.title,
      m.analysis,
      m.steps,
      m.period,
      m.responsible,
      ...progress(i),
      '',
      '',
      'ita-report',
      ...m.milestones,
      `ม.${m.number}`,
    ]),
  ]);
}

/** Every text of the report's blocks, one per line: paragraphs, table cells, captions, signatures. */
export const reportText = (blocks: Block[]) =>
  blocks
    .map((b) =>
      'text' in b
        ? b.text
        : b.kind === 'table'
          ? [b.caption, ...b.header, ...b.rows.flatMap((r) => r.cells)].join('\n')
          : b.kind === 'chart'
            ? b.caption
            : b.columns.flat().join('\n'),
    )
    .join('\n');

/** A measures-tab row as readMeasureRows gives it: blank but for what `over` sets. */
export function measureRow(over: Partial<MeasureRow>): MeasureRow {
  return {
    id: 'm',
    number: 'ม.1',
    indicator: 1,
    title: 'มาตรการ',
    analysis: '',
    steps: '',
    period: '',
    responsible: '',
    status: '',
    progress: null,
    evidence: '',
    notes: '',
    retired: false,
    milestones: [],
    row: 2,
    rounds: [],
    result: '',
    problems: '',
    nextStep: '',
    links: [],
    ...over,
  };
}

/** The bytes of every inline image in a local Doc's body, in order. */
export function docImages(doc: DocData): Buffer[] {
  const found: Buffer[] = [];
  const walk = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    const inline = node as { kind?: string; image?: { data: Buffer } };
    if (inline.kind === 'image' && inline.image) found.push(inline.image.data);
    else for (const child of Object.values(node)) walk(child);
  };
  walk(doc.body);
  return found;
}

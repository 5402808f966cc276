import { type ReportContext, type ReportInput, reportContext } from './context';
import { analysisTable } from './sections/deficiencies';
import { background, DRAFT_MARK, draftNotice, executiveSummary, TITLE, titleBlock } from './sections/front';
import { measuresTable, progressPart } from './sections/measures';
import { previousPlanResults } from './sections/previous-plan';
import { recommendations } from './sections/recommendations';
import { analysisParagraph, indicators, overall, tools } from './sections/results';
import { signOff } from './sections/signoff';
import { type Block, ReportWriter } from './writer';

export type { ReportInput } from './context';
export type { Block, ChartBlock, TableBlock, TableRowModel } from './writer';

export interface ReportModel {
  name: string;
  thaiDigits: boolean;
  /** Built without indicator or item scores: marked as a draft in its title and name. */
  draft: boolean;
  blocks: Block[];
  /** Built although the data had errors (the user said to go on): marked in the title as unconfirmed. */
  unconfirmed: boolean;
}

/** The sections of docs/report.md in order; each writes its own blocks. */
const SECTIONS: ((w: ReportWriter, ctx: ReportContext) => void)[] = [
  titleBlock,
  draftNotice,
  executiveSummary,
  background,
  overall,
  tools,
  indicators,
  analysisParagraph,
  previousPlanResults,
  recommendations,
  analysisTable,
  measuresTable,
  progressPart,
  signOff,
];

/** The report of docs/report.md as blocks: every figure from the analysis, every caption numbered in order. */
export function buildReport(input: ReportInput): ReportModel {
  const ctx = reportContext(input);
  const writer = new ReportWriter(ctx.settings?.thaiDigits ?? true);
  for (const section of SECTIONS) section(writer, ctx);
  return {
    name: `${ctx.draft ? `${DRAFT_MARK} ` : ''}${TITLE} ${ctx.agency} ปีงบประมาณ พ.ศ. ${ctx.year}`,
    thaiDigits: writer.thai,
    draft: ctx.draft,
    blocks: writer.blocks,
    unconfirmed: ctx.unconfirmed,
  };
}

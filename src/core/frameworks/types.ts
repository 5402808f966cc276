export type Tool = 'IIT' | 'EIT' | 'OIT';
/** The tool figures of a year: EIT1/EIT2 exist only in frameworks whose EIT has two parts. */
export type ToolKey = 'IIT' | 'EIT' | 'EIT1' | 'EIT2' | 'OIT';

export interface IndicatorDef {
  number: number;
  tool: Tool;
  name: string;
  nameEn: string;
  /** Item ids in order (`i1`, `e4`, `o21`). An EIT item of a two-part framework is scored in every part. */
  items: string[];
}

export interface LevelRule {
  label: string;
  labelEn: string;
  /** The total must be at least this. */
  minTotal: number;
  /** When set, every tool in `toolsTested` must be at least this too. */
  minEveryTool?: number;
}

/** A public source a framework fact rests on, and what it says. */
export interface Source {
  /** What the source establishes (or only suggests). */
  fact: string;
  /** Where: a URL, or a repository path. */
  where: string;
}

export interface LevelScale {
  /** Tried in order; the first that holds gives the level. Empty where no rule is established. */
  rules: LevelRule[];
  toolsTested: ToolKey[];
  /** The level below every rule; null where no rule is established. */
  below: { label: string; labelEn: string } | null;
  /**
   * true where the sources settle the rule: a published level that differs from it is a warning. false where
   * they do not: the published level is kept, and a difference is an info finding.
   */
  confirmed: boolean;
  /** Level words published in this period, for years whose rule is not established (2558–2561). */
  words?: string[];
  /**
   * For a year whose rule the sources do not settle (2566): every reading of it they allow. Where every
   * reading the figures allow gives one level, that level is settled (computed, and a given level that
   * differs is a warning); where they differ, the rule above stays unconfirmed.
   */
  readings?: Omit<LevelScale, 'readings' | 'confirmed'>[];
}

export interface Framework {
  id: string;
  year: number;
  /** Empty for the years before 2562, whose five indices are not the ten indicators: totals only. */
  indicators: IndicatorDef[];
  /** [] for one EIT score; [1, 2] when EIT part 1 (self-answered) and part 2 (collected by assessors) are scored apart. */
  eitParts: number[];
  /** Weights of the total, as decimal strings so that they stay exact. */
  weights: Partial<Record<ToolKey, string>>;
  levels: LevelScale;
  /** What each item asks, in Thai (topics reconstructed where the official wording is not known). */
  itemTopics: Record<string, string>;
  /** The OIT item of this year that asks for the analysis of last year's results and the measures. */
  developmentItem: { id: string; title: string } | null;
  /** The OIT item that asks for the report of what the measures achieved (the follow-up of the plan). */
  resultsItem: { id: string; title: string } | null;
  /** Where the facts come from and how sure they are. */
  notes: string[];
  /** The public sources of this year's rule, and what stays uncertain is said in `notes`. */
  sources: Source[];
  /** Set for a framework defined in the workbook's framework tab: the cell its first row is in. */
  definedAt?: string;
  /** For a framework of the framework tab: the parts it takes from the built-in one (`indicators`, `weights`, `levels`). */
  inherited?: string[];
}

export const TOOL_NAMES: Record<Tool, { th: string; en: string }> = {
  IIT: { th: 'แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายใน', en: 'Internal Integrity and Transparency Assessment' },
  EIT: { th: 'แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายนอก', en: 'External Integrity and Transparency Assessment' },
  OIT: { th: 'แบบวัดการเปิดเผยข้อมูลสาธารณะ', en: 'Open Data Integrity and Transparency Assessment' },
};

export const EIT_PART_NAMES: Record<number, { th: string; en: string }> = {
  1: { th: 'ผู้รับบริการหรือติดต่อราชการเข้าตอบด้วยตนเอง (EIT Public)', en: 'answered by service users (EIT Public)' },
  2: { th: 'ผู้ประเมินจัดเก็บข้อมูล (EIT Survey)', en: 'collected by the assessors (EIT Survey)' },
};

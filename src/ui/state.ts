import type { SharingPlan } from '../core/measures/sharing';
import type { SharedResult } from '../server/index';
import type { Overview } from '../server/overview';
import type { ReportLinks } from '../server/report-doc';
import type { AgencySharingPlan } from '../server/rollup';
import type { Key, Lang } from './i18n';
import type { ShownError } from './run';

/** The card a message belongs to: it is shown there, next to the control that caused it. */
export type Place =
  | 'header'
  | 'start'
  | 'check'
  | 'build'
  | 'share'
  | 'last'
  | 'follow'
  | 'rollup'
  | 'rollup-follow';

export interface Message {
  th: string;
  en: string;
  /** `caution`: done, but to take with care (built unconfirmed, some addresses refused). */
  kind: ShownError['kind'] | 'notice' | 'caution';
  at: Place;
  /** Bumped for each new message, to scroll it into view once. */
  serial: number;
}

export interface Step {
  key: Key;
  state: 'waiting' | 'running' | 'done' | 'failed' | 'stopped';
  startedAt?: number;
  seconds?: number;
  /** What the measures step wrote: rows, new rows, edited cells kept. */
  counts?: { rows: number; added: number; kept: number };
}

export interface State {
  lang: Lang;
  busy: 'load' | 'check' | 'template' | 'build' | 'plan' | 'share' | 'results' | 'rollup' | null;
  overview: Overview | null;
  steps: Step[];
  /** The results report's build steps. */
  resultsSteps: Step[];
  links: ReportLinks | null;
  /** The results report built in this session. */
  resultsLinks: ReportLinks | null;
  /** The roll-up report built in this session (a coordinator's workbook). */
  rollupLinks: ReportLinks | null;
  /** The plan on show: the divisions', or the agencies' (a coordinator's), with the server's sentences. */
  plan: (SharingPlan & Partial<Pick<AgencySharingPlan, 'said' | 'overLimit'>>) | null;
  notify: boolean;
  /** The opt-in spreadsheet step: add the division e-mails as editors of the spreadsheet. */
  shareSpreadsheet: boolean;
  shareResult: SharedResult | null;
  message: Message | null;
  /** An open confirmation: building despite data errors, or filling in the sample. */
  confirm:
    | { kind: 'build'; serverText?: { th: string; en: string } }
    | { kind: 'sample'; opener: string }
    | null;
  allGroups: boolean;
  /** The id of the element to focus after the next render (else the focused control keeps focus). */
  focus: string | null;
}

export const state: State = {
  lang: 'th',
  busy: null,
  overview: null,
  steps: [],
  resultsSteps: [],
  links: null,
  resultsLinks: null,
  rollupLinks: null,
  plan: null,
  notify: false,
  shareSpreadsheet: false,
  shareResult: null,
  message: null,
  confirm: null,
  allGroups: false,
  focus: null,
};

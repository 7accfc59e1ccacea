/**
 * The make-up's side of the printing page: the in-page scripts (inpage/) measure every module at
 * every span, applies the chosen placements and inspects the result. The browser itself (opening
 * the page, swapping a new edition into it, printing) belongs to src/print.
 */
import { fileURLToPath } from 'node:url';
import type { Page } from 'puppeteer';
import type { Context } from '../io/context.js';
import type { BrowserSession } from '../print/browser.js';
import { FONTS_SETTLED, openEdition, type ReusablePage } from '../print/page-session.js';
import { type BodyFlow, pageMustBalance } from './columns.js';
import type { ModulePlan } from './plan.js';
import type { SpanMeasure } from './types.js';

/**
 * The in-page make-up, injected into the page that lays the edition out: plain scripts, in this order
 * (each takes what the earlier ones share): shared helpers, heads, body flows, vertical heads, measuring,
 * placing, inspecting, swapping a new edition in.
 */
const MAKEUP_SCRIPTS = ['base', 'heads', 'flows', 'vertical', 'measure', 'place', 'inspect', 'swap'].map((name) =>
  fileURLToPath(new URL(`./inpage/${name}.js`, import.meta.url)),
);

/** A widow, orphan or one-character last line, at its paragraph's source line. */
export interface LineBreakFault {
  kind: 'widow' | 'orphan' | 'single-char-line';
  line: number;
}

/** A paragraph set tighter or looser (`spacing` em) to copyfit its module, at its source line. */
export interface TrackedParagraph {
  line: number;
  spacing: number;
}

/** What the page reports about one laid-out page. */
export interface InspectedPage {
  number: number;
  fill: number;
  oversetChars: number;
  widows: number;
  orphans: number;
  singleCharLines: number;
  /** Modules whose text columns differ by more than one line. */
  unbalancedModules: number;
  /** Paragraphs re-tracked (within ±0.02 em) so their module's columns end level. */
  trackedParagraphs?: number;
  /** Shares of the type area holding placed photos and empty photo slots. */
  photoShare?: number;
  slotShare?: number;
  /** Empty photo slots on the page, and how many lines of one column their area would hold. */
  slots?: number;
  slotColumnLines?: number;
  /** Heads (headline, kicker, subheadline, subheads, banner lines) set on two lines or more. */
  multiLineHeads?: number;
  /** Of those, heads that break inside a phrase although every phrase fits the measure; and their text. */
  midPhraseHeads?: number;
  midPhraseTexts?: string[];
  modules: { id: string; overset: number; breaks: LineBreakFault[]; tracked?: TrackedParagraph[] }[];
}

/** Open (or swap into `reuse`) the edition page with the make-up helpers loaded (read through `ctx`). */
export function openMakeUpPage(
  ctx: Pick<Context, 'readFile'>,
  session: BrowserSession,
  htmlPath: string,
  html: string,
  reuse?: ReusablePage | null,
): Promise<Page> {
  return openEdition(ctx, session, htmlPath, html, reuse, MAKEUP_SCRIPTS);
}

/**
 * One span as the page measured it. From two columns on the page leaves the body out (its lines break as in
 * the one-column flow) and `body` is null: the make-up works it out from the flow. Beside a vertical
 * head the body's columns are narrower, and the page measures it.
 */
export type MeasuredSpan = Omit<SpanMeasure, 'body'> & { body: number | null };

/** One module measured: every span, and its body as one column's flow (for cutting level columns). */
export interface ModuleMeasure {
  spans: MeasuredSpan[];
  flow: BodyFlow;
  /** By span: the body's flow in one of the narrower columns beside a vertical head. */
  verticalFlows?: Record<number, BodyFlow>;
  /** `flow` holds the re-tracked paragraphs among its levers (measured only when a placed module asks, measureLevers). */
  tracked?: boolean;
}

/**
 * Measure every module at every span: first at one column, which gives each new module's body as one
 * column's flow; then at the wider spans, with the bodies laid out only at the spans where the page must
 * balance them itself (`bodyAt`, by default pageMustBalance), in the same layouts as the heads.
 */
export async function measureModules(
  page: Page,
  options: { columns: number },
  bodyAt: (flow: BodyFlow, span: number) => boolean = pageMustBalance,
): Promise<Record<string, ModuleMeasure>> {
  type Known = { measures: Record<string, ModuleMeasure> };
  const first = (await page.evaluate(`window.zhuanban.measure(${JSON.stringify(options)})`)) as
    | Known
    | { flows: Record<string, BodyFlow> };
  if ('measures' in first) return first.measures;
  const spans = Array.from({ length: options.columns - 1 }, (_, i) => i + 2);
  const bodiesAt = Object.fromEntries(
    Object.entries(first.flows).map(([id, flow]) => [id, spans.filter((k) => bodyAt(flow, k))]),
  );
  return (await page.evaluate(`window.zhuanban.measureSpans(${JSON.stringify(bodiesAt)})`)) as Record<
    string,
    ModuleMeasure
  >;
}

/** The one-column flows of the modules `ids` with their re-tracked paragraphs among the levers, by DOM id. */
export async function measureLevers(page: Page, ids: string[]): Promise<Record<string, BodyFlow>> {
  return (await page.evaluate(`window.zhuanban.measureLevers(${JSON.stringify(ids)})`)) as Record<string, BodyFlow>;
}

/** Place modules, let late font loads settle, then inspect. */
export async function applyAndInspect(page: Page, plans: ModulePlan[]): Promise<InspectedPage[]> {
  await page.evaluate(`window.zhuanban.apply(${JSON.stringify(plans)})`);
  await page.evaluate(FONTS_SETTLED);
  return (await page.evaluate('window.zhuanban.inspect()')) as InspectedPage[];
}

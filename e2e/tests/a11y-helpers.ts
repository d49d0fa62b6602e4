import AxeBuilder from '@axe-core/playwright';
import type { Page, TestInfo } from '@playwright/test';
import { expect, test } from './helpers';

/**
 * The accessibility harness (docs/decisions/accessibility.md): axe-core run in the page as the user sees it,
 * with the WCAG 2.2 A/AA rules and axe's best practices. A screen passes with no violation of impact "serious"
 * or "critical"; "moderate" and "minor" ones are attached to the test report (annotations) without failing it.
 */

/** The rule sets axe runs: WCAG 2.0/2.1/2.2 levels A and AA, and the best practices (landmarks, heading order...). */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

const BLOCKING = new Set(['serious', 'critical']);

/** One violation as the report shows it: rule, impact, and the elements (CSS selectors) that fail it. */
export interface A11yFinding {
  rule: string;
  impact: string;
  help: string;
  targets: string[];
  /** What axe says about the first failing element (the contrast ratio, the size, the name it computed). */
  summary: string;
}

/**
 * A violation known and written down, left until its owner fixes it (a colour or a size of the design system's
 * tokens). `screen` narrows it to some screens (a pattern of the screen name), `within` to the failing elements
 * inside (or being) an element matching a CSS selector; the reason says who owns it and what is wrong, so it can
 * be switched on once fixed: remove the entry and the check is on.
 */
export interface KnownViolation {
  rule: string;
  screen?: RegExp;
  within?: string;
  reason: string;
}

/** Known violations shared by every spec: none yet (each spec passes its own list). */
export const KNOWN_VIOLATIONS: KnownViolation[] = [];

/** What axe finds on the page now, every impact, as findings (sorted by rule). */
export async function axeFindings(page: Page, exclude: string[] = []): Promise<A11yFinding[]> {
  let builder = new AxeBuilder({ page }).withTags(AXE_TAGS);
  for (const selector of exclude) builder = builder.exclude(selector);
  const results = await builder.analyze();
  return results.violations
    .map((v) => ({
      rule: v.id,
      impact: v.impact ?? 'unknown',
      help: v.help,
      targets: v.nodes.map((n) => n.target.map(String).join(' ')),
      summary: (v.nodes[0]?.failureSummary ?? '').replace(/\s+/g, ' ').trim(),
    }))
    .sort((a, b) => a.rule.localeCompare(b.rule));
}

/** Whether the element at `target` (axe's selector) is inside, or is, an element matching `within`. */
function isWithin(page: Page, target: string, within: string): Promise<boolean> {
  return page.evaluate(([t, w]) => Boolean(document.querySelector(t)?.closest(w)), [target, within] as const);
}

async function knownFor(page: Page, known: KnownViolation[], screen: string, rule: string, target: string): Promise<KnownViolation | undefined> {
  for (const k of known) {
    if (k.rule !== rule || (k.screen && !k.screen.test(screen))) continue;
    if (!k.within || (await isWithin(page, target, k.within))) return k;
  }
  return undefined;
}

export interface AccessibleOptions {
  /** Violations written down and left for their owner (see KnownViolation). */
  known?: KnownViolation[];
  /** Parts of the page left out of the scan (CSS selectors). */
  exclude?: string[];
  /** Soft: record the failure and go on with the test's next screen (the test still fails at its end). */
  soft?: boolean;
}

/** The text of a finding list for a failure message or an annotation. */
export function describeFindings(findings: A11yFinding[]): string {
  return findings.map((f) => `${f.rule} (${f.impact}): ${f.help}\n    ${f.summary}\n    ${f.targets.slice(0, 8).join('\n    ')}${f.targets.length > 8 ? `\n    ... ${f.targets.length - 8} more` : ''}`).join('\n');
}

/**
 * Runs axe on the page and expects no serious or critical violation other than the known ones. Every finding
 * (moderate and minor ones, known ones) is attached to the report under `a11y: <name>`.
 */
export async function expectAccessible(page: Page, name: string, options: AccessibleOptions = {}): Promise<A11yFinding[]> {
  const known = [...KNOWN_VIOLATIONS, ...(options.known ?? [])];
  const findings = await axeFindings(page, options.exclude);
  const blocking: A11yFinding[] = [];
  const left: string[] = [];
  for (const f of findings) {
    if (!BLOCKING.has(f.impact)) continue;
    const open: string[] = [];
    for (const target of f.targets) {
      const k = await knownFor(page, known, name, f.rule, target);
      if (k) left.push(`${f.rule} on ${target}: ${k.reason}`);
      else open.push(target);
    }
    if (open.length > 0) blocking.push({ ...f, targets: open });
  }
  const info: TestInfo = test.info();
  if (findings.length > 0) info.annotations.push({ type: `a11y: ${name}`, description: describeFindings(findings) });
  if (left.length > 0) info.annotations.push({ type: `a11y known: ${name}`, description: left.join('\n') });
  const check = options.soft ? expect.soft : expect;
  check(blocking.length, `serious or critical axe violations on "${name}" (${page.url()}):\n${describeFindings(blocking)}\n`).toBe(0);
  return findings;
}

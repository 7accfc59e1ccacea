/**
 * Human-readable preflight output: issues grouped by check and message with page ranges ("pages 1–3, 7"),
 * so a 200-page file with the same fault on every page prints one line, not two hundred.
 */
import type { PreflightReport } from './types.js';

/** Compress sorted page numbers into ranges. */
export function pageRanges(pages: number[]): string {
  const sorted = [...new Set(pages)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; i++) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    parts.push(i === j ? `${sorted[i]}` : `${sorted[i]}–${sorted[j]}`);
    i = j;
  }
  return `${sorted.length === 1 ? 'page' : 'pages'} ${parts.join(', ')}`;
}

/** The report as text for a terminal. */
export function formatReport(report: PreflightReport): string {
  const lines = [
    `${report.file}: ${report.passed ? 'PASSED' : 'FAILED'} (${report.pages} pages, ${report.issues.length} issues)`,
  ];
  const x = report.pdfx;
  if (x)
    lines.push(
      `  claims ${x.standard}: PDF ${x.pdfVersion}, output intent ${x.outputCondition ?? 'none'}, Trapped ${x.trapped ?? 'none'} (its rules are checked as "pdfx")`,
    );
  const groups = new Map<string, number[]>();
  const documentWide: string[] = [];
  for (const issue of report.issues) {
    if (issue.page === null) documentWide.push(`  ${issue.check}: ${issue.message}`);
    else
      groups.set(`${issue.check}\u0000${issue.message}`, [
        ...(groups.get(`${issue.check}\u0000${issue.message}`) ?? []),
        issue.page,
      ]);
  }
  for (const [key, pages] of groups) {
    const [check, message] = key.split('\u0000');
    lines.push(`  ${check}: ${pageRanges(pages)}: ${message}`);
  }
  lines.push(...documentWide);
  if (report.fonts.length) {
    // Chromium writes one subset per unicode-range file, so group "ABCDEF+Name" rows by Name.
    const rows = new Map<string, number>();
    for (const f of report.fonts) {
      const row = `${f.name.replace(/^[A-Z]{6}\+/, '')}  ${f.type}  ${f.embedded ? 'embedded' : 'NOT embedded'}${f.subset ? ', subset' : ''}`;
      rows.set(row, (rows.get(row) ?? 0) + 1);
    }
    lines.push('  fonts:', ...[...rows].map(([row, n]) => `    ${row}${n > 1 ? ` (${n} subsets)` : ''}`));
  }
  return lines.join('\n');
}

/**
 * `zhuanban parse FILE [--json]`: the document tree as JSON on stdout, or a readable
 * outline; diagnostics on stderr.
 */
import type { Command } from 'commander';
import { langFromEnv, translate } from '../i18n/index.js';
import type { ZbDocument } from '../ast/types.js';

const text = (n: { children: { value: string }[] }) => n.children.map((c) => c.value).join('');

/** A human-readable outline of the tree, one line per node. */
export function outline(tree: ZbDocument): string {
  const out: string[] = [`${tree.source}`];
  if (tree.folio) out.push(`  folio: ${tree.folio.page ?? ''} ${tree.folio.section ?? ''}`.trimEnd());
  if (tree.banner) out.push(`  banner: ${tree.banner.join(' / ')}`);
  for (const a of tree.articles) {
    out.push(
      '',
      `# ${a.headline}${a.truncated ? '  [truncated]' : ''}  (${a.id}, line ${a.position?.start.line ?? '?'})`,
    );
    if (a.institution) out.push(`  institution: ${a.institution}${a.institutionInferred ? ' (inferred)' : ''}`);
    if (a.kicker) out.push(`  kicker: ${a.kicker}`);
    if (a.subheadline) out.push(`  subheadline: ${a.subheadline}`);
    if (a.byline.authors.length || a.byline.photoCredit)
      out.push(`  byline: ${a.byline.authors.join(' ')} ${a.byline.photoCredit ?? ''}`.trimEnd());
    for (const p of a.lede) out.push(`  > ${text(p)}`);
    for (const c of a.children) {
      const line = c.position?.start.line ?? '?';
      if (c.type === 'heading') out.push(`  ### ${text(c)}  (line ${line})`);
      else if (c.type === 'figure')
        out.push(`  [figure] ${c.caption}${c.credit ? ` — ${c.credit}` : ''}  (line ${line})`);
      else out.push(`  ¶ ${text(c)}`);
    }
  }
  return `${out.join('\n')}\n`;
}

/** Register the parse command. */
export function registerParse(program: Command): void {
  program
    .command('parse')
    .description(translate(langFromEnv(), 'cmd.parse'))
    .argument('<file>', 'source file')
    .option('--json', 'print the tree as JSON')
    .action(async (file: string, opts: { json?: boolean }) => {
      const [{ loadConfig }, { readAndParse }] = await Promise.all([
        import('../config/load.js'),
        import('./read-source.js'),
      ]);
      const config = await loadConfig(process.cwd());
      const result = readAndParse(file, config.maxSourceBytes);
      if (!result) return;
      process.stdout.write(opts.json ? `${JSON.stringify(result.tree, null, 2)}\n` : outline(result.tree));
    });
}

/**
 * `zhuanban preflight FILE.pdf [--json]`: check any PDF the way a print shop does. Trim and
 * bleed come from zhuanban.config.json (or its defaults) unless given; exit 0 when it passes, 1 when it
 * fails, 2 for a usage mistake (missing file, bad option).
 */
import { existsSync, statSync } from 'node:fs';
import { describeKind } from '../io/regular-file.js';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { langFromEnv, translate } from '../i18n/index.js';
import type { PreflightOptions } from '../preflight/index.js';
import { UsageError } from './errors.js';

interface PreflightFlags {
  json?: boolean;
  press?: boolean;
  trim?: string;
  bleed?: string;
  minPpi?: string;
}

function parseNumber(flag: string, text: string): number {
  const value = Number(text);
  if (!Number.isFinite(value) || value < 0) throw new UsageError(`${flag} needs a non-negative number, got "${text}"`);
  return value;
}

/** "390x545" (mm) → size; "none" → no page-size check. */
function parseTrim(text: string): PreflightOptions['trimMm'] {
  if (text === 'none') return undefined;
  const match = /^(\d+(?:\.\d+)?)[x×*](\d+(?:\.\d+)?)$/i.exec(text.trim());
  if (!match) throw new UsageError(`--trim needs WIDTHxHEIGHT in mm (e.g. 390x545) or "none", got "${text}"`);
  return { width: Number(match[1]), height: Number(match[2]) };
}

/** Register the preflight command. */
export function registerPreflight(program: Command): void {
  program
    .command('preflight')
    .description(translate(langFromEnv(), 'cmd.preflight'))
    .argument('<file>', 'the PDF to check (any producer)')
    .option('--json', 'print the report as JSON')
    .option('--press', 'treat RGB as a failure (default: only when the file declares a PDF/X output intent)')
    .option('--no-press', 'never treat RGB as a failure')
    .option('--trim <WxH>', 'expected trim size in mm, e.g. 390x545, or "none" (default: the configured page size)')
    .option('--bleed <mm>', 'required bleed in mm (default: the configured bleed)')
    .option('--min-ppi <n>', 'minimum image resolution at placed size', '200')
    .action(async (file: string, flags: PreflightFlags) => {
      const [{ loadConfig }, { pageGeometry }, { formatReport, preflight }] = await Promise.all([
        import('../config/load.js'),
        import('../config/schema.js'),
        import('../preflight/index.js'),
      ]);
      const path = resolve(process.cwd(), file);
      if (!existsSync(path)) throw new UsageError(`no such file: ${file}`);
      const info = statSync(path);
      if (!info.isFile()) throw new UsageError(`${file} is ${describeKind(info)}, not a PDF file`);
      const config = await loadConfig(process.cwd());
      const geometry = pageGeometry(config);
      const options: PreflightOptions = {
        trimMm: flags.trim === undefined ? { width: geometry.width, height: geometry.height } : parseTrim(flags.trim),
        bleedMm: flags.bleed === undefined ? config.bleed : parseNumber('--bleed', flags.bleed),
        press: flags.press,
        minPpi: parseNumber('--min-ppi', flags.minPpi ?? '200'),
      };
      const report = await preflight(path, options);
      process.stdout.write(flags.json ? `${JSON.stringify(report, null, 2)}\n` : `${formatReport(report)}\n`);
      process.exitCode = report.passed ? 0 : 1;
    });
}

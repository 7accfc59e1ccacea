/**
 * PDF/X with CMYK colour and an output intent, made by Ghostscript's pdfwrite (issue #6). Debian bookworm
 * ships Ghostscript 10.00, whose pdfwrite implements PDF/X-3 only (-dPDFX; -dPDFX=4 arrived later), so the
 * file is PDF/X-3:2002 with every colour converted to DeviceCMYK — the content rules of PDF/X-1a (CMYK,
 * fonts embedded, TrimBox, output intent) hold, and the version key says what Ghostscript checked.
 */
import { copyFile, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { PDFDocument } from 'pdf-lib';
import { neutralRgbToGrey } from './neutral-grey.js';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findOutputProfile, pdfxDefinition } from './pdfx-definition.js';
import { runTool } from './run-tool.js';
import type { EditionMeta } from './types.js';

/** Ghostscript arguments; see Ghostscript docs VectorDevices "PDF/X" and "Color conversion". */
export function ghostscriptArgs(inputPath: string, outputPath: string, definitionPath: string, iccPath: string): string[] {
  return [
    '-dBATCH', '-dNOPAUSE', '-dQUIET', '-dSAFER',
    `--permit-file-read=${iccPath}`, // PDFX_def.ps reads the profile; -dSAFER needs explicit permission (gs 9.50+)
    '-sDEVICE=pdfwrite', '-dPDFX', '-dCompatibilityLevel=1.4',
    '-sColorConversionStrategy=CMYK', '-sProcessColorModel=DeviceCMYK',
    '-dAutoRotatePages=/None', // keep pages as laid out; gs would otherwise rotate by text direction
    '-dEmbedAllFonts=true', '-dSubsetFonts=true',
    '-dDownsampleColorImages=false', '-dDownsampleGrayImages=false', '-dDownsampleMonoImages=false',
    `-sOutputFile=${outputPath}`, definitionPath, inputPath,
  ];
}

/** PDF/X (1a or 4) with CMYK and an output intent via Ghostscript; throws a clear error if gs is missing. */
export async function makePdfX(inputPath: string, outputPath: string, meta: EditionMeta, options: { timeoutMs: number }): Promise<void> {
  const profile = findOutputProfile();
  const dir = await mkdtemp(join(tmpdir(), 'zhuanban-pdfx-'));
  try {
    const greyPath = join(dir, 'neutral-grey.pdf');
    const doc = await PDFDocument.load(await readFile(inputPath), { updateMetadata: false });
    neutralRgbToGrey(doc); // black and greys on the K plate only, see neutral-grey.ts
    await writeFile(greyPath, await doc.save({ useObjectStreams: false }));
    const definitionPath = join(dir, 'PDFX_def.ps');
    const draftPath = join(dir, 'pdfx.pdf'); // written here first so a failed run never leaves a half file at outputPath
    await writeFile(definitionPath, pdfxDefinition(meta.title, profile));
    // SOURCE_DATE_EPOCH: Debian's Ghostscript then writes the build time instead of the wall clock.
    const epoch = String(Math.floor(meta.date.getTime() / 1000));
    const result = await runTool('gs', ghostscriptArgs(greyPath, draftPath, definitionPath, profile.iccPath), options.timeoutMs, { SOURCE_DATE_EPOCH: epoch });
    if (result.code !== 0) throw new Error(`Ghostscript failed (exit ${result.code}) making PDF/X: ${(result.stderr || result.stdout).trim().slice(0, 2000)}`);
    if (/reverting to normal PDF output|aborting conversion/i.test(result.stdout + result.stderr)) {
      throw new Error(`Ghostscript could not make a valid PDF/X: ${(result.stdout + result.stderr).trim().slice(0, 2000)}`);
    }
    if ((await stat(draftPath)).size === 0) throw new Error('Ghostscript wrote an empty PDF/X file');
    await copyFile(draftPath, outputPath);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

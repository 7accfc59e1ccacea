/**
 * PDF/X-1a:2001 with CMYK colour and an output intent, made by Ghostscript's pdfwrite. Debian
 * bookworm ships Ghostscript 10.00, whose -dPDFX forces CompatibilityLevel 1.3 (Ghostscript docs
 * VectorDevices "Creating a PDF/X-3 document") and has no X-4 mode. With every colour converted to
 * DeviceCMYK/DeviceGray, spot /All for the marks, fonts embedded, boxes and an output intent, a PDF 1.3
 * file meets PDF/X-1a:2001 (ISO 15930-1), so that is what it is identified as; preflight (src/preflight/
 * pdfx.ts) measures those rules on the result instead of trusting the claim.
 */
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { PDFDocument, ParseSpeeds } from 'pdf-lib';
import { neutralRgbToGrey } from './neutral-grey.js';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findOutputProfile, pdfxDefinition } from './pdfx-definition.js';
import { assertOpaque, finishPdfX, sourcePages } from './pdfx-finish.js';
import { runTool } from './run-tool.js';
import { onShutdown, removeFolderSync } from '../io/shutdown.js';
import type { EditionMeta } from './types.js';

/** Ghostscript arguments; see Ghostscript docs VectorDevices "PDF/X" and "Color conversion". */
export function ghostscriptArgs(
  inputPath: string,
  outputPath: string,
  definitionPath: string,
  iccPath: string,
): string[] {
  return [
    '-dBATCH',
    '-dNOPAUSE',
    '-dSAFER', // not -dQUIET: it also hides the list of repaired or skipped objects
    `--permit-file-read=${iccPath}`, // PDFX_def.ps reads the profile; -dSAFER needs explicit permission (gs 9.50+)
    '-sDEVICE=pdfwrite',
    '-dPDFX',
    '-dCompatibilityLevel=1.3', // -dPDFX forces 1.3 anyway; say so rather than ask for 1.4
    '-dPreserveAnnots=false', // PDF/X allows no annotations on the page (gs otherwise reverts to plain PDF for a link)
    '-sColorConversionStrategy=CMYK',
    '-sProcessColorModel=DeviceCMYK',
    '-dAutoRotatePages=/None', // keep pages as laid out; gs would otherwise rotate by text direction
    '-dEmbedAllFonts=true',
    '-dSubsetFonts=true',
    '-dDownsampleColorImages=false',
    '-dDownsampleGrayImages=false',
    '-dDownsampleMonoImages=false',
    `-sOutputFile=${outputPath}`,
    definitionPath,
    inputPath,
  ];
}

/**
 * The warnings Ghostscript lists after "The following warnings were encountered…": gs repairs or skips what
 * it cannot read and still exits 0, so these are how a dropped object shows (seen: "error in pattern" for
 * Chromium's repeating-linear-gradient, whose function-based shading gs 10.00 fails on and leaves out).
 * gs 10.00 prints that heading on stderr but the tab-indented items on stdout, so both are searched.
 */
export function ghostscriptWarnings(stdout: string, stderr: string): string[] {
  const all = `${stdout}\n${stderr}`;
  if (!/following warnings were encountered|errors that were repaired or ignored/i.test(all)) return [];
  const items = [...all.matchAll(/^\t+(\S[^\n]*)$/gm)].map((m) => m[1]!.trim());
  return items.length ? [...new Set(items)] : ['Ghostscript repaired or ignored errors in the input'];
}

/**
 * PDF/X-1a:2001 with CMYK and an output intent via Ghostscript; throws a clear error if gs is missing or if
 * the input has transparency (PdfXTransparencyError), which PDF 1.3 cannot hold without rasterising text.
 * Resolves to Ghostscript's warnings (see ghostscriptWarnings) so the build can report them.
 */
export async function makePdfX(
  inputPath: string,
  outputPath: string,
  meta: EditionMeta,
  options: { timeoutMs: number },
): Promise<{ warnings: string[] }> {
  const profile = findOutputProfile();
  const dir = await mkdtemp(join(tmpdir(), 'zhuanban-pdfx-'));
  const forget = onShutdown(() => removeFolderSync(dir));
  try {
    const greyPath = join(dir, 'neutral-grey.pdf');
    const doc = await PDFDocument.load(await readFile(inputPath), {
      updateMetadata: false,
      parseSpeed: ParseSpeeds.Fastest,
    });
    const source = sourcePages(doc);
    assertOpaque(source);
    neutralRgbToGrey(doc); // black and greys on the K plate only, see neutral-grey.ts
    await writeFile(greyPath, await doc.save({ useObjectStreams: false, objectsPerTick: Number.POSITIVE_INFINITY }));
    const definitionPath = join(dir, 'PDFX_def.ps');
    const draftPath = join(dir, 'pdfx.pdf'); // written here first so a failed run never leaves a half file at outputPath
    await writeFile(definitionPath, pdfxDefinition(meta.title, profile));
    // SOURCE_DATE_EPOCH: Debian's Ghostscript then writes the build time instead of the wall clock.
    const epoch = String(Math.floor(meta.date.getTime() / 1000));
    const result = await runTool(
      'gs',
      ghostscriptArgs(greyPath, draftPath, definitionPath, profile.iccPath),
      options.timeoutMs,
      { SOURCE_DATE_EPOCH: epoch },
    );
    if (result.code !== 0)
      throw new Error(
        `Ghostscript failed (exit ${result.code}) making PDF/X: ${(result.stderr || result.stdout).trim().slice(0, 2000)}`,
      );
    if (/reverting to normal PDF output|aborting conversion/i.test(result.stdout + result.stderr)) {
      throw new Error(
        `Ghostscript could not make a valid PDF/X: ${(result.stdout + result.stderr).trim().slice(0, 2000)}`,
      );
    }
    if ((await stat(draftPath)).size === 0) throw new Error('Ghostscript wrote an empty PDF/X file');
    const warnings = ghostscriptWarnings(result.stdout, result.stderr);
    await writeFile(outputPath, await finishPdfX(await readFile(draftPath), source, meta, warnings));
    return { warnings };
  } finally {
    await rm(dir, { recursive: true, force: true });
    forget();
  }
}

/**
 * Registration colour: a Separation colour space named /All, which prints on every separation
 * (PDF 32000-1 §8.6.6.4). pdf-lib has no helper for it, so the colour space is added to the page
 * resources by hand and the marks select it with raw CS/cs operators.
 */
import { PDFDict, PDFName, type PDFDocument, type PDFPage, type PDFRef } from 'pdf-lib';

/** Resource name the marks use for the registration colour space. */
export const REGISTRATION_CS = 'ZbRegistration';

/** Create the shared [/Separation /All /DeviceCMYK f] array once per document; f maps tint t to C=M=Y=K=t. */
export function createRegistrationColourSpace(doc: PDFDocument): PDFRef {
  const { context } = doc;
  const tintTransform = context.obj({ FunctionType: 2, Domain: [0, 1], C0: [0, 0, 0, 0], C1: [1, 1, 1, 1], N: 1 });
  return context.register(
    context.obj([
      PDFName.of('Separation'),
      PDFName.of('All'),
      PDFName.of('DeviceCMYK'),
      context.register(tintTransform),
    ]),
  );
}

/** Make the registration colour space available on a page under REGISTRATION_CS. */
export function addColourSpaceResource(page: PDFPage, colourSpace: PDFRef): void {
  const { context } = page.doc;
  const resources = page.node.Resources() ?? context.obj({});
  page.node.set(PDFName.of('Resources'), resources);
  let colourSpaces = resources.lookupMaybe(PDFName.of('ColorSpace'), PDFDict);
  if (!colourSpaces) {
    colourSpaces = context.obj({});
    resources.set(PDFName.of('ColorSpace'), colourSpaces);
  }
  colourSpaces.set(PDFName.of(REGISTRATION_CS), colourSpace);
}

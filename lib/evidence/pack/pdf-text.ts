// The text of a PDF, page by page (pdfjs-dist, legacy build for Node): used by the tests of the
// summary and by the secret scan. In Node, pdf.js runs its "worker" in this thread (it loads
// pdf.worker.mjs next to pdf.mjs itself): no worker thread, no eval, no font loading, no network.
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** The text of every page, in order; within a page, the text items in order, a newline where pdf.js sees a line end. */
export async function extractPdfPages(data: Uint8Array): Promise<string[]> {
  // pdf.js takes ownership of (and may detach) the buffer it is given: pass a copy.
  const task = getDocument({ data: new Uint8Array(data), isEvalSupported: false, disableFontFace: true, useSystemFonts: false, verbosity: 0 });
  const document = await task.promise;
  try {
    const pages: string[] = [];
    for (let n = 1; n <= document.numPages; n++) {
      const page = await document.getPage(n);
      const content = await page.getTextContent();
      pages.push(content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : '')).join(''));
      page.cleanup();
    }
    return pages;
  } finally {
    await task.destroy();
  }
}

/** The text of the whole PDF, pages separated by a form feed. */
export async function extractPdfText(data: Uint8Array): Promise<string> {
  return (await extractPdfPages(data)).join('\f');
}

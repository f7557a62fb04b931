// The handreiking as Chromium prints it: opens FILE (below DIR) in headless
// Chromium, saves it as an A4 PDF with its outline, reads the PDF back with
// pdf.js and prints as JSON what a reader would see in it:
//
//   { "pages": 5,
//     "text": ["text of page 1", ...],
//     "outline": [{ "title": "1 Begin", "depth": 0 }, ...] }
//
// The outline is Chromium's, made from the page's h1-h6, so its depths are
// the heading levels the PDF carries. Run by the tests; by hand:
//
//   node tests/browser/print-pdf.js DIR FILE
const { launch } = require('./pages');
const path = require('path');
const { pathToFileURL } = require('url');

async function pdfOf(dir, file) {
  const browser = await launch();
  try {
    const page = await browser.newPage();
    await page.goto(pathToFileURL(path.resolve(dir, file)).href);
    return await page.pdf({ format: 'A4', outline: true, tagged: true });
  } finally {
    await browser.close();
  }
}

function flatten(items, depth, out) {
  for (const item of items || []) {
    out.push({ title: item.title, depth });
    flatten(item.items, depth + 1, out);
  }
  return out;
}

async function main() {
  const [dir, file] = process.argv.slice(2);
  const bytes = await pdfOf(dir, file);
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({ data: new Uint8Array(bytes), verbosity: 0 }).promise;
  const text = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const content = await (await doc.getPage(n)).getTextContent();
    text.push(content.items.map(i => i.str).join(' ').replace(/\s+/g, ' ').trim());
  }
  const outline = flatten(await doc.getOutline(), 0, []);
  console.log(JSON.stringify({ pages: doc.numPages, text, outline }, null, 1));
}

main().catch(e => { console.error(`PDF check failed: ${e.message}`); process.exit(2); });

// Horizontal overflow: every HTML file below DIR (or the files given after
// it), opened from disk in headless Chromium at 390 px wide (a phone), or
// at --width=N.
// Prints one line per page that is wider than the screen (its scrollWidth)
// and exits 1 when there are any. Run by tests/testsuite/*.rs; by hand:
//
//   node tests/browser/narrow.js DIR [FILE...] [--width=N]   (390 by default)
const { htmlFiles, launch } = require('./pages');
const path = require('path');
const { pathToFileURL } = require('url');

const root = path.resolve(process.argv[2]);
const args = process.argv.slice(3);
const only = args.filter(a => !a.startsWith('--')).map(f => path.resolve(root, f));
const widthArg = args.find(a => a.startsWith('--width='));
const WIDTH = widthArg ? Number(widthArg.slice('--width='.length)) : 390;


async function main() {
  const browser = await launch();
  const files = only.length ? only : htmlFiles(root);
  const wide = [];
  try {
    const page = await browser.newPage({ viewport: { width: WIDTH, height: 800 } });
    for (const file of files) {
      await page.goto(pathToFileURL(file).href);
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      if (width > WIDTH) wide.push(`${path.relative(root, file)}: ${width} px wide`);
    }
  } finally {
    await browser.close();
  }
  wide.forEach(line => console.log(line));
  console.log(`${files.length} page(s) checked at ${WIDTH} px, ${wide.length} too wide`);
  if (wide.length > 0) process.exit(1);
}

main().catch(e => { console.error(`narrow check failed: ${e.message}`); process.exit(2); });

// What a page shows in print: opens FILE (below DIR) in headless Chromium
// with print media and prints, for each CSS selector given, whether it is
// shown ("SELECTOR: shown" or "SELECTOR: hidden"). Run by the tests; by hand:
//
//   node tests/browser/print.js DIR FILE SELECTOR...
const { launch } = require('./pages');
const path = require('path');
const { pathToFileURL } = require('url');

async function main() {
  const [dir, file, ...selectors] = process.argv.slice(2);
  const browser = await launch();
  try {
    const page = await browser.newPage();
    await page.emulateMedia({ media: 'print' });
    await page.goto(pathToFileURL(path.resolve(dir, file)).href);
    for (const selector of selectors) {
      const shown = await page.evaluate(s => {
        const e = document.querySelector(s);
        return !!e && getComputedStyle(e).display !== 'none' && e.getClientRects().length > 0;
      }, selector);
      console.log(`${selector}: ${shown ? 'shown' : 'hidden'}`);
    }
  } finally {
    await browser.close();
  }
}

main().catch(e => { console.error(`print check failed: ${e.message}`); process.exit(2); });

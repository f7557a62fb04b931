// Screenshots of a built site for a review: each FILE below DIR on a phone
// (390 px) and a desktop (1280 px), the first 2,400 px of the page, as
// JPEG files (PNG with SCREENSHOT_TYPE=png) in OUT named after the file.
// By hand:
//
//   node tests/browser/screenshots.js DIR OUT FILE...
const { launch } = require('./pages');
const fs = require('fs');
const path = require('path');
const { pathToFileURL } = require('url');

const TYPE = process.env.SCREENSHOT_TYPE === 'png' ? 'png' : 'jpeg';
const SIZES = { phone: { width: 390, height: 844 }, desktop: { width: 1280, height: 900 } };

async function main() {
  const [dir, out, ...files] = process.argv.slice(2);
  fs.mkdirSync(out, { recursive: true });
  const browser = await launch();
  try {
    for (const [name, viewport] of Object.entries(SIZES)) {
      const page = await browser.newPage({ viewport, deviceScaleFactor: 1 });
      for (const file of files) {
        await page.goto(pathToFileURL(path.resolve(dir, file)).href);
        const height = await page.evaluate(() => document.documentElement.scrollHeight);
        const width = await page.evaluate(() => document.documentElement.scrollWidth);
        const shot = path.join(out, `${file.replace(/\/index\.html$|\.html$/, '').replace(/\//g, '-') || 'portal'}-${name}.${TYPE === 'png' ? 'png' : 'jpg'}`);
        await page.screenshot({
          path: shot,
          type: TYPE,
          ...(TYPE === 'jpeg' ? { quality: 70 } : {}),
          fullPage: true,
          clip: { x: 0, y: 0, width: Math.max(width, viewport.width), height: Math.min(height, 2400) },
        });
        console.log(`${shot}: ${width} px wide, ${height} px tall`);
      }
      await page.close();
    }
  } finally {
    await browser.close();
  }
}

main().catch(e => { console.error(`screenshots failed: ${e.message}`); process.exit(2); });

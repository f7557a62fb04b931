// The site menu on a phone and a desktop: opens FILE (below DIR) in
// headless Chromium and prints what a visitor sees of the menu:
//
//   390 js: button shown, menu hidden; after a tap: menu shown
//   390 no-js: button hidden, menu shown
//   1280 js: button hidden, menu shown
//
// Run by the tests; by hand: node tests/browser/menu.js DIR FILE
const { launch } = require('./pages');
const path = require('path');
const { pathToFileURL } = require('url');

const visible = s => page => page.evaluate(sel => {
  const e = document.querySelector(sel);
  return !!e && !e.hidden && getComputedStyle(e).display !== 'none' && e.getClientRects().length > 0;
}, s);
const menu = visible('#site-menu');
const button = visible('.menu-button');
const shown = yes => (yes ? 'shown' : 'hidden');

async function main() {
  const [dir, file] = process.argv.slice(2);
  const url = pathToFileURL(path.resolve(dir, file)).href;
  const browser = await launch();
  try {
    for (const [width, js] of [[390, true], [390, false], [1280, true]]) {
      const context = await browser.newContext({ viewport: { width, height: 800 }, javaScriptEnabled: js });
      const page = await context.newPage();
      await page.goto(url);
      let line = `${width} ${js ? 'js' : 'no-js'}: button ${shown(await button(page))}, menu ${shown(await menu(page))}`;
      if (await button(page)) {
        await page.click('.menu-button');
        line += `; after a tap: menu ${shown(await menu(page))}`;
        line += `, aria-expanded=${await page.getAttribute('.menu-button', 'aria-expanded')}`;
      }
      console.log(line);
      await context.close();
    }
  } finally {
    await browser.close();
  }
}

main().catch(e => { console.error(`menu check failed: ${e.message}`); process.exit(2); });

// The practice catalogue's filters as a reader uses them: opens FILE (below
// DIR) in headless Chromium (1280 px, or WIDTH), with or without JavaScript,
// does each STEP and prints what the reader then sees:
//
//   theme=werkdruk   choose a value ("theme=" chooses "Alle")
//   chip:theme       click the chip of the theme filter (removes it)
//   clear            click "Filters wissen"
//   back             the browser's Back button
//   open             tap the "Filter" toggle
//
// After loading and after each step it prints one line:
//   shown=2 titles=A|B query=?theme=werkdruk count="2 voorbeelden gevonden"
//   none=hidden chips=Thema: Werkdruk toggle=open counts=theme:werkdruk=2,...
//
// Run by the tests; by hand:
//   node tests/browser/filters.js DIR FILE [js|no-js] [WIDTH] STEP...
const { launch } = require('./pages');
const path = require('path');
const { pathToFileURL } = require('url');

function state(page) {
  return page.evaluate(() => {
    const seen = e => !!e && getComputedStyle(e).display !== 'none' && e.getClientRects().length > 0;
    const items = [...document.querySelectorAll('.page-list > li')].filter(seen);
    const titles = items.map(li => li.querySelector('h3').textContent.trim());
    // Without JavaScript the count is a CSS counter, which the DOM cannot read.
    const count = [...document.querySelectorAll('.result-count, .shown-count')].filter(seen)
      .map(e => e.textContent.trim() || 'CSS counter').join(' ');
    const chips = [...document.querySelectorAll('.chip')].filter(seen).map(c => c.textContent.replace('✕', '').trim().replace(/\s+/g, ' '));
    const details = document.querySelector('.facets-toggle');
    const counts = [...document.querySelectorAll('.facets input[type=radio]')].filter(r => r.value)
      .map(r => `${r.name}:${r.value}=${r.parentNode.querySelector('[data-count]').textContent}`);
    return `shown=${items.length} titles=${titles.join('|')} query=${location.search} count="${count}" ` +
      `none=${seen(document.querySelector('.no-results')) ? 'shown' : 'hidden'} chips=${chips.join(',')} ` +
      `clear=${seen(document.querySelector('.clear-filters')) ? 'shown' : 'hidden'} ` +
      `toggle=${details.open ? 'open' : 'closed'} counts=${counts.join(',')}`;
  });
}

async function step(page, action) {
  if (action === 'back') return page.goBack();
  if (action === 'clear') return page.click('.clear-filters');
  if (action === 'open') return page.click('.facets-toggle summary');
  if (action.startsWith('chip:')) return page.click(`.chip[data-facet="${action.slice(5)}"]:visible`);
  const [name, value] = action.split('=');
  return page.check(`.facets input[name="${name}"][value="${value}"]`);
}

async function main() {
  const [dir, file, mode = 'js', width = '1280', ...steps] = process.argv.slice(2);
  const browser = await launch();
  try {
    const context = await browser.newContext({
      viewport: { width: Number(width), height: 900 },
      javaScriptEnabled: mode !== 'no-js',
    });
    const page = await context.newPage();
    await page.goto(pathToFileURL(path.resolve(dir, file)).href);
    console.log(`load: ${await state(page)}`);
    for (const action of steps) {
      await step(page, action);
      console.log(`${action}: ${await state(page)}`);
    }
  } finally {
    await browser.close();
  }
}

main().catch(e => { console.error(`filter check failed: ${e.message}`); process.exit(2); });

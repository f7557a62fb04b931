// Accessibility of built pages, checked with axe-core in headless Chromium
// against WCAG 2.1 A and AA: every HTML file below DIR, opened from disk.
// Run by tests/testsuite/validity.rs; by hand:
//
//   npm ci --prefix tests/browser
//   node tests/browser/accessibility.js DIR [--dark]
//
// With --dark the pages are shown in their dark colour scheme.
// Prints one line per violation (rule, impact, page, element) and exits 1
// when there are any.
const { htmlFiles, launch } = require('./pages');
const path = require('path');
const { pathToFileURL } = require('url');

const root = path.resolve(process.argv[2]);
const colorScheme = process.argv.includes('--dark') ? 'dark' : 'light';
const axe = require.resolve('axe-core/axe.min.js');


async function main() {
  const browser = await launch();
  const files = htmlFiles(root);
  const found = [];
  // A few tabs at once: axe waits on the page as much as on the CPU.
  const queue = files.slice();
  async function tab() {
    const page = await browser.newPage();
    for (let file = queue.shift(); file; file = queue.shift()) {
      await page.goto(pathToFileURL(file).href);
      await page.addScriptTag({ path: axe });
      const result = await page.evaluate(() => window.axe.run(document, {
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
        resultTypes: ['violations'],
      }));
      for (const v of result.violations) {
        for (const node of v.nodes) {
          found.push(`${path.relative(root, file)}: ${v.id} (${v.impact}): ${v.help}: ${node.target.join(' ')}`);
        }
      }
    }
  }
  try {
    await Promise.all([1, 2, 3, 4].map(tab));
  } finally {
    await browser.close();
  }
  const problems = found.length;
  found.sort().forEach(line => console.log(line));
  console.log(`${files.length} page(s) checked, ${problems} violation(s)`);
  if (problems > 0) process.exit(1);
}

main().catch(e => { console.error(`accessibility check failed: ${e.message}`); process.exit(2); });

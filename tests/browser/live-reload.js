// Live reload in a real browser, as a writer sees it: start `oogst watch`,
// open a page in headless Chromium, edit its file, and see the page change
// without a manual reload; break the front matter, see the error overlay;
// fix it, see the page again; give it a new slug, follow it there. Run by
// tests/testsuite/watch.rs; by hand:
//
//   npm ci --prefix tests/browser
//   OOGST=target/debug/oogst node tests/browser/live-reload.js \
//     ROOT FILE URL_PATH OLD_TEXT NEW_TEXT
//
// FILE is relative to ROOT; OLD_TEXT must be in the page's body and FILE.
const { launch } = require('./pages');
const { spawn } = require('child_process');
const fs = require('fs');
const path = require('path');

const [root, file, urlPath, oldText, newText] = process.argv.slice(2);
const source = path.join(root, file);
// Generous: a busy machine may be slow; this waits, it does not time.
const patience = { timeout: 60000 };

function edit(from, to) {
  const text = fs.readFileSync(source, 'utf8');
  if (!text.includes(from)) throw new Error(`${file} lacks ${JSON.stringify(from)}`);
  fs.writeFileSync(source, text.replace(from, to));
}

async function main(watch) {
  const url = await new Promise((resolve, reject) => {
    watch.stdout.on('data', d => {
      const m = /Serving on (\S+)/.exec(d.toString());
      if (m) resolve(m[1]);
    });
    watch.on('exit', code => reject(new Error(`oogst watch exited with ${code}`)));
  });
  const browser = await launch();
  try {
    const page = await browser.newPage();
    await page.goto(new URL(urlPath.replace(/^\//, ''), url).href);
    const body = () => page.locator('body').innerText();
    if (!(await body()).includes(oldText)) throw new Error(`the page lacks ${JSON.stringify(oldText)}`);
    // The event stream is open once the page has loaded its script.
    await page.waitForFunction(() => window.oogstEvents && window.oogstEvents.readyState === 1, null, patience);

    edit(oldText, newText);
    await page.waitForFunction(t => document.body.innerText.includes(t), newText, patience);
    console.log('ok: the edit shows without a manual reload');

    edit('title: ', 'title: "');
    await page.waitForSelector('#oogst-errors', patience);
    const overlay = await page.locator('#oogst-errors').innerText();
    if (!overlay.includes(file)) throw new Error(`the overlay does not name ${file}:\n${overlay}`);
    if (!(await body()).includes(newText)) throw new Error('the last good page is not shown under the overlay');
    console.log(`ok: the overlay shows the error: ${overlay.split('\n').find(l => l.includes(file))}`);

    edit('title: "', 'title: ');
    await page.waitForFunction(() => !document.getElementById('oogst-errors'), null, patience);
    if (!(await body()).includes(newText)) throw new Error('the fixed page is not shown');
    console.log('ok: after the fix the overlay is gone and the page is back');

    // A new slug moves the page; the browser follows it there.
    edit('title: ', 'slug: verplaatst\ntitle: ');
    await page.waitForURL(u => u.pathname.endsWith('/verplaatst/'), patience);
    await page.waitForFunction(t => document.body.innerText.includes(t), newText, patience);
    console.log(`ok: a new slug takes the browser to ${new URL(page.url()).pathname}`);
  } finally {
    await browser.close();
  }
}

const watch = spawn(process.env.OOGST || 'target/debug/oogst', ['watch', '--port', '0', '--root', root],
  { stdio: ['ignore', 'pipe', 'inherit'] });
main(watch)
  .then(() => { watch.kill(); })
  .catch(e => { console.error(`live reload failed: ${e.message}`); watch.kill(); process.exit(1); });

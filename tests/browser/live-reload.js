// Live reload in a real browser, as a writer sees it: start oogst watch on a
// copy of the demo, open a meeting in Chromium, edit the file, see the page
// change without a manual reload; break the YAML, see the error overlay; fix
// it, see the page again.
//
//   cp -r content oogst.yaml /tmp/demo/ && npm install playwright-core@1
//   OOGST=target/release/oogst node tests/browser/live-reload.js /tmp/demo
const { chromium } = require('playwright-core');
const { spawn } = require('child_process');
const fs = require('fs');
(async () => {
  const watch = spawn(process.env.OOGST || 'target/release/oogst', ['watch', '--port', '0', '--root', process.argv[2]]);
  const url = await new Promise(resolve => watch.stdout.on('data', d => { const m = /Serving on (\S+)/.exec(d.toString()); if (m) resolve(m[1]); }));
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
  const page = await browser.newPage();
  const file = process.argv[2] + '/content/kwaliteitsverpleegkundigen/meetings/2025-06-30-medicatieveiligheid.md';
  await page.goto(url + 'kwaliteitsverpleegkundigen/meetings/2025-06-30-medicatieveiligheid/');
  console.log('before:', await page.locator('h1').textContent());
  fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('er kwamen ruim\ndertig deelnemers', 'er kwamen ruim\nveertig deelnemers'));
  await page.waitForFunction(() => document.body.innerText.includes('veertig deelnemers'), null, { timeout: 30000 });
  console.log('live edit seen without reload: yes');
  fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('title: Themamiddag medicatieveiligheid', 'title: "Themamiddag medicatieveiligheid'));
  await page.waitForSelector('#oogst-errors', { timeout: 30000 });
  console.log('overlay:', (await page.locator('#oogst-errors pre').textContent()).split('\n')[0]);
  fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('title: "Themamiddag medicatieveiligheid', 'title: Themamiddag medicatieveiligheid'));
  await page.waitForFunction(() => !document.getElementById('oogst-errors'), null, { timeout: 30000 });
  console.log('after fix, overlay gone; h1:', await page.locator('h1').textContent());
  await page.screenshot({ path: 'live-reload.png' });
  await browser.close();
  watch.kill();
})().catch(e => { console.error(e); process.exit(1); });

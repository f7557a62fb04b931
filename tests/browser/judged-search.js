// Judged search queries: runs the shipped search.js in Node over every
// network's search index below DIR (the portal's search), and checks for
// each judgement in JUDGEMENTS (a JSON file: [{ "query", "first": [titles
// that may come first], "top": [titles that must all be in the first
// results], "never": [titles that must not be found] }]) that the ranking
// agrees. Prints one line per query and exits 1 when one disagrees.
//
//   node tests/browser/judged-search.js DIR JUDGEMENTS
const fs = require('fs');
const path = require('path');

const [dir, judgementsFile] = process.argv.slice(2);
global.window = {};
const networks = fs.readdirSync(dir, { withFileTypes: true }).filter(e => e.isDirectory());
let script = null;
for (const network of networks) {
  const index = path.join(dir, network.name, 'static', 'search-index.js');
  if (!fs.existsSync(index)) continue;
  eval(fs.readFileSync(index, 'utf8'));
  script = script || path.resolve(dir, network.name, 'static', 'search.js');
}
const { search } = require(script);
let failed = 0;
for (const j of JSON.parse(fs.readFileSync(judgementsFile, 'utf8'))) {
  const titles = search(j.query).map(r => r.doc[1]);
  const problems = [];
  if (j.first && !j.first.includes(titles[0])) problems.push(`first is ${JSON.stringify(titles[0])}, expected one of ${JSON.stringify(j.first)}`);
  if (j.top) {
    const head = titles.slice(0, j.top.length);
    const missing = j.top.filter(t => !head.includes(t));
    if (missing.length) problems.push(`the first ${j.top.length} lack ${JSON.stringify(missing)}: ${JSON.stringify(head)}`);
  }
  for (const t of j.never || []) if (titles.includes(t)) problems.push(`found ${JSON.stringify(t)}`);
  if (problems.length) failed += 1;
  console.log(`${j.query}: ${problems.length ? problems.join('; ') : 'ok'} (${titles.length} results)`);
}
console.log(`${failed} of the judged queries disagree`);
if (failed) process.exit(1);

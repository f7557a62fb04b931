// Judged search queries: runs the shipped search.js in Node over every
// network's search index below DIR (the portal's search), and checks for
// each judgement in JUDGEMENTS (a JSON file: [{ "query", "first": [titles
// that may come first], "top": [titles that must all be in the first
// results], "never": [titles that must not be found] }]) that the ranking
// agrees, and that each result's snippet is cut between words and marks
// the query's words. Prints one line per query and exits 1 when one
// disagrees.
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
const { search, snippet, words } = require(script);

// What is wrong with a result's snippet, if anything: it must start and end
// between words and mark a query word wherever its text has one.
function snippetProblem(query, text) {
  const html = snippet(text, words(query));
  const plain = html.replace(/<\/?mark>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
  const inner = plain.replace(/^…/, '').replace(/…$/, '');
  if (!text.includes(inner)) return `snippet not from the text: ${html}`;
  const at = text.indexOf(inner);
  const wordChar = c => /[\p{L}\p{N}]/u.test(c || '');
  if (wordChar(text[at - 1]) && wordChar(text[at])) return `starts inside a word: ${html}`;
  if (wordChar(text[at + inner.length - 1]) && wordChar(text[at + inner.length])) return `ends inside a word: ${html}`;
  const marked = /<mark>/.test(html);
  const present = words(query).some(w => text.toLowerCase().includes(w.slice(0, 4)));
  if (present && !marked) return `no word marked: ${html}`;
  return null;
}
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
  for (const r of search(j.query)) {
    const problem = snippetProblem(j.query, r.doc[3]);
    if (problem) problems.push(`${r.doc[1]}: ${problem}`);
  }
  if (problems.length) failed += 1;
  console.log(`${j.query}: ${problems.length ? problems.join('; ') : 'ok'} (${titles.length} results)`);
}
console.log(`${failed} of the judged queries disagree`);
if (failed) process.exit(1);

// Reads calendar files the way a calendar client does, with ical.js (the
// parser of Mozilla Thunderbird's calendar): each file must parse without
// an error or a warning, every event must have what a client shows (UID,
// summary, start, end after start), times must resolve through the file's
// own time zone, and recurring events must expand. Prints one line per
// occurrence: UID | summary | start in UTC | end in UTC.
//
//   node tests/browser/calendar.js FILE.ics...
const ICAL = require('ical.js');
const fs = require('fs');

const warnings = [];
for (const level of ['warn', 'error']) {
  console[level] = (...args) => warnings.push(args.join(' '));
}

function fail(message) {
  process.stderr.write(message + '\n');
  process.exit(1);
}

for (const file of process.argv.slice(2)) {
  const text = fs.readFileSync(file, 'utf8');
  let calendar;
  try {
    calendar = new ICAL.Component(ICAL.parse(text));
  } catch (e) {
    fail(`${file}: ${e.message}`);
  }
  for (const zone of calendar.getAllSubcomponents('vtimezone')) {
    ICAL.TimezoneService.register(zone);
  }
  if (!calendar.getFirstPropertyValue('prodid') || calendar.getFirstPropertyValue('version') !== '2.0') {
    fail(`${file}: no PRODID or VERSION:2.0`);
  }
  for (const component of calendar.getAllSubcomponents('vevent')) {
    const event = new ICAL.Event(component);
    if (!event.uid || !event.summary || !event.startDate) fail(`${file}: an event without UID, SUMMARY or DTSTART`);
    if (!event.startDate.isDate && event.startDate.zone.tzid !== 'Europe/Amsterdam') {
      fail(`${file}: ${event.summary} is not in Europe/Amsterdam but ${event.startDate.zone.tzid}`);
    }
    if (event.endDate.compare(event.startDate) <= 0) fail(`${file}: ${event.summary} ends before it starts`);
    const iterator = event.iterator();
    let next;
    let count = 0;
    while ((next = iterator.next()) && count < 500) {
      const details = event.getOccurrenceDetails(next);
      const utc = (t) => (t.isDate ? t.toString() : t.convertToZone(ICAL.Timezone.utcTimezone).toString());
      console.log(`${event.uid} | ${event.summary} | ${utc(details.startDate)} | ${utc(details.endDate)}`);
      count += 1;
      if (!event.isRecurring()) break;
    }
  }
}
if (warnings.length) fail('warnings:\n' + warnings.join('\n'));

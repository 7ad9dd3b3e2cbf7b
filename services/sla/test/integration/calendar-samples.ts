/**
 * SAMPLE production calendar files for tests (and the README's example). Not decrees: RU 2027 is
 * the Labour Code's statutory holidays (art. 112) with its automatic moves only (a holiday on a
 * weekend -> the next working day) and the pre-holiday shortened days (art. 95); the 2027 decree's
 * own moves are left out. KZ 2027 is the Law on holidays with the 2026 Constitution Day (15 March).
 */
export const RU_2027_SAMPLE_XML = `<?xml version="1.0" encoding="UTF-8"?>
<calendar year="2027" lang="ru" date="2026.12.01" country="ru">
  <holidays>
    <holiday id="1" title="Новогодние каникулы"/>
    <holiday id="2" title="Рождество Христово"/>
    <holiday id="3" title="День защитника Отечества"/>
    <holiday id="4" title="Международный женский день"/>
    <holiday id="5" title="Праздник Весны и Труда"/>
    <holiday id="6" title="День Победы"/>
    <holiday id="7" title="День России"/>
    <holiday id="8" title="День народного единства"/>
  </holidays>
  <days>
    <day d="01.01" t="1" h="1"/>
    <day d="01.02" t="1" h="1"/>
    <day d="01.03" t="1" h="1"/>
    <day d="01.04" t="1" h="1"/>
    <day d="01.05" t="1" h="1"/>
    <day d="01.06" t="1" h="1"/>
    <day d="01.07" t="1" h="2"/>
    <day d="01.08" t="1" h="1"/>
    <day d="02.22" t="2"/>
    <day d="02.23" t="1" h="3"/>
    <day d="03.08" t="1" h="4"/>
    <day d="04.30" t="2"/>
    <day d="05.01" t="1" h="5"/>
    <day d="05.03" t="1" f="05.01"/>
    <day d="05.09" t="1" h="6"/>
    <day d="05.10" t="1" f="05.09"/>
    <day d="06.11" t="2"/>
    <day d="06.12" t="1" h="7"/>
    <day d="06.14" t="1" f="06.12"/>
    <day d="11.03" t="2"/>
    <day d="11.04" t="1" h="8"/>
  </days>
</calendar>
`;

/** RU 2027 sample with one more day off (31 December), as a changed re-import. */
export const RU_2027_SAMPLE_WITH_DEC_31 = RU_2027_SAMPLE_XML.replace(
  '  </days>',
  '    <day d="12.31" t="1"/>\n  </days>',
);

export const KZ_2027_SAMPLE_JSON = JSON.stringify({
  year: 2027,
  holidays: [
    '2027-01-01',
    '2027-01-02',
    '2027-01-04',
    '2027-01-07',
    '2027-03-08',
    '2027-03-15',
    '2027-03-21',
    '2027-03-22',
    '2027-03-23',
    '2027-03-24',
    '2027-05-01',
    '2027-05-03',
    '2027-05-07',
    '2027-05-09',
    '2027-05-10',
    '2027-07-06',
    '2027-10-25',
    '2027-12-16',
  ],
  workingWeekends: [],
  shortDays: [],
  source: 'SAMPLE for tests: the Law on holidays applied to 2027, no ministry order',
});

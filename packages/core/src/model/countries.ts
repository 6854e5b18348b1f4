/** ISO 3166-1 alpha-2 country codes by name: official short names, common variants, and the inverted forms lists use ("Korea, North"). */

/**
 * [code, English short name, …other names]. Written out rather than derived from Intl.DisplayNames,
 * whose output changes with the ICU version and which maps withdrawn codes (SU, YU, AN) onto current names.
 * The last rows are withdrawn codes (ISO 3166-3, still transitionally reserved) that old list entries carry.
 */
const COUNTRIES: readonly (readonly [string, string, ...string[]])[] = [
  ['AD', 'Andorra'],
  ['AE', 'United Arab Emirates', 'UAE', 'U.A.E.', 'Emirates'],
  ['AF', 'Afghanistan'],
  ['AG', 'Antigua and Barbuda'],
  ['AI', 'Anguilla'],
  ['AL', 'Albania'],
  ['AM', 'Armenia'],
  ['AO', 'Angola'],
  ['AQ', 'Antarctica'],
  ['AR', 'Argentina'],
  ['AS', 'American Samoa'],
  ['AT', 'Austria'],
  ['AU', 'Australia'],
  ['AW', 'Aruba'],
  ['AX', 'Aland Islands', 'Åland Islands'],
  ['AZ', 'Azerbaijan'],
  ['BA', 'Bosnia and Herzegovina', 'Bosnia-Herzegovina', 'Bosnia'],
  ['BB', 'Barbados'],
  ['BD', 'Bangladesh'],
  ['BE', 'Belgium'],
  ['BF', 'Burkina Faso'],
  ['BG', 'Bulgaria'],
  ['BH', 'Bahrain'],
  ['BI', 'Burundi'],
  ['BJ', 'Benin'],
  ['BL', 'Saint Barthelemy', 'St. Barthelemy'],
  ['BM', 'Bermuda'],
  ['BN', 'Brunei', 'Brunei Darussalam'],
  ['BO', 'Bolivia', 'Plurinational State of Bolivia', 'Bolivia (Plurinational State of)'],
  ['BQ', 'Bonaire, Sint Eustatius and Saba', 'Caribbean Netherlands'],
  ['BR', 'Brazil'],
  ['BS', 'Bahamas', 'The Bahamas'],
  ['BT', 'Bhutan'],
  ['BV', 'Bouvet Island'],
  ['BW', 'Botswana'],
  ['BY', 'Belarus', 'Byelorussia'],
  ['BZ', 'Belize'],
  ['CA', 'Canada'],
  ['CC', 'Cocos (Keeling) Islands', 'Cocos Islands'],
  ['CD', 'Democratic Republic of the Congo', 'Congo, Democratic Republic of the', 'DR Congo', 'DRC', 'Congo-Kinshasa', 'Zaire'],
  ['CF', 'Central African Republic'],
  ['CG', 'Republic of the Congo', 'Congo', 'Congo, Republic of the', 'Congo-Brazzaville'],
  ['CH', 'Switzerland'],
  ['CI', "Cote d'Ivoire", 'Ivory Coast', 'Cote d Ivoire'],
  ['CK', 'Cook Islands'],
  ['CL', 'Chile'],
  ['CM', 'Cameroon'],
  ['CN', 'China', "People's Republic of China", 'PRC'],
  ['CO', 'Colombia'],
  ['CR', 'Costa Rica'],
  ['CU', 'Cuba'],
  ['CV', 'Cabo Verde', 'Cape Verde'],
  ['CW', 'Curacao'],
  ['CX', 'Christmas Island'],
  ['CY', 'Cyprus'],
  ['CZ', 'Czechia', 'Czech Republic'],
  ['DE', 'Germany', 'Federal Republic of Germany'],
  ['DJ', 'Djibouti'],
  ['DK', 'Denmark'],
  ['DM', 'Dominica'],
  ['DO', 'Dominican Republic'],
  ['DZ', 'Algeria'],
  ['EC', 'Ecuador'],
  ['EE', 'Estonia'],
  ['EG', 'Egypt'],
  ['EH', 'Western Sahara'],
  ['ER', 'Eritrea'],
  ['ES', 'Spain'],
  ['ET', 'Ethiopia'],
  ['FI', 'Finland'],
  ['FJ', 'Fiji'],
  ['FK', 'Falkland Islands', 'Falkland Islands (Malvinas)'],
  ['FM', 'Micronesia', 'Federated States of Micronesia', 'Micronesia, Federated States of', 'Micronesia (Federated States of)'],
  ['FO', 'Faroe Islands'],
  ['FR', 'France'],
  ['GA', 'Gabon'],
  [
    'GB',
    'United Kingdom',
    'UK',
    'U.K.',
    'Great Britain',
    'Britain',
    'England',
    'Scotland',
    'Wales',
    'Northern Ireland',
    'United Kingdom of Great Britain and Northern Ireland',
  ],
  ['GD', 'Grenada'],
  ['GE', 'Georgia'],
  ['GF', 'French Guiana'],
  ['GG', 'Guernsey'],
  ['GH', 'Ghana'],
  ['GI', 'Gibraltar'],
  ['GL', 'Greenland'],
  ['GM', 'Gambia', 'The Gambia'],
  ['GN', 'Guinea'],
  ['GP', 'Guadeloupe'],
  ['GQ', 'Equatorial Guinea'],
  ['GR', 'Greece'],
  ['GS', 'South Georgia and the South Sandwich Islands'],
  ['GT', 'Guatemala'],
  ['GU', 'Guam'],
  ['GW', 'Guinea-Bissau'],
  ['GY', 'Guyana'],
  ['HK', 'Hong Kong', 'Hong Kong SAR', 'Hong Kong SAR China'],
  ['HM', 'Heard Island and McDonald Islands'],
  ['HN', 'Honduras'],
  ['HR', 'Croatia'],
  ['HT', 'Haiti'],
  ['HU', 'Hungary'],
  ['ID', 'Indonesia'],
  ['IE', 'Ireland', 'Republic of Ireland'],
  ['IL', 'Israel'],
  ['IM', 'Isle of Man', 'Man, Isle of'],
  ['IN', 'India'],
  ['IO', 'British Indian Ocean Territory'],
  ['IQ', 'Iraq'],
  ['IR', 'Iran', 'Islamic Republic of Iran', 'Iran (Islamic Republic of)', 'Iran, Islamic Republic of', 'Persia'],
  ['IS', 'Iceland'],
  ['IT', 'Italy'],
  ['JE', 'Jersey'],
  ['JM', 'Jamaica'],
  ['JO', 'Jordan'],
  ['JP', 'Japan'],
  ['KE', 'Kenya'],
  ['KG', 'Kyrgyzstan', 'Kyrgyz Republic', 'Kirghizia'],
  ['KH', 'Cambodia'],
  ['KI', 'Kiribati'],
  ['KM', 'Comoros'],
  ['KN', 'Saint Kitts and Nevis', 'St. Kitts and Nevis'],
  [
    'KP',
    'North Korea',
    'Korea, North',
    "Democratic People's Republic of Korea",
    "Korea, Democratic People's Republic of",
    'DPRK',
    "Korea (Democratic People's Republic of)",
  ],
  ['KR', 'South Korea', 'Korea, South', 'Republic of Korea', 'Korea, Republic of', 'Korea (Republic of)', 'Korea'],
  ['KW', 'Kuwait'],
  ['KY', 'Cayman Islands'],
  ['KZ', 'Kazakhstan'],
  ['LA', 'Laos', "Lao People's Democratic Republic", 'Lao PDR'],
  ['LB', 'Lebanon'],
  ['LC', 'Saint Lucia', 'St. Lucia'],
  ['LI', 'Liechtenstein'],
  ['LK', 'Sri Lanka'],
  ['LR', 'Liberia'],
  ['LS', 'Lesotho'],
  ['LT', 'Lithuania'],
  ['LU', 'Luxembourg'],
  ['LV', 'Latvia'],
  ['LY', 'Libya', 'Libyan Arab Jamahiriya'],
  ['MA', 'Morocco'],
  ['MC', 'Monaco'],
  ['MD', 'Moldova', 'Republic of Moldova', 'Moldova, Republic of'],
  ['ME', 'Montenegro'],
  ['MF', 'Saint Martin', 'Saint Martin (French part)'],
  ['MG', 'Madagascar'],
  ['MH', 'Marshall Islands'],
  [
    'MK',
    'North Macedonia',
    'Macedonia',
    'Republic of North Macedonia',
    'The Republic of North Macedonia',
    'North Macedonia, The Republic of',
    'The former Yugoslav Republic of Macedonia',
  ],
  ['ML', 'Mali'],
  ['MM', 'Myanmar', 'Burma'],
  ['MN', 'Mongolia'],
  ['MO', 'Macao', 'Macau'],
  ['MP', 'Northern Mariana Islands'],
  ['MQ', 'Martinique'],
  ['MR', 'Mauritania'],
  ['MS', 'Montserrat'],
  ['MT', 'Malta'],
  ['MU', 'Mauritius'],
  ['MV', 'Maldives'],
  ['MW', 'Malawi'],
  ['MX', 'Mexico'],
  ['MY', 'Malaysia'],
  ['MZ', 'Mozambique'],
  ['NA', 'Namibia'],
  ['NC', 'New Caledonia'],
  ['NE', 'Niger'],
  ['NF', 'Norfolk Island'],
  ['NG', 'Nigeria'],
  ['NI', 'Nicaragua'],
  ['NL', 'Netherlands', 'The Netherlands', 'Holland'],
  ['NO', 'Norway'],
  ['NP', 'Nepal'],
  ['NR', 'Nauru'],
  ['NU', 'Niue'],
  ['NZ', 'New Zealand'],
  ['OM', 'Oman'],
  ['PA', 'Panama'],
  ['PE', 'Peru'],
  ['PF', 'French Polynesia'],
  ['PG', 'Papua New Guinea'],
  ['PH', 'Philippines', 'The Philippines'],
  ['PK', 'Pakistan'],
  ['PL', 'Poland'],
  ['PM', 'Saint Pierre and Miquelon'],
  ['PN', 'Pitcairn', 'Pitcairn Islands'],
  ['PR', 'Puerto Rico'],
  [
    'PS',
    'Palestine',
    'State of Palestine',
    'Palestinian Territories',
    'Occupied Palestinian Territory',
    'Palestinian',
    'West Bank',
    'Gaza',
    'Gaza Strip',
    'West Bank and Gaza',
  ],
  ['PT', 'Portugal'],
  ['PW', 'Palau'],
  ['PY', 'Paraguay'],
  ['QA', 'Qatar'],
  ['RE', 'Reunion'],
  ['RO', 'Romania'],
  ['RS', 'Serbia'],
  ['RU', 'Russia', 'Russian Federation'],
  ['RW', 'Rwanda'],
  ['SA', 'Saudi Arabia'],
  ['SB', 'Solomon Islands'],
  ['SC', 'Seychelles'],
  ['SD', 'Sudan'],
  ['SE', 'Sweden'],
  ['SG', 'Singapore'],
  ['SH', 'Saint Helena', 'Saint Helena, Ascension and Tristan da Cunha'],
  ['SI', 'Slovenia'],
  ['SJ', 'Svalbard and Jan Mayen'],
  ['SK', 'Slovakia', 'Slovak Republic'],
  ['SL', 'Sierra Leone'],
  ['SM', 'San Marino'],
  ['SN', 'Senegal'],
  ['SO', 'Somalia'],
  ['SR', 'Suriname'],
  ['SS', 'South Sudan'],
  ['ST', 'Sao Tome and Principe'],
  ['SV', 'El Salvador'],
  ['SX', 'Sint Maarten', 'Sint Maarten (Dutch part)'],
  ['SY', 'Syria', 'Syrian Arab Republic'],
  ['SZ', 'Eswatini', 'Swaziland'],
  ['TC', 'Turks and Caicos Islands'],
  ['TD', 'Chad'],
  ['TF', 'French Southern Territories'],
  ['TG', 'Togo'],
  ['TH', 'Thailand'],
  ['TJ', 'Tajikistan'],
  ['TK', 'Tokelau'],
  ['TL', 'Timor-Leste', 'East Timor'],
  ['TM', 'Turkmenistan'],
  ['TN', 'Tunisia'],
  ['TO', 'Tonga'],
  ['TR', 'Turkey', 'Turkiye', 'Türkiye'],
  ['TT', 'Trinidad and Tobago'],
  ['TV', 'Tuvalu'],
  ['TW', 'Taiwan', 'Taiwan, Province of China', 'Chinese Taipei'],
  ['TZ', 'Tanzania', 'United Republic of Tanzania', 'Tanzania, United Republic of'],
  ['UA', 'Ukraine', 'Crimea'],
  ['UG', 'Uganda'],
  ['UM', 'United States Minor Outlying Islands'],
  ['US', 'United States', 'United States of America', 'USA', 'U.S.A.', 'U.S.', 'US', 'America'],
  ['UY', 'Uruguay'],
  ['UZ', 'Uzbekistan'],
  ['VA', 'Holy See', 'Vatican', 'Vatican City', 'Holy See (Vatican City State)'],
  ['VC', 'Saint Vincent and the Grenadines', 'St. Vincent and the Grenadines'],
  ['VE', 'Venezuela', 'Bolivarian Republic of Venezuela', 'Venezuela (Bolivarian Republic of)'],
  ['VG', 'British Virgin Islands', 'Virgin Islands, British', 'Virgin Islands (British)'],
  ['VI', 'United States Virgin Islands', 'U.S. Virgin Islands', 'Virgin Islands, U.S.', 'Virgin Islands (U.S.)'],
  ['VN', 'Vietnam', 'Viet Nam'],
  ['VU', 'Vanuatu'],
  ['WF', 'Wallis and Futuna'],
  ['WS', 'Samoa'],
  ['XK', 'Kosovo'],
  ['YE', 'Yemen'],
  ['YT', 'Mayotte'],
  ['ZA', 'South Africa'],
  ['ZM', 'Zambia'],
  ['ZW', 'Zimbabwe'],
  // Withdrawn codes (ISO 3166-3): lists still name these for old designations.
  ['AN', 'Netherlands Antilles'],
  ['CS', 'Serbia and Montenegro'],
  ['YU', 'Yugoslavia', 'Federal Republic of Yugoslavia'],
  ['SU', 'Soviet Union', 'USSR', 'Union of Soviet Socialist Republics'],
];

/** Lower case, accents and punctuation dropped, "&" read as "and", a leading "the" dropped. */
function fold(text: string): string {
  // Most input is ASCII: skip the Unicode decomposition for it (lists call this for every country they name).
  const ascii = /^[\x20-\x7e]*$/.test(text) ? text : text.normalize('NFKD').replace(/\p{M}/gu, '');
  return ascii
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .replace(/^the /, '');
}

/** Withdrawn codes: resolvable by name, never accepted as a code a user types. */
const WITHDRAWN: ReadonlySet<string> = new Set(['AN', 'CS', 'YU', 'SU']);

const NAME_OF: ReadonlyMap<string, string> = new Map(COUNTRIES.map(([code, name]) => [code, name]));

const BY_NAME: ReadonlyMap<string, string> = (() => {
  const m = new Map<string, string>();
  // Intl's English names first ("Myanmar (Burma)", "Congo - Kinshasa", "St. Kitts & Nevis"), only for
  // current codes of the table, so the written-out names below win wherever the two disagree.
  const display = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
  for (const code of NAME_OF.keys()) {
    if (WITHDRAWN.has(code)) continue;
    let name: string | undefined;
    try {
      name = display.of(code);
    } catch {
      name = undefined;
    }
    if (!name || name === code) continue;
    m.set(fold(name), code);
    m.set(fold(name.replace(/\s*\(.*\)$|\s+-\s+.*$|\s+SAR China$/, '')), code);
  }
  for (const [code, ...names] of COUNTRIES) {
    for (const n of names) m.set(fold(n), code);
  }
  return m;
})();

/**
 * The ISO 3166-1 alpha-2 code of a country as lists and people write it: the code itself, the English
 * name, a common variant, or an inverted form ("Korea, North", "Bahamas, The", "Virgin Islands, British").
 * A "Region: X" prefix (OFAC) is looked through. Undefined when the text names no known country.
 * @example countryCode('Korea, North') // 'KP'
 */
export function countryCode(text: string): string | undefined {
  const raw = text.trim().replace(/^region:\s*/i, '');
  if (raw === '') return undefined;
  if (/^[A-Za-z]{2}$/.test(raw)) {
    const code = raw.toUpperCase();
    if (NAME_OF.has(code) && !WITHDRAWN.has(code)) return code;
  }
  const direct = BY_NAME.get(fold(raw));
  if (direct) return direct;
  // "Congo, Democratic Republic of the" → "Democratic Republic of the Congo".
  const comma = raw.indexOf(',');
  if (comma > 0 && raw.indexOf(',', comma + 1) < 0) {
    return BY_NAME.get(fold(`${raw.slice(comma + 1)} ${raw.slice(0, comma)}`));
  }
  return undefined;
}

/** The English short name of an ISO alpha-2 code, undefined when unknown. */
export function countryName(code: string): string | undefined {
  return NAME_OF.get(code.toUpperCase());
}

/** Every current code the table knows (ISO 3166-1 and XK; not the withdrawn ones). */
export function countryCodes(): readonly string[] {
  return [...NAME_OF.keys()].filter((c) => !WITHDRAWN.has(c));
}

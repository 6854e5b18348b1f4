/** Word classes of names: honorifics, company legal forms, particles, generic company words, abbreviations. */

const words = (s: string): ReadonlySet<string> => new Set(s.split(/\s+/).filter(Boolean));

/**
 * Titles and honorifics: kept as a feature, never scored as name evidence. Before the first name word
 * every one of them is a title; elsewhere only the unambiguous ones (HONORIFICS_ANYWHERE) are, because
 * "General", "Major", "Imam" or "Hafiz" are also name words.
 */
export const HONORIFICS = words(`
  mr mrs ms miss mister dr doctor prof professor sir dame lord lady rev reverend fr father
  haji hajji hajj alhaj alhajj alhaji mullah mulla mollah maulana mawlana moulana maulvi mawlawi molvi moulvi
  sheikh shaikh sheik shaykh shekh hji hjy mla shikh shykh mulwi mwlwi mwlana hafz imam qari hafiz hafez mufti allama syedna hazrat janab sahib sahab
  gen general col colonel capt captain maj major lt lieutenant brig brigadier cmdr commander sgt sergeant
  eng engr engineer hon honourable honorable excellency
`);

/** Honorifics that are never name words: dropped wherever they stand in a person's name (a reshuffled "Bashir Haji"). */
export const HONORIFICS_ANYWHERE = words(`
  mr mrs ms mister dr prof professor haji hajji hajj alhaj alhajj alhaji mullah mulla mollah maulana mawlana
  moulana maulvi mawlawi molvi moulvi sheikh shaikh sheik shaykh shekh mufti allama hazrat janab excellency
  hji hjy mla shikh shykh mulwi mwlwi mwlana
`);

/** Generational suffixes: weak tokens (they count when both names have them, cost little when one lacks them). */
export const SUFFIXES = words('jr junior sr senior ii iii iv');

/** Company legal forms (their normalised spelling; multi-word forms are joined by the parser). */
export const LEGAL_FORMS = words(`
  llc ltd limited co corp corporation inc incorporated gmbh mbh ooo oao zao pao jsc cjsc ojsc pjsc sal sarl
  pvt private plc sa srl spa bv nv ag kg kgaa ab oy oyj fze fzco fzc fzllc llp lp pte bhd sdn tic as aps asa
  se sas sl slu kft zrt nyrt sro spzoo oü uab tov pat sc scs snc eirl eurl cv pty lda ltda sae saog saoc wll
  company establishment est enterprises sadecv srldecv cia liability joint stock jointstock
`);

/** Particles of names: they carry almost no weight and their absence costs nothing. */
export const PARTICLES = words(`
  al el ul bin ibn bint binti bn ould walad van von der den de da di del della des du dos das la le
  y e ter vd
`);

/**
 * Particles that are also given names or real name words elsewhere (Ben, Da, Le…): a little more
 * weight than the Arabic article, so "Ben Cline" is not "Cline".
 */
export const WEAK_PARTICLES = words('van von der den de da di del della des du dos das la le ter vd');

/** Words of company names that say little on their own: they may support a match, never make one. */
export const GENERIC = words(`
  and the of for trading trade traders general international intl group holding holdings industries industry
  industrial services service enterprise global commercial commerce investment investments development
  import export shipping petroleum oil gas energy construction engineering technology technologies tech
  solutions consulting management partners national united new first bank foundation organization
  organisation association society institute center centre charity charitable trust fund committee
  agency office ministry department network media import exports logistics marine maritime air airlines
  transport company corp corporation limited
  iran iranian iraq iraqi syria syrian russia russian rossii korea korean china chinese lebanon lebanese libya
  libyan yemen yemeni sudan sudanese cuba cuban venezuela afghanistan afghan pakistan belarus ukraine emirates
  arab arabian islamic republic peoples people democratic federal east west north south middle asia europe africa
  american european asian african
`);

/** Abbreviations that lists and users both write: folded to one spelling. */
export const ABBREVIATIONS: ReadonlyMap<string, string> = new Map([
  ['intl', 'international'],
  ['int', 'international'],
  ['internatl', 'international'],
  ['grp', 'group'],
  ['comm', 'communications'],
  ['comms', 'communications'],
  ['communication', 'communications'],
  ['mfg', 'manufacturing'],
  ['svc', 'services'],
  ['svcs', 'services'],
  ['serv', 'services'],
  ['service', 'services'],
  ['natl', 'national'],
  ['assn', 'association'],
  ['assoc', 'association'],
  ['bros', 'brothers'],
  ['ind', 'industries'],
  ['inds', 'industries'],
  ['industry', 'industries'],
  ['tech', 'technology'],
  ['technologies', 'technology'],
  ['dev', 'development'],
  ['invest', 'investment'],
  ['investments', 'investment'],
  ['holdings', 'holding'],
  ['mgmt', 'management'],
  ['trdg', 'trading'],
  ['engg', 'engineering'],
  ['elec', 'electronics'],
  ['ctr', 'center'],
  ['centre', 'center'],
  ['organisation', 'organization'],
  ['st', 'saint'],
  ['ste', 'sainte'],
]);

/** Multi-word legal forms, matched on normalised text before tokenising. */
export const LEGAL_PHRASES: readonly (readonly [RegExp, string])[] = [
  [/\bsdn bhd\b/g, 'sdnbhd'],
  [/\bs a r l\b/g, 'sarl'],
  [/\bg m b h\b/g, 'gmbh'],
  [/\bo o o\b/g, 'ooo'],
  [/\bp j s c\b/g, 'pjsc'],
  [/\bj s c\b/g, 'jsc'],
  [/\bi n c\b/g, 'inc'],
  [/\bs a\b$/g, 'sa'],
  [/\bs p a\b/g, 'spa'],
  [/\bs r l\b/g, 'srl'],
  [/\bl l c\b/g, 'llc'],
  [/\bl t d\b/g, 'ltd'],
  [/\bp l c\b/g, 'plc'],
  [/\bb v\b/g, 'bv'],
  [/\bn v\b/g, 'nv'],
  [/\bpvt ltd\b/g, 'pvt ltd'],
  [/\bpublic joint stock company\b/g, 'pjsc'],
  [/\bclosed joint stock company\b/g, 'cjsc'],
  [/\bopen joint stock company\b/g, 'ojsc'],
  [/\bjoint stock company\b/g, 'jsc'],
  [/\blimited liability company\b/g, 'llc'],
  [/\blimited liability partnership\b/g, 'llp'],
  [/\bprivate limited\b/g, 'pvt ltd'],
  [/\bfree zone establishment\b/g, 'fze'],
  [/\bfree zone company\b/g, 'fzco'],
  [/\bs a de c v\b/g, 'sadecv'],
  [/\bsp z o ?o\b/g, 'spzoo'],
  [/\bs de r ?l de c ?v\b/g, 'srldecv'],
  [/\bsa de cv\b/g, 'sadecv'],
  [/\bobshchestvo s ogranichennoy otvetstvennostyu\b/g, 'ooo'],
  [/\btovarystvo z obmezhenoyu vidpovidalnistyu\b/g, 'tov'],
  [/\bgesellschaft mit beschrankter haftung\b/g, 'gmbh'],
  [/\bsociete anonyme\b/g, 'sa'],
];

/** Legal-form abbreviations that are also name words (Sa, Ab, As, Co…): stripped only from organisation names. */
export const AMBIGUOUS_LEGAL_FORMS = words('sa ab as ag kg se sl oy co est tic pat sc cv lda spa sas snc sc scs tov ao cia joint stock');

/**
 * Given names so common across the lists that they identify little; used as weights when two names
 * are compared without an index (an index knows real frequencies).
 */
export const COMMON_GIVEN = words(`
  muhammad ahmad ali abdallah hasan hussain ibrahim yusuf umar uthman mahmud mustafa khalid said sayyid abu
  abd abdrahman jamal karim hamid rashid nasir qasim ismail fatima aisha maryam khan shah kim lee park choi
  jong wang li zhang liu chen yang john james david michael robert maria jose juan carlos luis ana
  alexander sergei vladimir andrei nikolai mikhail ivan igor
`);

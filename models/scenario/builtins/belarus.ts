/**
 * The bargaining over Belarus, 2025–2026: ten actors, fourteen dimensions, the assets each
 * actor controls and the moves they allow. Built from two source texts: seed 000 (each actor's
 * ideal and minimum and the feature it brings to a common core) and seed 003 (the
 * prisoners-for-potash deal of 13 December 2025 and why Moscow tolerates it). Positions on
 * unitless dimensions are modelling judgements and say so in their source notes.
 *
 * The scenario opens just before 13 December 2025, so the December sequence can be played.
 */

const S000 = 'seed:000_fc051cb1ba4df906';
const S003 = 'seed:003_148a42c688826826';
const A = 'assumption:';

/** Scaled units for the dimensions with natural units. */
const PRISONERS_MAX = 1500;
const POTASH_MAX = 14; // Mt/yr: 12 at the pre-2021 peak plus 2 from Nezhinsky
const prisoners = (n: number) => +(n / PRISONERS_MAX).toFixed(6);
const potash = (mt: number) => +(mt / POTASH_MAX).toFixed(6);

const dimensions = [
  {
    id: 'sovereignty',
    label: 'Separateness',
    description: 'How far Belarus is a state of its own rather than a part of the Russian system.',
    low: 'absorbed into Russia',
    high: 'fully separate state',
    source: `${S000} §4.1–4.2 (separateness as a regime resource; Russia's integration project); position ${A} judgement`,
  },
  {
    id: 'russian_military',
    label: 'Russian military use',
    description: 'How far Russia uses Belarusian territory for troops, bases and missiles.',
    low: 'no Russian forces',
    high: 'forward base with missiles likened to nuclear weapons',
    source: `${S003} (Union State agreements after 2020 let Moscow deploy troops and scale up fast; Oreshnik); position ${A} judgement`,
  },
  {
    id: 'western_alignment',
    label: 'Western alignment',
    description: 'Foreign-policy orientation between the Russian orbit and the West.',
    low: 'wholly in the Russian orbit',
    high: 'anchored in the EU and NATO',
    source: `${S000} §4.2–4.3 ("no Western drift"; Ukraine's ideal of a European Belarus); position ${A} judgement`,
  },
  {
    id: 'democracy',
    label: 'Democracy',
    description: 'The political order, from personal rule to a democratic state.',
    low: 'consolidated personal rule',
    high: 'full democracy',
    source: `${S000} §4.1, §4.5 (personal rule; the EU's normative maximum); position ${A} judgement`,
  },
  {
    id: 'prisoners',
    label: 'Political prisoners',
    description: 'Political prisoners held by the regime.',
    low: 'none held',
    high: `${PRISONERS_MAX} held`,
    unit: { name: 'prisoners', at0: 0, at1: PRISONERS_MAX },
    source: `${S003} (123 released on 13 Dec 2025; Viasna counts more than a thousand still held); scale top ${A} headroom above today's count`,
  },
  {
    id: 'potash',
    label: 'Potash exports',
    description: 'Belarusian potash exports per year.',
    low: 'none',
    high: `${POTASH_MAX} Mt/yr`,
    unit: { name: 'Mt/yr', at0: 0, at1: POTASH_MAX },
    source: `${S003} (10–12 Mt/yr before 2021, 8–9 Mt/yr now) and ${S000} (Nezhinsky adds up to 2 Mt/yr)`,
  },
  {
    id: 'sanctions',
    label: 'Western sanctions',
    description: 'Combined weight of US potash sanctions, EU/UK trade restrictions and bank restrictions.',
    low: 'no sanctions',
    high: 'full US, EU and UK sanctions with bank restrictions',
    source: `${S003} (US blocking sanctions on potash firms, EU/UK trade restrictions since 2021, expanding bank restrictions); weights ${A} judgement`,
  },
  {
    id: 'transit',
    label: 'Transit via Lithuania',
    description: 'Share of potash shipped through Lithuania and the port of Klaipeda.',
    low: 'Klaipeda closed',
    high: 'Klaipeda fully open',
    unit: { name: '% via Klaipeda', at0: 0, at1: 100 },
    source: `${S003} (Klaipeda was effectively the only export route from 2009 until Lithuania halted transit in 2022)`,
  },
  {
    id: 'border',
    label: 'Border openness',
    description: 'How open the land border with Poland, Lithuania and Latvia is.',
    low: 'sealed',
    high: 'open crossings, no buffer zone',
    source: `${S000} §4.4 (4 Poland–Belarus crossings open with limits; a 78 km buffer zone up to 3 km deep); position ${A} judgement`,
  },
  {
    id: 'escalation',
    label: 'Escalation risk',
    description: 'Risk of military incidents, a second front or a border crisis.',
    low: 'calm',
    high: 'open confrontation',
    source: `${S000} §4.3–4.5 (Ukrainian warnings and Minsk's counter-threats, May–June 2026; the EU's demand for no new crises); position ${A} judgement`,
  },
  {
    id: 'chinese_stake',
    label: 'Chinese stake',
    description: 'Depth of China\'s economic and institutional presence.',
    low: 'none',
    high: 'a major Chinese industrial node',
    source: `${S000} §4.1, §4.7 (Nezhinsky: China Development Bank loan of $1.4 bn in 2016; SCO; industrial projects); position ${A} judgement`,
  },
  {
    id: 'russian_dependence',
    label: 'Economic dependence on Russia',
    description: 'Dependence on Russian energy, markets and export routes.',
    low: 'independent economy',
    high: 'fully dependent',
    source: `${S003} (almost all oil and gas from Russia at preferential prices; about two-thirds of trade with Russia; exports rerouted through Russian infrastructure); position ${A} judgement`,
  },
  {
    id: 'engagement',
    label: 'Western engagement',
    description: 'Working diplomatic channels between Minsk and Western capitals.',
    low: 'isolation',
    high: 'normal relations',
    source: `${S000} §4.5–4.6 (Macron's call to Lukashenka; US deal-making on prisoners and potash); position ${A} judgement`,
  },
  {
    id: 'western_cohesion',
    label: 'Western unity',
    description: 'How far Washington, Brussels and the neighbours hold one line on Belarus (sanctions, transit, recognition).',
    low: 'split: each capital deals alone',
    high: 'one line, held together',
    source: `${S003} (US pressure on Europe over sanctions and Klaipeda would strain transatlantic ties and split the EU on Russia, which Moscow would welcome); position ${A} judgement`,
  },
] as const;

type Dim = (typeof dimensions)[number]['id'];
type Point = Record<Dim, number>;

const initialState: Point = {
  sovereignty: 0.5,
  russian_military: 0.6,
  western_alignment: 0.12,
  democracy: 0.05,
  prisoners: prisoners(1230),
  potash: potash(8.5),
  sanctions: 0.85,
  transit: 0,
  border: 0.35,
  escalation: 0.5,
  chinese_stake: 0.4,
  russian_dependence: 0.75,
  engagement: 0.15,
  western_cohesion: 0.75,
};

const facts = [
  { id: 'released_13_dec_2025', label: 'Political prisoners released on 13 Dec 2025', value: 123, unit: 'prisoners', source: S003 },
  { id: 'prisoners_after_release', label: 'Political prisoners still held after the release (Viasna: more than a thousand)', value: 1107, unit: 'prisoners', source: `${S003}; the exact figure is ${A} 1,230 before minus 123` },
  { id: 'us_sanctioned_potash_firms', label: 'Potash companies whose 2021 US sanctions were partly lifted', value: 3, unit: 'companies', source: S003 },
  { id: 'potash_exports_pre_2021_low', label: 'Potash exports before 2021, low estimate', value: 10, unit: 'Mt/yr', source: S003 },
  { id: 'potash_exports_pre_2021_high', label: 'Potash exports before 2021, high estimate', value: 12, unit: 'Mt/yr', source: S003 },
  { id: 'potash_exports_now_low', label: 'Potash exports now, low estimate', value: 8, unit: 'Mt/yr', source: S003 },
  { id: 'potash_exports_now_high', label: 'Potash exports now, high estimate', value: 9, unit: 'Mt/yr', source: S003 },
  { id: 'global_potash_share_pre_2021', label: 'Belarus\'s share of world potash output before 2021', value: 20, unit: '%', source: S003 },
  { id: 'nezhinsky_capacity', label: 'Nezhinsky plant capacity', value: 2, unit: 'Mt KCl/yr', source: S000 },
  { id: 'nezhinsky_reserves', label: 'Nezhinsky ore reserves', value: 1.3, unit: 'bn t', source: S000 },
  { id: 'cdb_loan', label: 'China Development Bank loan for Nezhinsky (2016)', value: 1.4, unit: 'bn USD', source: S000 },
  { id: 'cdb_loan_year', label: 'Year of the China Development Bank loan', value: 2016, unit: 'year', source: S000 },
  { id: 'klaipeda_closed_since', label: 'Year Lithuania halted potash transit via Klaipeda', value: 2022, unit: 'year', source: S003 },
  { id: 'klaipeda_sole_route_since', label: 'Year since which Klaipeda was the effective sole export route', value: 2009, unit: 'year', source: S003 },
  { id: 'pl_by_crossings_open', label: 'Poland–Belarus border crossings open (with restrictions)', value: 4, unit: 'crossings', source: S000 },
  { id: 'buffer_zone_length', label: 'Length of Poland\'s buffer zone', value: 78, unit: 'km', source: S000 },
  { id: 'buffer_zone_depth', label: 'Depth of Poland\'s buffer zone, at most', value: 3, unit: 'km', source: S000 },
  { id: 'trade_share_russia', label: 'Share of Belarus\'s trade with Russia (about two-thirds)', value: 67, unit: '%', source: S003 },
  { id: 'belaruskali_top_four', label: 'Belaruskali ranked among the world\'s four largest potash producers before 2021 (with Uralkali, Nutrien and Mosaic)', value: 4, unit: 'rank (at most)', source: S003 },
  { id: 'nezhinsky_guarantee', label: 'Nezhinsky loan guaranteed by the government of Belarus and insured by Sinosure (1 = yes)', value: 1, unit: 'yes/no', source: S000 },
  { id: 'buffer_zone_until', label: 'Poland\'s buffer zone extended until 31 Aug 2026 (year)', value: 2026, unit: 'year', source: S000 },
  { id: 'crossing_terespol', label: 'Terespol crossing (E30, Warsaw Bridge): cars, minibuses and coaches only (passenger lanes)', value: 3, unit: 'vehicle classes', source: `${S000} §4.4` },
  { id: 'crossing_kukuryki', label: 'Kukuryki–Kazlovichy crossing: heavy freight only', value: 1, unit: 'vehicle classes', source: `${S000} §4.4` },
  { id: 'crossing_bobrowniki', label: 'Bobrowniki–Bierastavica crossing: cars, buses and trucks registered in the EU and some other European states', value: 3, unit: 'vehicle classes', source: `${S000} §4.4` },
  { id: 'crossing_kuznica', label: 'Kuznica–Bruzgi crossing: cars only', value: 1, unit: 'vehicle classes', source: `${S000} §4.4` },
  { id: 'oreshnik_days_after_deal', label: 'Days from the US deal to the Oreshnik announcement (less than a week)', value: 6, unit: 'days', source: `${S003}; "less than a week", the exact count is ${A}` },
];

/** Constraint ids are slugs of their labels without the actor prefix: "no-western-drift". */
const slug = (label: string) =>
  label.replace(/^[^:]*:\s*/, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 48);
const le = (label: string, coeffs: Partial<Point>, rhs: number, tags: string[], source: string) => ({
  id: slug(label),
  label,
  coeffs,
  op: '<=' as const,
  rhs,
  tags,
  source,
});
const ge = (label: string, coeffs: Partial<Point>, rhs: number, tags: string[], source: string) => ({
  ...le(label, coeffs, rhs, tags, source),
  op: '>=' as const,
});

/**
 * "Reliability" read as most actors read it (seed 000 §4.2): a limit on Russia's military use of
 * Belarus. Today's presence (0.6) is tolerated; a forward deployment beyond it is not. Moscow's
 * own reading, control, wants more than this (RUSSIAN_CONTROL below): the homonym is the test.
 */
const RELIABILITY_LIMIT = 0.62;
/** Under the control reading, Moscow secures its military orientation with a forward presence (Oreshnik). */
const RUSSIAN_CONTROL = 0.65;

/** The neighbours share one reading of the core: a controllable border and no exported instability. */
const neighbourMinimum = (who: string) => [
  le(`${who}: no exported instability`, { escalation: 1 }, 0.6, ['predictable', 'no-escalation'], `${S000} §4.4 (Belarus must not export instability); bound ${A}`),
  le(`${who}: the border stays controllable`, { border: 1, escalation: 1 }, 1.0, ['controllable-border'], `${S000} §4.4 (a controllable border; "the harder logic of risk prevails"); form and bound ${A}`),
  le(`${who}: Russia's military function limited`, { russian_military: 1 }, RELIABILITY_LIMIT, ['non-aggressive', 'limit-on-russian-military'], `${S000} §4.2, §4.4 (for most actors "reliability" means a limit on Russia's military function; Belarus no source of military threat); bound ${A}`),
];

const actors = [
  {
    id: 'regime',
    name: 'Lukashenka regime',
    short: 'Regime',
    description: 'Personal rule in Minsk. Wants a recognised state with several patrons; sells prisoners, potash, transit and signals as one package.',
    ideal: { sovereignty: 0.85, russian_military: 0.35, western_alignment: 0.35, democracy: 0, prisoners: 1, potash: 1, sanctions: 0, transit: 1, border: 0.6, escalation: 0.25, chinese_stake: 0.7, russian_dependence: 0.45, engagement: 0.8, western_cohesion: 0.3 },
    salience: { sovereignty: 0.15, russian_military: 0.04, western_alignment: 0.03, democracy: 0.15, prisoners: 0.1, potash: 0.11, sanctions: 0.11, transit: 0.05, border: 0.02, escalation: 0.05, chinese_stake: 0.04, russian_dependence: 0.05, engagement: 0.08, western_cohesion: 0.02 },
    minimum: [
      ge('Regime: a separate Belarus', { sovereignty: 1 }, 0.4, ['separate'], `${S000} §4.1 ("a separate Belarus in which his power is reproduced")`),
      le('Regime: its power is reproduced', { democracy: 1 }, 0.2, ['authoritarian'], `${S000} §4.1`),
      le('Regime: no direct front with Ukraine', { escalation: 1 }, 0.75, ['no-second-front'], `${S000} §4.3 (neither Kyiv nor Lukashenka needs a direct front); bound ${A}`),
    ],
    leverage: [{ asset: 'political_prisoners', dimension: 'prisoners', held: 'high', source: `${S000} §4.1, §4.6 (Minsk sells prisoners, transit and signals as one package, a portfolio of functions); ${S003} (123 released for potash relief); holding value ${A}` }],
    capability: 0.5,
    patience: 0.9,
    colour: '#8c564b',
    source: `${S000} §4.1, ${S003}; weights and bounds ${A} judgement`,
  },
  {
    id: 'russia',
    name: 'Russia',
    short: 'Russia',
    description: 'Wants Belarus inside its military, political and economic system; at the least a loyal neighbour without Western drift whose military orientation it controls.',
    ideal: { sovereignty: 0.1, russian_military: 1, western_alignment: 0, democracy: 0, prisoners: 0.5, potash: 0.6, sanctions: 0.5, transit: 0, border: 0.3, escalation: 0.45, chinese_stake: 0.2, russian_dependence: 1, engagement: 0.3, western_cohesion: 0 },
    salience: { sovereignty: 0.2, russian_military: 0.2, western_alignment: 0.2, democracy: 0.08, prisoners: 0, potash: 0.02, sanctions: 0, transit: 0.03, border: 0.01, escalation: 0.04, chinese_stake: 0.04, russian_dependence: 0.09, engagement: 0, western_cohesion: 0.09 },
    minimum: [
      le('Russia: no Western drift', { western_alignment: 1 }, 0.2, ['non-western'], `${S000} §4.2`),
      ge('Russia: military orientation under its control', { russian_military: 1 }, RUSSIAN_CONTROL, ['russian-control'], `${S000} §4.2 (reliability as control); ${S003} (Oreshnik announced within a week of the US deal; Union State agreements let Moscow scale up); bound ${A}`),
      le('Russia: separate in name only', { sovereignty: 1 }, 0.6, ['russian-control'], `${S000} §4.2 ("a nominally separate Belarus may be enough"); bound ${A}`),
      le('Russia: no democratic breakthrough', { democracy: 1 }, 0.3, ['authoritarian'], `${S003} (Putin's support keeps Lukashenka in power since 2020); bound ${A}`),
    ],
    capability: 1,
    patience: 0.95,
    colour: '#d62728',
    source: `${S000} §4.2, ${S003}; weights and bounds ${A} judgement`,
  },
  {
    id: 'ukraine',
    name: 'Ukraine',
    short: 'Ukraine',
    description: 'Ideally a European Belarus out of the Russian military system; at the least no second front from Belarusian territory.',
    ideal: { sovereignty: 1, russian_military: 0, western_alignment: 1, democracy: 1, prisoners: 0, potash: 0.3, sanctions: 1, transit: 0, border: 0.5, escalation: 0, chinese_stake: 0.3, russian_dependence: 0, engagement: 0.2, western_cohesion: 1 },
    salience: { sovereignty: 0.1, russian_military: 0.28, western_alignment: 0.1, democracy: 0.08, prisoners: 0.03, potash: 0.04, sanctions: 0.08, transit: 0.01, border: 0.01, escalation: 0.18, chinese_stake: 0.01, russian_dependence: 0.03, engagement: 0.01, western_cohesion: 0.04 },
    minimum: [
      le('Ukraine: no second front', { escalation: 1 }, 0.6, ['no-second-front', 'non-aggressive'], `${S000} §4.3 (Kyiv's minimum: no second front from Belarusian territory); bound ${A}`),
      le('Ukraine: Russia\'s military function limited', { russian_military: 1 }, RELIABILITY_LIMIT, ['no-second-front', 'limit-on-russian-military'], `${S000} §4.2–4.3 (reliability as a limit on Russia's military function); bound ${A}`),
    ],
    capability: 0.45,
    patience: 0.8,
    colour: '#1f77b4',
    source: `${S000} §4.3; weights and bounds ${A} judgement`,
  },
  {
    id: 'poland',
    name: 'Poland',
    short: 'Poland',
    description: 'A hub of the diaspora with a values goal, but at the least a controllable border: buffer zone, limited crossings.',
    ideal: { sovereignty: 0.9, russian_military: 0, western_alignment: 0.8, democracy: 0.9, prisoners: 0, potash: 0.4, sanctions: 0.8, transit: 0.3, border: 0.5, escalation: 0, chinese_stake: 0.3, russian_dependence: 0.1, engagement: 0.3, western_cohesion: 1 },
    salience: { sovereignty: 0.08, russian_military: 0.19, western_alignment: 0.06, democracy: 0.09, prisoners: 0.05, potash: 0.01, sanctions: 0.05, transit: 0.01, border: 0.14, escalation: 0.23, chinese_stake: 0.01, russian_dependence: 0.02, engagement: 0.01, western_cohesion: 0.05 },
    minimum: neighbourMinimum('Poland'),
    capability: 0.35,
    patience: 0.8,
    colour: '#e377c2',
    source: `${S000} §4.4; weights ${A} judgement`,
  },
  {
    id: 'lithuania',
    name: 'Lithuania',
    short: 'Lithuania',
    description: 'Hosts the democratic forces and controls Klaipeda; cautious on potash transit when values meet security costs.',
    ideal: { sovereignty: 0.9, russian_military: 0, western_alignment: 0.8, democracy: 0.9, prisoners: 0, potash: 0.3, sanctions: 0.85, transit: 0, border: 0.45, escalation: 0, chinese_stake: 0.3, russian_dependence: 0.1, engagement: 0.25, western_cohesion: 1 },
    salience: { sovereignty: 0.08, russian_military: 0.19, western_alignment: 0.06, democracy: 0.09, prisoners: 0.05, potash: 0.01, sanctions: 0.05, transit: 0.06, border: 0.11, escalation: 0.23, chinese_stake: 0.01, russian_dependence: 0.01, engagement: 0.01, western_cohesion: 0.04 },
    minimum: neighbourMinimum('Lithuania'),
    leverage: [{ asset: 'klaipeda_transit', dimension: 'transit', held: 'low', source: `${S003} (Klaipeda closed since 2022; reopening it is what Minsk counts on US pressure for); ${S000} §4.6 (transit as an object of bargaining); holding value ${A}` }],
    capability: 0.2,
    patience: 0.8,
    colour: '#bcbd22',
    source: `${S000} §4.4, ${S003} (transit halted in 2022); weights ${A} judgement`,
  },
  {
    id: 'latvia',
    name: 'Latvia',
    short: 'Latvia',
    description: 'A neighbour that reads the core most simply: Belarus must be predictable and export no instability.',
    ideal: { sovereignty: 0.9, russian_military: 0, western_alignment: 0.75, democracy: 0.85, prisoners: 0, potash: 0.4, sanctions: 0.75, transit: 0.3, border: 0.5, escalation: 0, chinese_stake: 0.3, russian_dependence: 0.1, engagement: 0.3, western_cohesion: 1 },
    salience: { sovereignty: 0.08, russian_military: 0.19, western_alignment: 0.06, democracy: 0.07, prisoners: 0.04, potash: 0.01, sanctions: 0.05, transit: 0.02, border: 0.14, escalation: 0.27, chinese_stake: 0.01, russian_dependence: 0.01, engagement: 0.01, western_cohesion: 0.04 },
    minimum: neighbourMinimum('Latvia'),
    capability: 0.15,
    patience: 0.8,
    colour: '#17becf',
    source: `${S000} §4.4; weights ${A} judgement`,
  },
  {
    id: 'eu',
    name: 'European Union',
    short: 'EU',
    description: 'A normative maximum (rights, prisoners freed, a democratic transition) and a pragmatic minimum: no new crises on its eastern edge.',
    ideal: { sovereignty: 0.9, russian_military: 0, western_alignment: 0.8, democracy: 1, prisoners: 0, potash: 0.3, sanctions: 1, transit: 0.2, border: 0.5, escalation: 0, chinese_stake: 0.2, russian_dependence: 0, engagement: 0.3, western_cohesion: 1 },
    salience: { sovereignty: 0.05, russian_military: 0.09, western_alignment: 0.05, democracy: 0.18, prisoners: 0.14, potash: 0.02, sanctions: 0.1, transit: 0.01, border: 0.04, escalation: 0.18, chinese_stake: 0.01, russian_dependence: 0.03, engagement: 0.03, western_cohesion: 0.07 },
    minimum: [le('EU: no new crises on the eastern periphery', { escalation: 1 }, 0.6, ['no-escalation'], `${S000} §4.5; bound ${A}`)],
    leverage: [{ asset: 'eu_uk_sanctions', dimension: 'sanctions', held: 'high', source: `${S003} (EU/UK sanctions stay; easing only conceivable in wider talks with the US); holding value ${A}` }],
    capability: 0.7,
    patience: 0.85,
    colour: '#2ca02c',
    source: `${S000} §4.5, ${S003} (EU/UK keep their sanctions); weights ${A} judgement`,
  },
  {
    id: 'us',
    name: 'United States',
    short: 'US',
    description: 'No stated doctrine; transactional. At the least a Belarus it can make deals with on prisoners, sanctions, transit, raw materials and channels.',
    ideal: { sovereignty: 0.6, russian_military: 0.3, western_alignment: 0.4, democracy: 0.5, prisoners: 0, potash: 0.8, sanctions: 1, transit: 0.6, border: 0.5, escalation: 0.2, chinese_stake: 0.2, russian_dependence: 0.5, engagement: 0.8, western_cohesion: 0.5 },
    salience: { sovereignty: 0.04, russian_military: 0.04, western_alignment: 0.04, democracy: 0.04, prisoners: 0.22, potash: 0.08, sanctions: 0.18, transit: 0.03, border: 0.02, escalation: 0.08, chinese_stake: 0.03, russian_dependence: 0.02, engagement: 0.17, western_cohesion: 0.01 },
    minimum: [ge('US: a Belarus it can make deals with', { engagement: 1 }, 0.1, ['deal-capable'], `${S000} §4.6; bound ${A}`)],
    leverage: [{ asset: 'us_potash_sanctions', dimension: 'sanctions', held: 'high', source: `${S003} (partial potash relief traded for 123 releases); ${S000} §4.6 (carrot and stick); holding value ${A}` }],
    capability: 0.9,
    patience: 0.7,
    colour: '#9467bd',
    source: `${S000} §4.6, ${S003} (potash interest: Canada talks, PR, possible private interests); weights ${A} judgement`,
  },
  {
    id: 'china',
    name: 'China',
    short: 'China',
    description: 'A stable logistical and industrial node in the west; at the least a solvent, predictable Belarus that creates no conflict with Moscow.',
    ideal: { sovereignty: 0.6, russian_military: 0.4, western_alignment: 0.2, democracy: 0, prisoners: 0.5, potash: 1, sanctions: 0, transit: 0.5, border: 0.5, escalation: 0.1, chinese_stake: 1, russian_dependence: 0.5, engagement: 0.4, western_cohesion: 0.5 },
    salience: { sovereignty: 0.05, russian_military: 0.02, western_alignment: 0.08, democracy: 0.01, prisoners: 0, potash: 0.2, sanctions: 0.1, transit: 0.03, border: 0.01, escalation: 0.15, chinese_stake: 0.29, russian_dependence: 0.04, engagement: 0.01, western_cohesion: 0.01 },
    minimum: [
      ge('China: a solvent Belarus', { potash: 1 }, 0.45, ['profitable'], `${S000} §4.7 ("solvent and predictable"); bound ${A} (about 6.3 Mt/yr)`),
      le('China: a predictable Belarus', { escalation: 1 }, 0.6, ['stable'], `${S000} §4.7; bound ${A}`),
      le('China: no conflict with Moscow', { western_alignment: 1 }, 0.4, ['non-western'], `${S000} §4.7 (no Chinese counterweight to Russia); bound ${A}`),
    ],
    capability: 0.8,
    patience: 0.95,
    colour: '#ff7f0e',
    source: `${S000} §4.1, §4.7; weights ${A} judgement`,
  },
  {
    id: 'opposition',
    name: 'Belarusian democratic forces',
    short: 'Opposition',
    description: 'The democratic forces in exile: a democratic Belarus and the release of political prisoners.',
    ideal: { sovereignty: 1, russian_military: 0, western_alignment: 0.9, democracy: 1, prisoners: 0, potash: 0.3, sanctions: 0.7, transit: 0.3, border: 0.8, escalation: 0, chinese_stake: 0.2, russian_dependence: 0, engagement: 0.3, western_cohesion: 1 },
    salience: { sovereignty: 0.1, russian_military: 0.07, western_alignment: 0.05, democracy: 0.29, prisoners: 0.25, potash: 0.01, sanctions: 0.05, transit: 0.01, border: 0.04, escalation: 0.05, chinese_stake: 0.01, russian_dependence: 0.03, engagement: 0.02, western_cohesion: 0.02 },
    minimum: [
      ge('Opposition: a democratic opening', { democracy: 1 }, 0.5, ['democratic'], `${S000} §4.1 (predictability through irremovability is unacceptable to them); bound ${A}`),
      le('Opposition: political prisoners freed', { prisoners: 1 }, prisoners(150), ['democratic', 'prisoners-freed'], `${S003} (no let-up in repression); bound ${A}`),
    ],
    capability: 0.15,
    patience: 0.9,
    colour: '#7f7f7f',
    source: `${S000} §4.1, §4.3, §4.6; weights and bounds ${A} judgement`,
  },
];

const asset = (id: string, name: string, owner: string, description: string, source: string, extra: object = {}) => ({
  id,
  name,
  owner,
  description,
  source,
  ...extra,
});

const assets = [
  asset('political_prisoners', 'Political prisoners', 'regime', 'People held for political reasons: the regime releases them in batches for concessions.', S003, { quantity: 1230 }),
  asset('potash_routes', 'Potash export routes', 'regime', 'Belaruskali\'s sales, now shipped through Russian infrastructure, largely to China.', S003),
  asset('territory_hosting', 'Hosting Russian deployments', 'regime', 'Consent to Russian troops and missiles on Belarusian soil.', S003),
  asset('border_pressure', 'Pressure on the western border', 'regime', 'Instrumented migration and incidents at the border, as in the 2021 crisis.', `${S000} §4.4`),
  asset('oreshnik', 'Oreshnik missile deployment', 'russia', 'Russia\'s medium-range ballistic missile, announced for Belarus less than a week after the US deal.', S003, { coOwners: ['regime'] }),
  asset('russian_troops', 'Russian troops in Belarus', 'russia', 'Forces that Union State agreements let Moscow deploy and scale up quickly; two surges are ready.', `${S003}; the number of surges ${A}`, { quantity: 2 }),
  asset('energy_subsidies', 'Energy subsidies', 'russia', 'Oil and gas at preferential prices: nearly all of Belarus\'s supply.', S003),
  asset('us_potash_sanctions', 'US potash sanctions', 'us', 'US blocking sanctions of 2021 on Belaruskali and two other potash companies.', S003),
  asset('us_channel', 'US envoy channel', 'us', 'A direct line for deals on prisoners, sanctions, transit and security.', `${S000} §4.6`),
  asset('eu_uk_sanctions', 'EU/UK trade sanctions', 'eu', 'Trade restrictions on Belarusian potash and other goods, in force since 2021.', S003),
  asset('bank_restrictions', 'Bank restrictions', 'eu', 'Restrictions on Belarusian banks that complicate export payments and financing.', S003),
  asset('paris_channel', 'A call from Paris', 'eu', 'Non-public contacts and calls by member states, such as Macron\'s call to Lukashenka.', `${S000} §4.5`),
  asset('klaipeda_transit', 'Klaipeda transit', 'lithuania', 'Transit of Belarusian fertiliser through Lithuania and the port of Klaipeda, halted in 2022.', S003),
  asset('lt_border', 'Lithuanian border regime', 'lithuania', 'Crossings and restrictions on the Lithuania–Belarus border.', `${S000} §4.4`),
  asset('polish_crossings', 'Polish border crossings', 'poland', 'Four crossings open with limits: Terespol, Kukuryki–Kazlovichy, Bobrowniki–Bierastavica, Kuznica–Bruzgi.', `${S000} §4.4`, { quantity: 4 }),
  asset('buffer_zone', 'Buffer zone', 'poland', 'A 78 km strip up to 3 km deep along the border, extended until 31 Aug 2026.', `${S000} §4.4`),
  asset('lv_border', 'Latvian border regime', 'latvia', 'Crossings and restrictions on the Latvia–Belarus border.', `${A} Latvia's border is not detailed in the texts`),
  asset('sanctions_diplomacy', 'Sanctions diplomacy', 'ukraine', 'Kyiv\'s own sanctions line and its lobbying against easing potash pressure.', `${S000} §4.3`),
  asset('northern_defence', 'Northern defence', 'ukraine', 'Warnings and defensive deployments on the Belarusian border.', `${S000} §4.3`),
  asset('nezhinsky_credit', 'Credit for Nezhinsky', 'china', 'China Development Bank financing ($1.4 bn, 2016; guaranteed by the Belarusian government, insured by Sinosure) for the Nezhinsky plant: up to 2 Mt/yr of new capacity, 1 Mt per tranche.', S000, { quantity: 2 }),
  asset('investment', 'Chinese investment', 'china', 'Industrial projects and institutional ties (SCO).', `${S000} §4.7`),
  asset('diaspora_voice', 'Voice of the democratic forces', 'opposition', 'Advocacy in Vilnius, Warsaw and Western capitals.', `${S000} §4.4`),
];

type MoveSpec = {
  id: string;
  actor: string;
  label: string;
  description: string;
  asset?: string;
  consumes?: boolean;
  uses?: number;
  effects: ({ dimension: Dim; delta: number } | { dimension: Dim; set: number })[];
  preconditions?: { dimension: Dim; op: '<=' | '>='; value: number }[];
  tone: 'cooperative' | 'neutral' | 'hostile';
  targets?: string[];
  postures?: ('engaged' | 'hedging' | 'hardline' | 'walkedAway')[];
  source: string;
};
const d = (dimension: Dim, delta: number) => ({ dimension, delta: +delta.toFixed(6) });
const set = (dimension: Dim, value: number) => ({ dimension, set: value });
const NEIGHBOURS = ['poland', 'lithuania', 'latvia'];
const CONCILIATORY: MoveSpec['postures'] = ['engaged', 'hedging'];

const release = (n: number, engagement: number, extra: MoveSpec['effects'] = []): MoveSpec => ({
  id: `release_${n}`,
  actor: 'regime',
  label: `Release ${n} political prisoners`,
  description: `Free ${n} political prisoners as a down payment on a deal.`,
  asset: 'political_prisoners',
  uses: n,
  effects: [d('prisoners', -n / PRISONERS_MAX), d('engagement', engagement), ...extra],
  preconditions: [{ dimension: 'prisoners', op: '>=', value: prisoners(n) }],
  tone: 'cooperative',
  targets: ['us', 'eu', 'opposition', 'lithuania'],
  postures: CONCILIATORY,
  source: n === 123 ? `${S003} (13 Dec 2025)` : `${S003} (batch releases); size ${A}`,
});

const moves: MoveSpec[] = [
  release(50, 0.02),
  release(123, 0.05),
  release(300, 0.08, [d('democracy', 0.02)]),
  {
    id: 'arrest_wave', actor: 'regime', label: 'New wave of arrests', description: 'Keep repressing: about 100 new political prisoners.',
    asset: 'political_prisoners', effects: [d('prisoners', 100 / PRISONERS_MAX), d('democracy', -0.02), d('engagement', -0.03)],
    tone: 'hostile', targets: ['opposition', 'eu', 'us'], source: `${S003} (repression continues after the release); size ${A}`,
  },
  {
    id: 'host_oreshnik', actor: 'regime', label: 'Announce the Oreshnik deployment', description: 'Declare that Russia\'s Oreshnik missile is deployed on Belarusian soil.',
    asset: 'oreshnik', consumes: true, effects: [d('russian_military', 0.1), d('escalation', 0.08), d('sovereignty', -0.02), d('western_cohesion', 0.04)],
    tone: 'hostile', targets: ['ukraine', ...NEIGHBOURS, 'eu'], source: `${S003} (announced less than a week after the deal); effects ${A}`,
  },
  {
    id: 'border_provocation', actor: 'regime', label: 'Pressure the western border', description: 'Push migrants and provoke incidents at the border.',
    asset: 'border_pressure', effects: [d('escalation', 0.08), d('border', -0.05), d('engagement', -0.03), d('western_cohesion', 0.03)],
    tone: 'hostile', targets: NEIGHBOURS, source: `${S000} §4.4 (the 2021 migration crisis); effects ${A}`,
  },
  {
    id: 'threaten_ukraine', actor: 'regime', label: 'Counter-threaten Kyiv', description: 'Answer Ukrainian warnings with threats of its own.',
    asset: 'territory_hosting', effects: [d('escalation', 0.1)], tone: 'hostile', targets: ['ukraine'],
    source: `${S000} §4.3 (counter-threats of late May–early June 2026); effect ${A}`,
  },
  {
    id: 'assure_no_second_front', actor: 'regime', label: 'Assure Kyiv: no second front', description: 'Signal that Belarus will not open a front against Ukraine.',
    effects: [d('escalation', -0.08)], tone: 'cooperative', targets: ['ukraine', 'eu'], postures: CONCILIATORY,
    source: `${S000} §4.3 (the minimal intersection of Kyiv and Minsk); effect ${A}`,
  },
  {
    id: 'deploy_oreshnik', actor: 'russia', label: 'Deploy Oreshnik', description: 'Station the Oreshnik medium-range missile in Belarus.',
    asset: 'oreshnik', consumes: true, effects: [d('russian_military', 0.12), d('escalation', 0.1), d('sovereignty', -0.03), d('western_cohesion', 0.05)],
    tone: 'hostile', targets: ['ukraine', ...NEIGHBOURS, 'eu', 'us'], source: `${S003}; effects ${A}`,
  },
  {
    id: 'troop_surge', actor: 'russia', label: 'Surge troops into Belarus', description: 'Scale up Russian forces under the Union State agreements. The West closes ranks and sanctions tighten.',
    asset: 'russian_troops', uses: 1, effects: [d('russian_military', 0.1), d('escalation', 0.08), d('sovereignty', -0.03), d('western_cohesion', 0.04), d('sanctions', 0.02)],
    tone: 'hostile', targets: ['ukraine', ...NEIGHBOURS], source: `${S003} (agreements allow rapid scaling up in a crisis); effects, including the cost to Moscow, ${A}`,
  },
  {
    id: 'troop_drawdown', actor: 'russia', label: 'Draw down troops', description: 'Pull some forces back from Belarus.',
    asset: 'russian_troops', effects: [d('russian_military', -0.1), d('escalation', -0.05)], tone: 'cooperative', targets: ['ukraine', ...NEIGHBOURS],
    postures: CONCILIATORY, source: `${A} a de-escalation option the texts do not report`,
  },
  {
    id: 'raise_energy_subsidy', actor: 'russia', label: 'Sweeten energy prices', description: 'Deepen preferential oil and gas supplies.',
    asset: 'energy_subsidies', effects: [d('russian_dependence', 0.05), d('sovereignty', -0.02)], tone: 'neutral', targets: ['regime'],
    source: `${S003} (oil and gas at preferential prices); effects ${A}`,
  },
  {
    id: 'cut_energy_subsidy', actor: 'russia', label: 'Squeeze energy supplies', description: 'Raise prices or delay supplies to discipline Minsk.',
    asset: 'energy_subsidies', effects: [d('russian_dependence', -0.03), d('escalation', 0.02), d('potash', -potash(0.3))], tone: 'hostile', targets: ['regime'],
    source: `${S003} (Moscow's leverage over trade flows); effects ${A}`,
  },
  {
    id: 'ease_potash_partial', actor: 'us', label: 'Partly lift US potash sanctions', description: 'Ease the 2021 sanctions on the three potash companies.',
    asset: 'us_potash_sanctions', effects: [d('sanctions', -0.08), d('potash', potash(0.3)), d('engagement', 0.05), d('western_cohesion', -0.04)],
    tone: 'cooperative', targets: ['regime'], postures: CONCILIATORY, source: `${S003} (13 Dec 2025; the market reacted calmly, exports near capacity); effects ${A}`,
  },
  {
    id: 'lift_potash_sanctions', actor: 'us', label: 'Lift US potash sanctions fully', description: 'Remove the US blocking sanctions on the potash sector.',
    asset: 'us_potash_sanctions', consumes: true, effects: [d('sanctions', -0.15), d('potash', potash(0.5)), d('engagement', 0.08), d('western_cohesion', -0.08)],
    tone: 'cooperative', targets: ['regime'], postures: ['engaged'], source: `${S003}; effects ${A}`,
  },
  {
    id: 'reimpose_potash_sanctions', actor: 'us', label: 'Reimpose potash sanctions', description: 'Snap the potash sanctions back.',
    asset: 'us_potash_sanctions', effects: [d('sanctions', 0.08), d('engagement', -0.05), d('western_cohesion', 0.02)], tone: 'hostile', targets: ['regime'], source: `${A} the stick of "carrot and stick" (${S000} §4.6)`,
  },
  {
    id: 'envoy_visit', actor: 'us', label: 'Send an envoy to Minsk', description: 'Open talks on prisoners, sanctions and transit.',
    asset: 'us_channel', effects: [d('engagement', 0.08)], tone: 'cooperative', targets: ['regime'], postures: CONCILIATORY, source: `${S000} §4.6; effect ${A}`,
  },
  {
    id: 'press_allies_on_sanctions', actor: 'us', label: 'Press Europe to ease sanctions', description: 'Ask the EU and Lithuania to revisit sanctions and Klaipeda transit.',
    asset: 'us_channel', effects: [d('sanctions', -0.02), d('engagement', 0.03), d('western_cohesion', -0.06)], tone: 'neutral', targets: ['eu', 'lithuania'],
    source: `${S003} (a scenario Lukashenka counts on; it would strain transatlantic ties); effects ${A}`,
  },
  {
    id: 'extend_eu_sanctions', actor: 'eu', label: 'Extend EU sanctions', description: 'Renew and widen the trade sanctions.',
    asset: 'eu_uk_sanctions', effects: [d('sanctions', 0.05), d('engagement', -0.02), d('western_cohesion', 0.03)], tone: 'hostile', targets: ['regime'], source: `${S003} (no readiness to revise); effects ${A}`,
  },
  {
    id: 'ease_eu_sanctions', actor: 'eu', label: 'Ease EU potash sanctions', description: 'Lift the trade restrictions on potash.',
    asset: 'eu_uk_sanctions', effects: [d('sanctions', -0.2), d('potash', potash(1)), d('engagement', 0.05)], tone: 'cooperative', targets: ['regime'],
    postures: ['engaged'], source: `${S003} (only conceivable in wider security talks with the US); effects ${A}`,
  },
  {
    id: 'tighten_bank_restrictions', actor: 'eu', label: 'Tighten bank restrictions', description: 'Restrict more Belarusian banks, hampering export payments.',
    asset: 'bank_restrictions', effects: [d('sanctions', 0.05), d('potash', -potash(0.5))], tone: 'hostile', targets: ['regime'], source: `${S003}; effects ${A}`,
  },
  {
    id: 'paris_call', actor: 'eu', label: 'A call from Paris', description: 'Test a channel of de-escalation without recognising the regime.',
    asset: 'paris_channel', effects: [d('engagement', 0.05), d('escalation', -0.03)], tone: 'cooperative', targets: ['regime'], source: `${S000} §4.5 (Macron's call); effects ${A}`,
  },
  {
    id: 'refuse_transit', actor: 'lithuania', label: 'Keep Klaipeda closed', description: 'Refuse transit of Belarusian potash.',
    asset: 'klaipeda_transit', effects: [set('transit', 0)], tone: 'neutral', targets: ['regime', 'us'], source: `${S003} (closed since 2022)`,
  },
  {
    id: 'reopen_klaipeda', actor: 'lithuania', label: 'Reopen Klaipeda to potash', description: 'Restore transit through Lithuania and Klaipeda.',
    asset: 'klaipeda_transit', effects: [set('transit', 1), d('potash', potash(1)), d('russian_dependence', -0.05), d('western_cohesion', -0.03)], tone: 'cooperative', targets: ['regime', 'us'],
    postures: ['engaged'], source: `${S003} (Klaipeda was the sole export route since 2009); effects ${A}`,
  },
  {
    id: 'tighten_lt_border', actor: 'lithuania', label: 'Tighten the Lithuanian border', description: 'Close or restrict crossings with Belarus.',
    asset: 'lt_border', effects: [d('border', -0.05)], tone: 'hostile', targets: ['regime'], source: `${S000} §4.4; effect ${A}`,
  },
  {
    id: 'close_crossing', actor: 'poland', label: 'Close a border crossing', description: 'Shut one of the four open Poland–Belarus crossings.',
    asset: 'polish_crossings', uses: 1, effects: [d('border', -0.08)], preconditions: [{ dimension: 'border', op: '>=', value: 0.08 }],
    tone: 'hostile', targets: ['regime'], source: `${S000} §4.4 (targeted closures); effect ${A}`,
  },
  {
    id: 'reopen_crossing', actor: 'poland', label: 'Reopen a crossing', description: 'Reopen a closed crossing or ease the limits on one.',
    effects: [d('border', 0.08)], tone: 'cooperative', targets: ['regime'], postures: CONCILIATORY, source: `${S000} §4.4; effect ${A}`,
  },
  {
    id: 'extend_buffer_zone', actor: 'poland', label: 'Extend the buffer zone', description: 'Keep the 78 km buffer zone in force for longer.',
    asset: 'buffer_zone', effects: [d('border', -0.04), d('escalation', -0.02)], tone: 'neutral', targets: ['regime'],
    source: `${S000} §4.4 (extended until 31 Aug 2026); effects ${A}`,
  },
  {
    id: 'tighten_lv_border', actor: 'latvia', label: 'Tighten the Latvian border', description: 'Restrict crossings with Belarus.',
    asset: 'lv_border', effects: [d('border', -0.04)], tone: 'hostile', targets: ['regime'], source: `${A} by analogy with ${S000} §4.4`,
  },
  {
    id: 'ease_lv_border', actor: 'latvia', label: 'Ease the Latvian border', description: 'Loosen restrictions at the crossings.',
    asset: 'lv_border', effects: [d('border', 0.04)], tone: 'cooperative', targets: ['regime'], postures: CONCILIATORY, source: `${A} by analogy with ${S000} §4.4`,
  },
  {
    id: 'lobby_against_relief', actor: 'ukraine', label: 'Lobby against potash relief', description: 'Hold the sanctions line and press partners not to ease potash.',
    asset: 'sanctions_diplomacy', effects: [d('sanctions', 0.03), d('engagement', -0.02), d('western_cohesion', 0.02)], tone: 'hostile', targets: ['regime', 'us'], source: `${S000} §4.3; effects ${A}`,
  },
  {
    id: 'warn_minsk', actor: 'ukraine', label: 'Warn Minsk', description: 'Public warnings and defensive deployments on the northern border.',
    asset: 'northern_defence', effects: [d('escalation', 0.05)], tone: 'hostile', targets: ['regime'], source: `${S000} §4.3 (warnings of late May–June 2026); effect ${A}`,
  },
  {
    id: 'back_opposition', actor: 'ukraine', label: 'Back the democratic forces', description: 'Support the Belarusian opposition politically.',
    effects: [d('democracy', 0.01), d('western_alignment', 0.01)], tone: 'cooperative', targets: ['opposition'], source: `${S000} §4.3; effects ${A}`,
  },
  {
    id: 'nezhinsky_credit', actor: 'china', label: 'Fund Nezhinsky', description: 'Extend credit to bring the Nezhinsky plant towards its 2 Mt/yr.',
    asset: 'nezhinsky_credit', uses: 1, effects: [d('chinese_stake', 0.1), d('potash', potash(1))], tone: 'cooperative', targets: ['regime'], source: `${S000} (CDB, $1.4 bn, 2016; up to 2 Mt/yr); effects ${A}`,
  },
  {
    id: 'expand_investment', actor: 'china', label: 'Expand investment', description: 'Deepen industrial projects without crossing Moscow.',
    asset: 'investment', effects: [d('chinese_stake', 0.05), d('russian_dependence', -0.02)], tone: 'cooperative', targets: ['regime'], source: `${S000} §4.7; effects ${A}`,
  },
  {
    id: 'freeze_credit', actor: 'china', label: 'Freeze credit', description: 'Hold back financing until Minsk is predictable again.',
    asset: 'nezhinsky_credit', effects: [d('chinese_stake', -0.05), d('potash', -potash(0.3))], tone: 'hostile', targets: ['regime'], source: `${A} China's caution (${S000} §4.7)`,
  },
  {
    id: 'call_for_sanctions', actor: 'opposition', label: 'Call for sanctions', description: 'Urge Western capitals to keep or widen sanctions.',
    asset: 'diaspora_voice', effects: [d('sanctions', 0.03)], tone: 'hostile', targets: ['regime'], source: `${A} the opposition's advocacy (${S000} §4.4)`,
  },
  {
    id: 'endorse_humanitarian_track', actor: 'opposition', label: 'Endorse the humanitarian track', description: 'Back prisoner releases negotiated by Washington.',
    asset: 'diaspora_voice', effects: [d('engagement', 0.03)], tone: 'cooperative', targets: ['us'], source: `${S000} §4.6 (the humanitarian track may coincide with the democratic forces' interests); effect ${A}`,
  },
];

const interactions = [
  {
    id: 'december_deal', when: ['release_123', 'ease_potash_partial'], effects: [d('engagement', 0.05)],
    source: `${S003} (the deal opens a working channel Moscow can watch); effect ${A}`,
  },
  {
    id: 'klaipeda_with_eu_relief', when: ['reopen_klaipeda', 'ease_eu_sanctions'], effects: [d('potash', potash(0.5)), d('russian_dependence', -0.03)],
    source: `${S003} (logistics and markets constrain exports together); effects ${A}`,
  },
];

const variants = [
  {
    id: 'russia-limit', label: 'Russia: reliability as a limit on its military function', kind: 'reading',
    description: 'Moscow settles for a non-Western but separate Belarus: its minimum drops control of the military orientation and keeps only "no Western drift" and residual Union State cooperation.',
    ops: [
      { op: 'removeConstraint', actor: 'russia', constraint: 'military-orientation-under-its-control' },
      { op: 'removeConstraint', actor: 'russia', constraint: 'separate-in-name-only' },
      { op: 'addConstraint', actor: 'russia', constraint: ge('Russia: residual military cooperation', { russian_military: 1 }, 0.25, ['non-western'], `${S003} (institutionalised military cooperation); bound ${A}`) },
    ],
    source: `${S000} §4.2 ("reliability" as a homonym; "non-Western but separate")`,
  },
  {
    id: 'us-buffer', label: 'The US buffer hypothesis holds', kind: 'reading',
    description: 'Washington wants Belarus as a buffer element of European security: separate, not a Russian forward base, not an independent military force, a channel to Moscow.',
    ops: [
      { op: 'addConstraint', actor: 'us', constraint: le('US (buffer): no Russian forward base', { russian_military: 1 }, 0.4, ['stabilising-buffer'], `${S000} §4.6; bound ${A}`) },
      { op: 'addConstraint', actor: 'us', constraint: ge('US (buffer): a separate state', { sovereignty: 1 }, 0.55, ['stabilising-buffer'], `${S000} §4.6; bound ${A}`) },
      { op: 'addConstraint', actor: 'us', constraint: le('US (buffer): not a Western military outpost', { western_alignment: 1 }, 0.6, ['stabilising-buffer'], `${S000} §4.6; bound ${A}`) },
      { op: 'setSalience', actor: 'us', salience: { sovereignty: 0.1, russian_military: 0.12, western_alignment: 0.05, democracy: 0.03, prisoners: 0.18, potash: 0.08, sanctions: 0.04, transit: 0.03, border: 0.02, escalation: 0.15, chinese_stake: 0.03, russian_dependence: 0.02, engagement: 0.15 } },
    ],
    source: `${S000} §4.6 (a hypothesis to test against further actions)`,
  },
  {
    id: 'us-transactional', label: 'The US buffer hypothesis is false', kind: 'variant',
    description: 'Washington is purely transactional: prisoners, potash and a channel, with little weight on regional security.',
    ops: [
      { op: 'setSalience', actor: 'us', salience: { sovereignty: 0.01, russian_military: 0.01, western_alignment: 0.01, democracy: 0.02, prisoners: 0.35, potash: 0.18, sanctions: 0.08, transit: 0.04, border: 0.01, escalation: 0.03, chinese_stake: 0.02, russian_dependence: 0.01, engagement: 0.23 } },
      { op: 'setPatience', actor: 'us', value: 0.6 },
    ],
    source: `${S000} §4.6 (the transactional frame); ${S003} (PR and commercial motives); weights ${A}`,
  },
  {
    id: 'grey-russia-limit', label: 'Grey core, Russia reading reliability as a limit', kind: 'reading',
    description: 'The authoritarian reading with Moscow settling for a non-Western but separate Belarus: does a grey core exist once Russia\'s demand is a limit rather than control?',
    ops: [
      { op: 'excludeFromCore', actor: 'opposition' },
      { op: 'removeConstraint', actor: 'russia', constraint: 'military-orientation-under-its-control' },
      { op: 'removeConstraint', actor: 'russia', constraint: 'separate-in-name-only' },
      { op: 'addConstraint', actor: 'russia', constraint: ge('Russia: residual military cooperation', { russian_military: 1 }, 0.25, ['non-western'], `${S003} (institutionalised military cooperation); bound ${A}`) },
    ],
    source: `${S000} §4.1–4.2 (the grey formula; "non-Western but separate")`,
  },
  {
    id: 'ukraine-change-of-power', label: 'Ukraine: a core only after a change of power', kind: 'reading',
    description: 'Kyiv\'s stronger position: under Lukashenka Belarus cannot be separated from Russia, so a real core needs a change of power in Minsk.',
    ops: [
      { op: 'addConstraint', actor: 'ukraine', constraint: ge('Ukraine (strong): a change of power in Minsk', { democracy: 1 }, 0.5, ['change-of-power'], `${S000} §4.3 (the stronger Ukrainian position); bound ${A}`) },
      { op: 'addConstraint', actor: 'ukraine', constraint: ge('Ukraine (strong): Belarus separated from Russia', { sovereignty: 1 }, 0.7, ['separate'], `${S000} §4.3; bound ${A}`) },
    ],
    source: `${S000} §4.3 (a real core is attainable only after a change of power)`,
  },
  {
    id: 'klaipeda-reopens', label: 'Klaipeda reopens', kind: 'variant',
    description: 'Lithuania restores potash transit through Klaipeda; exports recover part of their pre-2021 volume.',
    ops: [
      { op: 'setState', dimension: 'transit', value: 1 },
      { op: 'setState', dimension: 'potash', value: potash(10) },
      { op: 'setState', dimension: 'russian_dependence', value: 0.7 },
    ],
    source: `${S003} (Klaipeda as the former sole route; 10–12 Mt/yr before 2021); magnitudes ${A}`,
  },
  {
    id: 'grey', label: 'Grey (authoritarian) core', kind: 'reading',
    description: 'Separate, non-aggressive, no escalation, predictable, profitable and stable, with no democratic change: the democratic forces\' minimum is not counted.',
    ops: [{ op: 'excludeFromCore', actor: 'opposition' }],
    source: `${S000} §4.1, §4.7 (the grey formula; unacceptable to the democratic forces)`,
  },
  {
    id: 'golden', label: 'Golden (democratic) core', kind: 'reading',
    description: 'The democratic reading: the EU\'s normative conditions (a democratic transition, prisoners freed) join its minimum, and the democratic forces\' minimum counts.',
    ops: [
      { op: 'addConstraint', actor: 'eu', constraint: ge('EU (golden): a democratic transition', { democracy: 1 }, 0.6, ['democratic'], `${S000} §4.5; bound ${A}`) },
      { op: 'addConstraint', actor: 'eu', constraint: le('EU (golden): political prisoners freed', { prisoners: 1 }, prisoners(75), ['democratic', 'prisoners-freed'], `${S000} §4.5; bound ${A}`) },
    ],
    source: `${S000} §4.5, §4.7 (the golden formula)`,
  },
];

export const belarus = {
  format: 'coreplay-scenario',
  version: 1,
  id: 'belarus-2025',
  title: 'Belarus 2025–2026',
  description:
    'Ten actors bargain over Belarus after the prisoners-for-potash deal of December 2025: prisoners, potash sanctions, Klaipeda transit, border crossings and Russian missiles are on the table. Is there a common core every actor can accept?',
  sources: [
    { id: '000_fc051cb1ba4df906', title: 'Actors\' ideals and minimums, and the common core (seed 000)' },
    { id: '003_148a42c688826826', title: 'Belarusian potash: why the Kremlin tolerates the deal with Washington (seed 003)' },
  ],
  dimensions,
  facts,
  actors,
  assets,
  moves,
  interactions,
  initialState,
  variants,
  // The prisoners-for-potash pair: its bargaining is shown first, and teams play it by default.
  defaultPair: ['regime', 'us'],
  injects: [
    {
      id: 'russia-deploys-oreshnik',
      label: 'Russia deploys Oreshnik',
      effects: [
        { dimension: 'russian_military', delta: 0.1 },
        { dimension: 'escalation', delta: 0.08 },
      ],
      postures: { poland: 'hardline', lithuania: 'hardline' },
    },
    { id: 'eu-extends-potash-sanctions', label: 'EU extends potash sanctions', effects: [{ dimension: 'sanctions', delta: 0.05 }] },
    {
      id: 'border-incident',
      label: 'Incident on the Polish border',
      effects: [
        { dimension: 'escalation', delta: 0.05 },
        { dimension: 'border', delta: -0.05 },
      ],
      postures: { poland: 'hardline' },
    },
    { id: 'us-envoy-visit', label: 'A US envoy lands in Minsk', effects: [{ dimension: 'engagement', delta: 0.05 }], postures: { regime: 'engaged', us: 'engaged' } },
    { id: 'klaipeda-reopens', label: 'Klaipeda reopens to potash', effects: [{ dimension: 'transit', set: 1 }] },
  ],
};

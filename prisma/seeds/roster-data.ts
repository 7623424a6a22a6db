/**
 * Fictional Expert Roster content: deterministic (same seed → same people), plausible names per
 * Member State, no real person. Used by the demo seed (hundreds of experts) and the benchmark
 * (10,000). Writes with createMany in one transaction so a first start stays fast.
 */
import type { PrismaClient } from "#app/generated/prisma/client.ts";
import { THEMATIC_AREAS } from "#app/modules/actions/taxonomy.ts";
import { areasTextFor, languagesTextFor, sortNameFor } from "#app/modules/roster/denormalise.ts";
import type { InstitutionType } from "#app/modules/roster/taxonomy.ts";

export function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)],
    chance: (p: number) => next() < p,
    hex: (n: number) => Array.from({ length: n }, () => Math.floor(next() * 16).toString(16)).join(""),
  };
}

type Names = { f: string[]; m: string[]; s: string[]; sf?: string[]; lang: string; capital: string; weight: number };

// Member States with experts (26: Luxembourg has none yet, as in the network's own figures).
const NAMES: Record<string, Names> = {
  AT: { weight: 28, lang: "de", capital: "Vienna", f: ["Anna", "Katharina", "Sabine", "Theresa", "Julia", "Elisabeth"], m: ["Lukas", "Florian", "Stefan", "Markus", "Andreas", "Georg"], s: ["Gruber", "Huber", "Bauer", "Wagner", "Pichler", "Steiner", "Moser", "Hofer", "Leitner", "Berger"] },
  BE: { weight: 30, lang: "fr", capital: "Brussels", f: ["Sophie", "Lotte", "Camille", "Elise", "Marie", "Hanne"], m: ["Thomas", "Pieter", "Julien", "Wouter", "Maxime", "Bram"], s: ["Peeters", "Janssens", "Dubois", "Maes", "Lambert", "Claes", "Dupont", "Willems", "Goossens", "Martin"] },
  BG: { weight: 20, lang: "bg", capital: "Sofia", f: ["Maria", "Elena", "Desislava", "Ivana", "Petya", "Ralitsa"], m: ["Georgi", "Dimitar", "Ivan", "Nikolay", "Stoyan", "Kaloyan"], s: ["Ivanov", "Petrov", "Dimitrov", "Georgiev", "Stoyanov", "Todorov", "Kolev", "Nikolov"], sf: ["Ivanova", "Petrova", "Dimitrova", "Georgieva", "Stoyanova", "Todorova", "Koleva", "Nikolova"] },
  HR: { weight: 15, lang: "hr", capital: "Zagreb", f: ["Ana", "Ivana", "Petra", "Marija", "Lucija", "Maja"], m: ["Luka", "Ivan", "Marko", "Tomislav", "Josip", "Filip"], s: ["Horvat", "Kovačević", "Babić", "Marić", "Jurić", "Novak", "Knežević", "Vuković"] },
  CY: { weight: 8, lang: "el", capital: "Nicosia", f: ["Eleni", "Andri", "Christina", "Maria", "Despina"], m: ["Andreas", "Christos", "Nikos", "Marios", "Panayiotis"], s: ["Georgiou", "Christodoulou", "Ioannou", "Constantinou", "Charalambous", "Demetriou", "Michael"] },
  CZ: { weight: 25, lang: "cs", capital: "Prague", f: ["Jana", "Tereza", "Lucie", "Kateřina", "Eva", "Petra"], m: ["Jan", "Tomáš", "Petr", "Martin", "Jakub", "Ondřej"], s: ["Novák", "Svoboda", "Dvořák", "Černý", "Procházka", "Kučera", "Veselý", "Horák"], sf: ["Nováková", "Svobodová", "Dvořáková", "Černá", "Procházková", "Kučerová", "Veselá", "Horáková"] },
  DK: { weight: 16, lang: "da", capital: "Copenhagen", f: ["Mette", "Louise", "Camilla", "Sofie", "Ida", "Signe"], m: ["Mads", "Rasmus", "Søren", "Anders", "Jesper", "Mikkel"], s: ["Nielsen", "Jensen", "Hansen", "Pedersen", "Andersen", "Christensen", "Larsen", "Sørensen"] },
  EE: { weight: 14, lang: "et", capital: "Tallinn", f: ["Kadri", "Liis", "Triin", "Maarja", "Kristiina", "Piret"], m: ["Martin", "Andres", "Toomas", "Rasmus", "Priit", "Kaspar"], s: ["Saar", "Sepp", "Mägi", "Kask", "Kukk", "Rebane", "Ilves", "Pärn", "Koppel"] },
  FI: { weight: 18, lang: "fi", capital: "Helsinki", f: ["Laura", "Johanna", "Sanna", "Elina", "Hanna", "Riikka"], m: ["Mikko", "Juha", "Antti", "Ville", "Janne", "Timo"], s: ["Korhonen", "Mäkinen", "Nieminen", "Mäkelä", "Hämäläinen", "Laine", "Heikkinen", "Koskinen", "Järvinen"] },
  FR: { weight: 40, lang: "fr", capital: "Paris", f: ["Claire", "Camille", "Émilie", "Céline", "Manon", "Hélène"], m: ["Nicolas", "Julien", "Antoine", "Mathieu", "Olivier", "François"], s: ["Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand", "Leroy", "Moreau", "Lefèvre", "Garnier"] },
  DE: { weight: 45, lang: "de", capital: "Berlin", f: ["Julia", "Katrin", "Sarah", "Anja", "Laura", "Miriam"], m: ["Jan", "Tobias", "Michael", "Sebastian", "Christian", "Matthias"], s: ["Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Schulz", "Hoffmann", "Koch", "Richter"] },
  GR: { weight: 22, lang: "el", capital: "Athens", f: ["Eleni", "Katerina", "Sofia", "Dimitra", "Georgia", "Vasiliki"], m: ["Giorgos", "Dimitris", "Kostas", "Nikos", "Yannis", "Panagiotis"], s: ["Papadopoulos", "Nikolaidis", "Georgiou", "Pappas", "Vlachos", "Oikonomou", "Makris", "Karalis"], sf: ["Papadopoulou", "Nikolaidou", "Georgiou", "Pappa", "Vlachou", "Oikonomou", "Makri", "Karali"] },
  HU: { weight: 20, lang: "hu", capital: "Budapest", f: ["Zsófia", "Eszter", "Katalin", "Anna", "Réka", "Judit"], m: ["Gábor", "László", "Péter", "Zoltán", "Balázs", "Tamás"], s: ["Nagy", "Kovács", "Tóth", "Szabó", "Horváth", "Varga", "Kiss", "Molnár", "Németh"] },
  IE: { weight: 15, lang: "en", capital: "Dublin", f: ["Aoife", "Siobhán", "Niamh", "Ciara", "Sinéad", "Orla"], m: ["Ciarán", "Seán", "Conor", "Eoin", "Declan", "Pádraig"], s: ["Murphy", "Kelly", "O'Sullivan", "Walsh", "O'Brien", "Byrne", "Ryan", "O'Connor", "Doyle"] },
  IT: { weight: 40, lang: "it", capital: "Rome", f: ["Giulia", "Francesca", "Chiara", "Valentina", "Sara", "Elena"], m: ["Marco", "Alessandro", "Luca", "Giuseppe", "Andrea", "Matteo"], s: ["Rossi", "Russo", "Ferrari", "Esposito", "Bianchi", "Romano", "Colombo", "Ricci", "Marino", "Greco", "Bruno", "Gallo"] },
  LV: { weight: 12, lang: "lv", capital: "Riga", f: ["Ilze", "Inese", "Kristīne", "Līga", "Anna", "Dace"], m: ["Jānis", "Andris", "Mārtiņš", "Edgars", "Kārlis", "Raimonds"], s: ["Bērziņš", "Kalniņš", "Ozoliņš", "Jansons", "Liepiņš", "Krūmiņš"], sf: ["Bērziņa", "Kalniņa", "Ozoliņa", "Jansone", "Liepiņa", "Krūmiņa"] },
  LT: { weight: 14, lang: "lt", capital: "Vilnius", f: ["Rūta", "Eglė", "Jurgita", "Aistė", "Ieva", "Laura"], m: ["Tomas", "Mantas", "Darius", "Andrius", "Paulius", "Lukas"], s: ["Kazlauskas", "Jankauskas", "Petrauskas", "Stankevičius", "Vasiliauskas", "Žukauskas"], sf: ["Kazlauskienė", "Jankauskaitė", "Petrauskienė", "Stankevičiūtė", "Vasiliauskienė", "Žukauskaitė"] },
  MT: { weight: 8, lang: "mt", capital: "Valletta", f: ["Maria", "Roberta", "Claire", "Rebecca", "Daniela"], m: ["Joseph", "Mark", "Daniel", "Luke", "Matthew"], s: ["Borg", "Camilleri", "Vella", "Farrugia", "Zammit", "Galea", "Grech", "Micallef"] },
  NL: { weight: 30, lang: "nl", capital: "The Hague", f: ["Anouk", "Lieke", "Femke", "Sanne", "Marieke", "Eva"], m: ["Daan", "Sander", "Joost", "Bas", "Thijs", "Ruben"], s: ["de Jong", "Jansen", "de Vries", "van den Berg", "Bakker", "Visser", "Smit", "Meijer", "Mulder", "de Boer"] },
  PL: { weight: 45, lang: "pl", capital: "Warsaw", f: ["Anna", "Katarzyna", "Agnieszka", "Joanna", "Małgorzata", "Ewa"], m: ["Piotr", "Tomasz", "Paweł", "Krzysztof", "Michał", "Marcin"], s: ["Nowak", "Kowalski", "Wiśniewski", "Wójcik", "Kamiński", "Lewandowski", "Zieliński", "Szymański", "Dąbrowski", "Mazur"], sf: ["Nowak", "Kowalska", "Wiśniewska", "Wójcik", "Kamińska", "Lewandowska", "Zielińska", "Szymańska", "Dąbrowska", "Mazur"] },
  PT: { weight: 25, lang: "pt", capital: "Lisbon", f: ["Ana", "Inês", "Joana", "Mariana", "Catarina", "Sofia"], m: ["João", "Tiago", "Pedro", "Miguel", "Rui", "Nuno"], s: ["Silva", "Santos", "Ferreira", "Pereira", "Oliveira", "Costa", "Rodrigues", "Martins", "Sousa"] },
  RO: { weight: 25, lang: "ro", capital: "Bucharest", f: ["Ioana", "Andreea", "Elena", "Mihaela", "Alexandra", "Cristina"], m: ["Andrei", "Mihai", "Alexandru", "Bogdan", "Radu", "Ionuț"], s: ["Popescu", "Ionescu", "Popa", "Dumitru", "Stan", "Stoica", "Gheorghe", "Matei", "Constantin"] },
  SK: { weight: 16, lang: "sk", capital: "Bratislava", f: ["Zuzana", "Lucia", "Katarína", "Martina", "Jana", "Monika"], m: ["Peter", "Martin", "Michal", "Tomáš", "Juraj", "Marek"], s: ["Horváth", "Kováč", "Varga", "Tóth", "Nagy", "Baláž", "Szabó", "Molnár"], sf: ["Horváthová", "Kováčová", "Vargová", "Tóthová", "Nagyová", "Balážová", "Szabóová", "Molnárová"] },
  SI: { weight: 12, lang: "sl", capital: "Ljubljana", f: ["Maja", "Nina", "Tjaša", "Petra", "Urška", "Mojca"], m: ["Matej", "Luka", "Rok", "Gregor", "Jure", "Blaž"], s: ["Novak", "Horvat", "Krajnc", "Kovačič", "Zupančič", "Potočnik", "Mlakar", "Kos"] },
  ES: { weight: 40, lang: "es", capital: "Madrid", f: ["Lucía", "María", "Carmen", "Laura", "Marta", "Elena"], m: ["Javier", "Alejandro", "David", "Carlos", "Pablo", "Sergio"], s: ["García", "Fernández", "González", "Rodríguez", "López", "Martínez", "Sánchez", "Pérez", "Gómez", "Ruiz", "Díaz", "Moreno"] },
  SE: { weight: 25, lang: "sv", capital: "Stockholm", f: ["Emma", "Sara", "Johanna", "Karin", "Linnea", "Maja"], m: ["Erik", "Johan", "Anders", "Oskar", "Henrik", "Gustav"], s: ["Andersson", "Johansson", "Karlsson", "Nilsson", "Eriksson", "Larsson", "Olsson", "Persson", "Lindberg"] },
};

const INSTITUTIONS: Record<InstitutionType, string[]> = {
  interior: ["Ministry of the Interior", "Migration Directorate, Ministry of the Interior", "Border Guard", "Office for Foreigners", "Immigration Service", "Asylum Office", "National Police, Migration Unit"],
  foreign_affairs: ["Ministry of Foreign Affairs", "Consular Department, Ministry of Foreign Affairs", "Development Cooperation Agency"],
  labour: ["Ministry of Labour and Social Affairs", "Public Employment Service", "Labour Inspectorate"],
  justice: ["Ministry of Justice", "Office of the Public Prosecutor", "National Anti-Trafficking Coordination Office"],
  local_authority: ["City of {capital}", "{capital} Integration Office", "Regional Government Migration Service"],
  other: ["National Statistics Office", "Ministry of Health", "Ministry of Culture", "Ombudsperson's Office", "Ministry of Education"],
};
const TYPE_WEIGHTS: [InstitutionType, number][] = [["interior", 45], ["foreign_affairs", 12], ["labour", 15], ["justice", 10], ["local_authority", 8], ["other", 10]];
const POSITIONS = ["Head of Unit", "Senior Policy Officer", "Legal Adviser", "Deputy Director", "Head of Section", "Senior Expert", "Programme Manager", "Chief Inspector", "Policy Analyst", "Trainer"];
const TOPIC_PHRASES: Record<string, string[]> = {
  [THEMATIC_AREAS[0]]: ["labour migration schemes", "visa facilitation", "integration of newcomers", "recognition of qualifications"],
  [THEMATIC_AREAS[1]]: ["diaspora engagement", "remittance policies", "migration mainstreaming in development planning"],
  [THEMATIC_AREAS[2]]: ["border management", "identification of victims of trafficking", "counter-smuggling investigations", "return and readmission"],
  [THEMATIC_AREAS[3]]: ["asylum procedures", "reception conditions", "country-of-origin information", "resettlement"],
  [THEMATIC_AREAS[4]]: ["migration data and statistics", "migration and health", "climate-related mobility", "gender-responsive migration policy"],
};
const EXTRA_LANGS = ["fr", "de", "es", "ru", "it", "pt", "ar"];

export type SeedAction = { code: string; slug: string; title: string; partnerCountry: string; region: string; thematicArea: string; start: string; end: string | null; summary: string };

export const SEED_ACTIONS: SeedAction[] = [
  { code: "Azerbaijan V", slug: "azerbaijan-v", title: "Cultural and social integration of migrants in Azerbaijan", partnerCountry: "AZ", region: "EU Neighbourhood", thematicArea: THEMATIC_AREAS[0], start: "2022-03-01", end: "2023-12-31", summary: "Experts from Estonia and Poland shared practice on the integration of migrants with the State Migration Service and the Ministries of Culture and of Social Affairs of Azerbaijan." },
  { code: "Kazakhstan III", slug: "kazakhstan-iii", title: "Improving the collection of migration data in Kazakhstan", partnerCountry: "KZ", region: "Asia", thematicArea: THEMATIC_AREAS[4], start: "2021-09-01", end: "2023-03-31", summary: "A data-collection Action: statisticians and migration offices worked with their peers on data on migrants from Central Asia." },
  { code: "Cameroon II", slug: "cameroon-ii", title: "Strengthening diaspora engagement in Cameroon", partnerCountry: "CM", region: "Africa", thematicArea: THEMATIC_AREAS[1], start: "2022-01-15", end: "2023-10-31", summary: "Support to the Ministry of External Relations on a diaspora engagement strategy." },
  { code: "Georgia IV", slug: "georgia-iv", title: "Labour migration management in Georgia", partnerCountry: "GE", region: "EU Neighbourhood", thematicArea: THEMATIC_AREAS[0], start: "2022-05-01", end: "2024-02-29", summary: "Peer exchange on circular labour migration schemes and pre-departure information." },
  { code: "Uganda I", slug: "uganda-i", title: "Countering trafficking in human beings in Uganda", partnerCountry: "UG", region: "Africa", thematicArea: THEMATIC_AREAS[2], start: "2022-06-01", end: "2023-11-30", summary: "Training of trainers on victim identification and referral with the Coordination Office to Prevent Trafficking in Persons." },
  { code: "Armenia III", slug: "armenia-iii", title: "Reintegration of returning migrants in Armenia", partnerCountry: "AM", region: "EU Neighbourhood", thematicArea: THEMATIC_AREAS[1], start: "2019-02-01", end: "2020-06-30", summary: "Sustainable reintegration services and inter-institutional coordination." },
  { code: "Morocco IV", slug: "morocco-iv", title: "Asylum procedures and reception in Morocco", partnerCountry: "MA", region: "Africa", thematicArea: THEMATIC_AREAS[3], start: "2020-01-15", end: "2021-12-31", summary: "Peer support on refugee status determination procedures." },
  { code: "Ecuador II", slug: "ecuador-ii", title: "Migration and human mobility data in Ecuador", partnerCountry: "EC", region: "Latin America and the Caribbean", thematicArea: THEMATIC_AREAS[4], start: "2021-03-01", end: "2022-09-30", summary: "Strengthening the registration of human mobility and the use of data in policy." },
  { code: "Nigeria III", slug: "nigeria-iii", title: "Labour migration policy in Nigeria", partnerCountry: "NG", region: "Africa", thematicArea: THEMATIC_AREAS[0], start: "2018-10-01", end: "2020-03-31", summary: "Support to the implementation of the National Policy on Labour Migration." },
  { code: "Jordan II", slug: "jordan-ii", title: "Border management and protection-sensitive entry in Jordan", partnerCountry: "JO", region: "EU Neighbourhood", thematicArea: THEMATIC_AREAS[2], start: "2019-06-01", end: "2020-12-31", summary: "Exchange on integrated border management and the identification of people in need of protection." },
  { code: "Philippines II", slug: "philippines-ii", title: "Protection of migrant workers in the Philippines", partnerCountry: "PH", region: "Asia", thematicArea: THEMATIC_AREAS[0], start: "2020-09-01", end: "2022-02-28", summary: "Ethical recruitment and pre-departure orientation." },
  { code: "Côte d'Ivoire II", slug: "cote-d-ivoire-ii", title: "National migration policy in Côte d'Ivoire", partnerCountry: "CI", region: "Africa", thematicArea: THEMATIC_AREAS[1], start: "2023-01-01", end: null, summary: "Support to the drafting and coordination of the national migration policy." },
  { code: "Moldova IV", slug: "moldova-iv", title: "Integration of foreigners in Moldova", partnerCountry: "MD", region: "EU Neighbourhood", thematicArea: THEMATIC_AREAS[0], start: "2023-04-01", end: null, summary: "Integration services and language courses for foreigners." },
  { code: "Costa Rica I", slug: "costa-rica-i", title: "Gender-responsive migration governance in Costa Rica", partnerCountry: "CR", region: "Latin America and the Caribbean", thematicArea: THEMATIC_AREAS[4], start: "2022-10-01", end: "2024-03-31", summary: "Mainstreaming gender in migration policies and services." },
  { code: "Bangladesh II", slug: "bangladesh-ii", title: "Climate change and human mobility in Bangladesh", partnerCountry: "BD", region: "Asia", thematicArea: THEMATIC_AREAS[4], start: "2023-02-01", end: null, summary: "Evidence and planning for climate-related displacement." },
  { code: "Senegal III", slug: "senegal-iii", title: "Fighting migrant smuggling in Senegal", partnerCountry: "SN", region: "Africa", thematicArea: THEMATIC_AREAS[2], start: "2021-05-01", end: "2022-12-31", summary: "Investigation techniques and prosecution of migrant smuggling networks." },
];

type Row<T> = T[];
export type RosterSeed = {
  users: Row<{ id: string; email: string; name: string; role: string; country: string; institution: string; emailVerifiedAt: Date; createdAt: Date }>;
  profiles: Row<{ userId: string; memberState: string; institution: string; institutionType: string; position: string; bio: string; available: boolean; availableUntil: Date | null; gender: string | null; visibility: string; status: string; confirmedAt: Date; reminderSentAt: Date | null; sortName: string; areasText: string; languagesText: string; deploymentCount: number; createdAt: Date }>;
  areas: Row<{ userId: string; area: string }>;
  languages: Row<{ userId: string; language: string; level: string }>;
  deployments: Row<{ expertId: string; actionCode: string; role: string; startDate: Date; endDate: Date | null }>;
};

const DAY = 86_400_000;

/** Makes `count` fictional experts spread over the 26 States by weight; `now` anchors every date. */
export function generateRoster({ count, seed = 2009, now = new Date(), emailDomain = "experts.mieux.example" }: { count: number; seed?: number; now?: Date; emailDomain?: string }): RosterSeed {
  const r = prng(seed);
  const states = Object.entries(NAMES);
  const totalWeight = states.reduce((n, [, v]) => n + v.weight, 0);
  const out: RosterSeed = { users: [], profiles: [], areas: [], languages: [], deployments: [] };
  const used = new Set<string>();
  // Shares are dealt in turn rather than drawn, so the demo reproduces the network's published
  // figures exactly (42 % women among those who say, about half deployed) at any size.
  const undeclared = { female: 0, male: 0 };
  let index = 0;
  for (const [code, names] of states) {
    const n = Math.max(2, Math.round((count * names.weight) / totalWeight));
    for (let k = 0; k < n && index < count; k++, index++) {
      const female = Math.floor((index + 1) * 0.42) > Math.floor(index * 0.42);
      const first = r.pick(female ? names.f : names.m);
      const si = Math.floor(r.next() * names.s.length);
      const last = female && names.sf ? names.sf[si] : names.s[si];
      const name = `${first} ${last}`;
      const local = `${first}.${last}`.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/ł/g, "l").replace(/ø/g, "o").replace(/[^A-Za-z.]/g, "").toLowerCase();
      let email = `${local}.${code.toLowerCase()}@${emailDomain}`;
      for (let d = 2; used.has(email); d++) email = `${local}${d}.${code.toLowerCase()}@${emailDomain}`;
      used.add(email);
      const id = `ex${r.hex(22)}`;
      let roll = r.next() * 100;
      let type: InstitutionType = "interior";
      for (const [t, w] of TYPE_WEIGHTS) {
        if (roll < w) {
          type = t;
          break;
        }
        roll -= w;
      }
      const institution = r.pick(INSTITUTIONS[type]).replace("{capital}", names.capital);
      const position = r.pick(POSITIONS);
      const areaCount = r.int(1, 3);
      const areas = new Set<string>();
      while (areas.size < areaCount) areas.add(r.pick(THEMATIC_AREAS));
      const areaList = [...areas];
      const bio = `${position} at the ${institution}, ${r.int(6, 25)} years in public administration. Works on ${areaList.map((a) => r.pick(TOPIC_PHRASES[a])).join(" and ")}.`;
      const createdAt = new Date(now.getTime() - r.int(60, 3000) * DAY);
      // Most profiles were confirmed in the last year; about one in eight is stale.
      const stale = r.chance(0.12);
      const confirmedAt = new Date(now.getTime() - (stale ? r.int(380, 900) : r.int(1, 350)) * DAY);
      const available = r.chance(0.6);
      out.users.push({ id, email, name, role: "expert", country: code, institution, emailVerifiedAt: createdAt, createdAt });
      const profile = {
        userId: id,
        memberState: code,
        institution,
        institutionType: type,
        position,
        bio,
        available,
        availableUntil: available && r.chance(0.5) ? new Date(now.getTime() + r.int(-60, 500) * DAY) : null,
        // One in eight of each gender keeps it to themselves (gender is optional).
        gender: ++undeclared[female ? "female" : "male"] % 8 === 0 ? null : female ? "female" : "male",
        visibility: r.chance(0.15) ? "organisers_and_focal_points" : "network",
        status: "active",
        confirmedAt,
        // Seeded stale profiles count as already reminded, so a first start sends no mail storm.
        reminderSentAt: stale ? new Date(now.getTime() - r.int(1, 30) * DAY) : null,
        sortName: sortNameFor(name),
        areasText: areasTextFor(areaList),
        languagesText: "",
        deploymentCount: 0,
        createdAt,
      };
      out.profiles.push(profile);
      for (const area of areaList) out.areas.push({ userId: id, area });
      const langs = new Map<string, string>([[names.lang, "native"]]);
      if (names.lang !== "en") langs.set("en", r.pick(["C2", "C1", "C1", "B2", "B2"]));
      for (let e = r.int(0, 2); e > 0; e--) {
        const extra = r.pick(EXTRA_LANGS);
        if (!langs.has(extra)) langs.set(extra, r.pick(["C1", "B2", "B1", "A2"]));
      }
      for (const [language, level] of langs) out.languages.push({ userId: id, language, level });
      profile.languagesText = languagesTextFor([...langs].map(([language, level]) => ({ language, level })));
      if (index % 2 === 0) {
        for (let d = r.int(1, r.chance(0.3) ? 3 : 1); d > 0; d--) {
          const action = r.pick(SEED_ACTIONS);
          const start = new Date(new Date(`${action.start}T00:00:00Z`).getTime() + r.int(0, 200) * DAY);
          profile.deploymentCount++;
          out.deployments.push({ expertId: id, actionCode: action.code, role: r.pick(["Expert", "Expert", "Lead expert", "Trainer"]), startDate: start, endDate: r.chance(0.8) ? new Date(start.getTime() + r.int(3, 15) * DAY) : null });
        }
      }
    }
  }
  return out;
}

type Db = Pick<PrismaClient, "$transaction" | "action">;

/** Upserts the seeded Actions by code (another domain seeds Actions too) and returns code → id. */
export async function upsertSeedActions(prisma: Db) {
  const ids = new Map<string, string>();
  for (const a of SEED_ACTIONS) {
    const row = await prisma.action.upsert({
      where: { code: a.code },
      update: {},
      create: { code: a.code, slug: a.slug, title: a.title, summary: a.summary, partnerCountry: a.partnerCountry, region: a.region, thematicArea: a.thematicArea, startDate: new Date(`${a.start}T00:00:00Z`), endDate: a.end ? new Date(`${a.end}T00:00:00Z`) : null },
      select: { id: true },
    });
    ids.set(a.code, row.id);
  }
  return ids;
}

/** Writes generated experts in one transaction with createMany (fast on a first start). */
export async function writeRoster(prisma: Db, seed: RosterSeed, actionIds: Map<string, string>) {
  const chunk = <T>(rows: T[], size = 2000) => Array.from({ length: Math.ceil(rows.length / size) }, (_, i) => rows.slice(i * size, (i + 1) * size));
  await prisma.$transaction(
    async (tx) => {
      for (const part of chunk(seed.users)) await tx.user.createMany({ data: part });
      for (const part of chunk(seed.profiles)) await tx.expertProfile.createMany({ data: part });
      for (const part of chunk(seed.areas)) await tx.expertThematicArea.createMany({ data: part });
      for (const part of chunk(seed.languages)) await tx.expertLanguage.createMany({ data: part });
      const deployments = seed.deployments.map(({ actionCode, ...d }) => ({ ...d, actionId: actionIds.get(actionCode)! }));
      for (const part of chunk(deployments)) await tx.deployment.createMany({ data: part });
    },
    { timeout: 300_000 },
  );
}

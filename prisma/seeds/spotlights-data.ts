/**
 * The Action Spotlights of the demo Morning Coffees, as full pages. The facts are MIEUX+'s own
 * (the 29 November 2023 session on Cameroon, Georgia and Uganda: knowledge exchange and lessons
 * learned; the Azerbaijan V exchange between Estonian, Polish and Azerbaijani institutions);
 * nothing beyond them is claimed about the countries.
 */
export type SeedSpotlight = {
  slug: string;
  title: string;
  country: string;
  action: string;
  summary: string;
  highlights: string;
  achievements: string;
  migrationContext: string;
};

const NOVEMBER_2023 = "the online Morning Coffee of 29 November 2023";

export const NOVEMBER_2023_SPOTLIGHTS: SeedSpotlight[] = [
  {
    slug: "action-spotlight-cameroon",
    title: "Action Spotlight: Cameroon",
    country: "CM",
    action: "Cameroon II",
    summary: "Knowledge exchange and lessons learned from the MIEUX+ Action with partner institutions in Cameroon, presented at " + NOVEMBER_2023 + ".",
    highlights:
      `Presented at ${NOVEMBER_2023}, one of three Action Spotlights (with Georgia and Uganda) that focused on knowledge exchange and lessons learned.\n\n` +
      "- Peer-to-peer exchange between public officials of EU Member States and their Cameroonian counterparts\n" +
      "- The Action's work in **migration and development**: development planning, diaspora engagement, remittances\n" +
      "- Speakers from the partner institution and the MIEUX+ team, followed by a Q&A with experts of the network",
    achievements:
      "MIEUX+ Actions build the capacities of individuals and institutions and strengthen cooperation between EU Member States and partner countries. " +
      "The Spotlight showed what the exchange achieved along the four MIEUX+ areas of impact:\n\n" +
      "1. Policy development\n2. Inter-institutional coordination\n3. Producing knowledge\n4. Capacity building and training",
    migrationContext:
      "Cameroon is a MIEUX+ partner country in **Africa**. The speakers introduced the migration context and characteristics of the country, " +
      "and the challenges and opportunities its institutions are working on, so that experts preparing a deployment understand the setting.",
  },
  {
    slug: "action-spotlight-georgia",
    title: "Action Spotlight: Georgia",
    country: "GE",
    action: "Georgia IV",
    summary: "Lessons learned from the MIEUX+ Action with Georgian partners on legal migration and mobility, presented at " + NOVEMBER_2023 + ".",
    highlights:
      `Presented at ${NOVEMBER_2023}, alongside the Spotlights on Cameroon and Uganda.\n\n` +
      "- Peer-to-peer exchange on **legal migration and mobility**: labour migration, integration, free movement\n" +
      "- Practices shared by EU Member State experts and adapted with the partner institution\n" +
      "- A Q&A where members of the network asked the speakers about the lessons learned",
    achievements:
      "The Spotlight presented the results of the exchange and what both sides took home: partners learn from EU and Member State experience, " +
      "while experts see their skills enhanced and gain in-depth knowledge of the local and regional context.",
    migrationContext:
      "Georgia is a MIEUX+ partner in the **EU Neighbourhood**. The speakers set out the country's migration context and characteristics, " +
      "and where cooperation with EU Member States on mobility stands.",
  },
  {
    slug: "action-spotlight-uganda",
    title: "Action Spotlight: Uganda",
    country: "UG",
    action: "Uganda I",
    summary: "What the MIEUX+ Action in Uganda taught partners and experts, presented at " + NOVEMBER_2023 + ".",
    highlights:
      `The third Action Spotlight of ${NOVEMBER_2023}.\n\n` +
      "- Peer-to-peer support in the horizontal areas of MIEUX+ (migration data among them)\n" +
      "- Knowledge exchange between Ugandan institutions and EU Member State experts\n" +
      "- Lessons learned discussed with the network in the Q&A",
    achievements:
      "The speakers presented the Action's highlights and achievements, and how the exchange contributes to safe, orderly, regular and " +
      "responsible migration, as in target 10.7 of the UN Sustainable Development Goals.",
    migrationContext:
      "Uganda is a MIEUX+ partner country in **Africa**. The Spotlight introduced the migration context and characteristics of the country " +
      "as the partner institution sees them.",
  },
];

export const AZERBAIJAN_V_SPOTLIGHT: SeedSpotlight = {
  slug: "action-spotlight-azerbaijan-v",
  title: "Action Spotlight: Azerbaijan V",
  country: "AZ",
  action: "Azerbaijan V",
  summary: "Institutions from Estonia, Poland and Azerbaijan exchanged knowledge on the cultural integration of migrants.",
  highlights:
    "Experts from the Ministry of Culture of Estonia and the Ministry of Labour and Social Affairs of Poland shared their practical knowledge " +
    "with partners in Azerbaijan.",
  achievements:
    "The experts helped establish contacts between the State Migration Service, the Ministry of Culture and the Ministry of Social Affairs of " +
    "Azerbaijan and the Ministry of Culture of Estonia and the Ministry of Labour and Social Affairs of Poland: an example of the institutional avenue of MIEUX+.",
  migrationContext: "The migration context of Azerbaijan and the partner institutions involved, introduced by the speakers.",
};

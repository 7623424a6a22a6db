/** The 27 EU Member States (ISO 3166-1 alpha-2; Greece is GR, not EL). */
export const EU_MEMBER_STATES = [
  "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE",
  "IT", "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE",
] as const;
export type MemberStateCode = (typeof EU_MEMBER_STATES)[number];

// Every other ISO 3166-1 country code: partner countries and the rest of the world.
const OTHER_COUNTRIES = (
  "AD AE AF AG AI AL AM AO AQ AR AS AU AW AX AZ BA BB BD BF BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ " +
  "CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX DJ DM DO DZ EC EG EH ER ET FJ FK FM FO GA GB GD GE GF " +
  "GG GH GI GL GM GN GP GQ GS GT GU GW GY HK HM HN HT ID IL IM IN IO IQ IR IS JE JM JO JP KE KG KH KI KM KN " +
  "KP KR KW KY KZ LA LB LC LI LK LR LS LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MU MV MW MX MY MZ " +
  "NA NC NE NF NG NI NO NP NR NU NZ OM PA PE PF PG PH PK PM PN PR PS PW PY QA RE RS RU RW SA SB SC SD SG SH " +
  "SJ SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA " +
  "VC VE VG VI VN VU WF WS XK YE YT ZA ZM ZW"
).split(" ");

const displayNames = new Intl.DisplayNames(["en"], { type: "region" });

/** Names already looked up: ICU's lookup shows in page profiles (a roster page asks ~50 times). */
const names = new Map<string, string>();

export function countryName(code: string | null | undefined): string {
  if (!code) return "";
  let name = names.get(code);
  if (name === undefined) {
    try {
      name = displayNames.of(code) ?? code;
    } catch {
      name = code;
    }
    if (names.size < 1000) names.set(code, name);
  }
  return name;
}

export function isMemberState(code: string | null | undefined): code is MemberStateCode {
  return !!code && (EU_MEMBER_STATES as readonly string[]).includes(code);
}

export function isCountryCode(code: string | null | undefined): boolean {
  return !!code && (isMemberState(code) || OTHER_COUNTRIES.includes(code));
}

const byName = (a: string, b: string) => countryName(a).localeCompare(countryName(b), "en");

/** For selects: Member States first, then partner and other countries, each by name. */
export const COUNTRY_GROUPS = [
  { label: "EU Member States", codes: [...EU_MEMBER_STATES].sort(byName) },
  { label: "Partner and other countries", codes: [...OTHER_COUNTRIES].sort(byName) },
];

import { COUNTRY_GROUPS, countryName } from "#app/utils/countries.ts";

/** The options of a country select: EU Member States first, then every other country, by name. */
export function CountryOptions() {
  return (
    <>
      {COUNTRY_GROUPS.map((group) => (
        <optgroup key={group.label} label={group.label}>
          {group.codes.map((code) => (
            <option key={code} value={code}>
              {countryName(code)}
            </option>
          ))}
        </optgroup>
      ))}
    </>
  );
}

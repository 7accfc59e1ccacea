/**
 * County-level place names of China (districts, counties, banners, county-level cities), from the
 * national division codes (GB/T 2260) as the `china-area-data` package ships them. A label glued to
 * a headline is cut where its place name starts; names of three characters (`某某某区`) cannot be
 * told from a two-character name by form, so they are looked up here.
 */
import divisions from 'china-area-data/data.json' with { type: 'json' };

/** Every county-level name whose base (before 区/县/市/旗) has three characters. */
const THREE_CHARACTER_COUNTIES: ReadonlySet<string> = new Set(
  Object.values(divisions as Record<string, Record<string, string>>)
    .flatMap((children) => Object.values(children))
    .filter((name) => name.length === 4 && /[区县市旗]$/.test(name)),
);

/** Is `name` (like `某某某区`) a county-level division whose name has three characters? */
export function isThreeCharacterCounty(name: string): boolean {
  return THREE_CHARACTER_COUNTIES.has(name);
}

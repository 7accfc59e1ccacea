/**
 * County-level place names of China (districts, counties, banners, county-level cities), from the
 * national division codes (GB/T 2260) as the `china-area-data` package ships them. A label glued to
 * a headline is cut where its place name starts; names of three characters (`某某某区`) cannot be
 * told from a two-character name by form, so they are looked up here.
 */
import divisions from 'china-area-data/data.json' with { type: 'json' };

/** Division code → its child divisions' codes and names, as the package ships them. */
type Divisions = Record<string, Record<string, string>>;

/** Every county-level name whose base (before 区/县/市/旗) has three characters. */
const THREE_CHARACTER_COUNTIES: ReadonlySet<string> = new Set(
  Object.values(divisions as Divisions)
    .flatMap((children) => Object.values(children))
    .filter((name) => name.length === 4 && /[区县市旗]$/.test(name)),
);

/** Is `name` (like `某某某区`) a county-level division whose name has three characters? */
export function isThreeCharacterCounty(name: string): boolean {
  return THREE_CHARACTER_COUNTIES.has(name);
}

/** Every division's full name with its level word (`某某区`, `某某县`, `某某市`, `某某省`), for finding where a glued label starts. */
const PLACE_NAMES: ReadonlySet<string> = new Set(
  Object.values(divisions as Divisions)
    .flatMap((children) => Object.values(children))
    .filter((name) => name.length >= 2 && /[省市区县州旗盟]$/.test(name)),
);
/** Longest division name looked up at the start of a label. */
const PLACE_NAME_MAX = 8;

/**
 * Does `text` open with the full name of a real division (`某某区…`, `某某县…`)? A place anchor read by
 * form alone may start inside the head's last words (`…高地某州区…`, where the district is `某州区`).
 */
export function opensWithPlaceName(text: string): boolean {
  return opensWithOneOf(PLACE_NAMES, PLACE_NAME_MAX, text);
}

/** Does `text` open with one of `names` (2 to `longest` characters)? One set lookup per length, not a scan of the list. */
function opensWithOneOf(names: ReadonlySet<string>, longest: number, text: string): boolean {
  for (let n = 2; n <= Math.min(longest, text.length); n++) if (names.has(text.slice(0, n))) return true;
  return false;
}

/** A division's name without its level word (`重庆市` → `重庆`, `四川省` → `四川`). */
const baseName = (name: string) =>
  name.replace(/(?:特别行政区|维吾尔自治区|壮族自治区|回族自治区|自治区|自治州|地区|省|市|盟)$/, '');

/**
 * Names of provinces and prefecture-level cities as a label opens with them (`重庆`, `四川`, `成都`):
 * an organisation named after its city need not print 市 (`成都某某大学附属医院`).
 */
const CITY_NAMES: ReadonlySet<string> = (() => {
  const all = divisions as Divisions;
  const provinces = Object.entries(all['86'] ?? {});
  const prefectures = provinces.flatMap(([code]) => Object.values(all[code] ?? {}));
  const names = [...provinces.map(([, name]) => name), ...prefectures].map(baseName);
  return new Set(names.filter((n) => n.length >= 2 && !/辖/.test(n)));
})();
/** Longest of the city names. */
const CITY_NAME_MAX = Math.max(...[...CITY_NAMES].map((n) => n.length));

/** Does `text` open with a province's or prefecture-level city's name? */
export function opensWithCityName(text: string): boolean {
  return opensWithOneOf(CITY_NAMES, CITY_NAME_MAX, text);
}

/**
 * Where, inside a label read off a head line, the organisation's name really starts: at the first
 * city name after which the rest is still a name (`党建引领发展成都某某大学附属医院` → at `成都`). 0 when the
 * label opens with a city name, holds none, or the words before it end like a part of a name.
 */
export function cityNameStart(label: string, isName: (text: string) => boolean): number {
  if (opensWithCityName(label)) return 0;
  for (let p = 1; p < label.length - 3; p++) {
    if (!opensWithCityName(label.slice(p)) || !isName(label.slice(p))) continue;
    // A name may hold a city after its first words (`某某军医大学成都某某医院`): words that end like a
    // name's own part stay in it.
    return NAME_PART_END.test(label.slice(0, p)) ? 0 : p;
  }
  return 0;
}

/** A head glued before a label has at least this many characters. */
const GLUED_HEAD_MIN = 4;

/**
 * Where a label named after its city (`成都某某大学附属医院`, no district in it) starts when it is glued
 * after a head (`守护健康，我们一直在成都某某大学附属医院`): the first city name from which the rest is a
 * whole name, unless the words before it end like a part of a name. -1 when there is none.
 */
export function gluedCityNameStart(text: string, isName: (text: string) => boolean): number {
  for (let p = GLUED_HEAD_MIN; p < text.length - 3; p++) {
    const rest = text.slice(p);
    if (opensWithCityName(rest) && isName(rest)) return NAME_PART_END.test(text.slice(0, p)) ? -1 : p;
  }
  return -1;
}

/** Words that end a part of an organisation's name, not a head's phrase. */
const NAME_PART_END = /(?:大学|学院|医院|集团|公司|中心|协会|部队|军|部|局|委|会|院|所)$/;

/** Do these words end like a part of an organisation's name (`…大学`, `…医院`), not a head's phrase? */
export function endsLikeNamePart(text: string): boolean {
  return NAME_PART_END.test(text) || /附属$/.test(text);
}

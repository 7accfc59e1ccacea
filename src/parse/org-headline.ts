/** An institution's label and a headline printed on one line, in either order, read apart. */
import { cityNameStart, gluedCityNameStart } from './places.js';
import { isOrgName, splitGluedOrgTail } from './text-form.js';

/** A closing mark (or a head's closing ？！) and at most two characters after it. */
const CLOSED_THEN_FEW = /[）)”》？！?!][^）)”》？！?!]{1,2}$/;

/**
 * Split `机构 标题` / `标题 机构` (institution and headline on one line, either order). A label read
 * off the end that holds a city name past its start (`党建引领发展成都某某大学附属医院`) starts at that
 * name: what comes before it is the head's last words.
 */
export function splitOrgHeadline(text: string): { institution: string; headline: string; headWords?: string } | null {
  const split = splitOrgHeadlineBySuffix(text);
  if (!split || !text.endsWith(split.institution)) return split;
  const p = cityNameStart(split.institution, isOrgName);
  if (p === 0) return split;
  const institution = split.institution.slice(p);
  return {
    institution,
    headline: text.slice(0, text.length - institution.length).trim(),
    headWords: split.institution.slice(0, p),
  };
}

function splitOrgHeadlineBySuffix(text: string): { institution: string; headline: string } | null {
  // A place-anchored name glued to the end wins: a long last phrase may itself end in 医院.
  // A name glued after a closing mark (`…（健康视点）某某大学附属医院`, `“…”某某医院`, `…？某某医院`): the mark ends the head.
  const afterMark = /^(.{4,}[）)”》？！?!])([^）)”》？！?!\s]+)$/.exec(text);
  const markSplit =
    afterMark && isOrgName(afterMark[2]!) ? { institution: afterMark[2]!, headline: afterMark[1]! } : null;
  const glued = splitGluedOrgTail(text);
  // A head does not end a character or two after its closing mark: the label starts at the mark.
  if (glued && glued.head.length >= 4 && !(markSplit && CLOSED_THEN_FEW.test(glued.head)))
    return { institution: glued.org, headline: glued.head };
  if (markSplit) return markSplit;
  const parts = text.split(/ +/);
  if (parts.length >= 2) {
    if (isOrgName(parts[0])) return { institution: parts[0], headline: parts.slice(1).join(' ') };
    const last = parts[parts.length - 1];
    if (isOrgName(last)) return { institution: last, headline: parts.slice(0, -1).join(' ') };
  }
  // A label named after its city, with no district to anchor it, glued after the head.
  const city = gluedCityNameStart(text, isOrgName);
  return city > 0 ? { institution: text.slice(city), headline: text.slice(0, city).trim() } : null;
}

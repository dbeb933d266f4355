/**
 * v1 editions are read for good: a v1 file (one feature per page) is the v2
 * page that holds that feature as its only module. `upgradeV1` is the one
 * mapping, and `featurePageAsEdition` its inverse for the feature layout,
 * which still reads the v1 shape until the module kinds replace it
 * (docs/design/general-pages.md, section 11). The two round-trip exactly.
 */
import type { Edition } from '../schema.ts';
import type { FeatureModule } from './modules.ts';
import type { Page } from './page.ts';

/** The module id a feature gets from a v1 file without an `id`. */
export const FEATURE_ID = 'feature';

export function upgradeV1(edition: Edition): Page {
  const { id, title, lang, paper, keywords, credit, headline, byline, honors, photos, photoGroups, sections } = edition;
  const feature: FeatureModule = defined({ kind: 'feature' as const, id: id ?? FEATURE_ID, headline, byline, honors, photos, photoGroups, sections });
  return defined({
    version: 2 as const,
    id,
    title,
    lang,
    paper,
    keywords,
    furniture: defined({ masthead: false, folioLine: true, credit }),
    modules: [feature],
  });
}

/** The v1 shape of a page whose one module is a feature, or undefined for any other page. */
export function featurePageAsEdition(page: Page): Edition | undefined {
  const [only, ...rest] = page.modules;
  if (!only || rest.length > 0 || only.kind !== 'feature' || only.pin) return undefined;
  if (page.furniture.masthead || !page.furniture.folioLine) return undefined;
  const { cn, issueNumber, publisher, preset, ...fields } = page.paper;
  // The feature is set on the 对开 grid only (the page schema refuses it on another preset).
  if (preset !== 'duikai') return undefined;
  const paper = { ...fields, preset };
  if (cn !== undefined || issueNumber !== undefined || publisher !== undefined) return undefined;
  return defined({
    id: page.id,
    title: page.title,
    lang: page.lang,
    paper,
    headline: only.headline,
    byline: only.byline,
    honors: only.honors,
    photos: only.photos,
    photoGroups: only.photoGroups,
    sections: only.sections,
    credit: page.furniture.credit,
    keywords: page.keywords,
  });
}

/** Drops keys whose value is undefined, so a round trip compares equal and YAML writes no empty keys. */
function defined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

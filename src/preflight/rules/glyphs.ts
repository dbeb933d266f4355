/** Glyph coverage of the edition's content (see ../glyphs.ts), when the edition is known. */
import { t } from '../../i18n/locale.ts';
import { checkGlyphCoverage } from '../glyphs.ts';
import type { Rule } from '../types.ts';

export const glyphsRule: Rule = {
  id: 'glyphs',
  get title() {
    return t('preflight.rule.glyphs');
  },
  applies: (context) => context.edition?.content !== undefined,
  check: ({ edition }) => checkGlyphCoverage(edition!.content!, edition!.file),
};

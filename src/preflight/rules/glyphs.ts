/** Glyph coverage of the edition's content (see ../glyphs.ts), when the edition is known. */
import { checkGlyphCoverage } from '../glyphs.ts';
import type { Rule } from '../types.ts';

export const glyphsRule: Rule = {
  id: 'glyphs',
  title: "every character of the content is in its font",
  applies: (context) => context.edition?.content !== undefined,
  check: ({ edition }) => checkGlyphCoverage(edition!.content!, edition!.file),
};

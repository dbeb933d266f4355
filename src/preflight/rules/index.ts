/** Every preflight rule, in the order the report lists them. */
import type { Rule } from '../types.ts';
import { boxesRule } from './boxes.ts';
import { colourPlatesRule } from './colour-plates.ts';
import { overprintRule } from './overprint.ts';
import { reversedTypeRule } from './reversed-type.ts';
import { fontsRule } from './fonts.ts';
import { glyphsRule } from './glyphs.ts';
import { imageResolutionRule } from './image-resolution.ts';
import { inkCoverageRule } from './ink-coverage.ts';
import { pageSizeRule } from './page-size.ts';
import { pdfxRule } from './pdfx.ts';
import { readableRule } from './readable.ts';
import { rgbRule } from './rgb.ts';
import { safeAreaRule } from './safe-area.ts';
import { textSizeRule } from './text-size.ts';
import { transparencyRule } from './transparency.ts';

export const RULES: readonly Rule[] = [
  readableRule,
  glyphsRule,
  pageSizeRule,
  boxesRule,
  fontsRule,
  imageResolutionRule,
  textSizeRule,
  safeAreaRule,
  rgbRule,
  transparencyRule,
  inkCoverageRule,
  overprintRule,
  colourPlatesRule,
  reversedTypeRule,
  pdfxRule,
];

/**
 * Reversed (white) type under 10 pt out of a background of more than one
 * plate (issue 20): the slightest misregistration fills its counters with the
 * other plate's colour. The background is the last filled shape painted under
 * the text's centre before it.
 */
import { t } from '../../i18n/locale.ts';
import { formatRectMm, type Rect } from '../inspect/geometry.ts';
import type { Mark } from '../inspect/marks.ts';
import { formatPaint, platesOf, textsOnPage } from '../inspect/plates.ts';
import type { Finding, Rule } from '../types.ts';

export const REVERSED_BELOW_PT = 10;

const contains = (box: Rect, x: number, y: number) => x >= box.x0 && x <= box.x1 && y >= box.y0 && y <= box.y1;

/** The shape filled last under (x, y) among the marks painted before index `before`. */
function backgroundAt(marks: readonly Mark[], before: number, x: number, y: number): Mark | undefined {
  for (let i = before - 1; i >= 0; i -= 1) {
    const mark = marks[i]!;
    if ((mark.kind === 'path' && mark.fill) || mark.kind === 'image') {
      if (contains(mark.bbox, x, y)) return mark;
    }
  }
  return undefined;
}

export const reversedTypeRule: Rule = {
  id: 'reversed-type',
  get title() {
    return t('preflight.rule.reversed-type', { pt: REVERSED_BELOW_PT });
  },
  applies: (context) => context.press,
  check({ facts, measurements }) {
    const findings: Finding[] = [];
    let reversed = 0;
    for (const page of facts.pages) {
      const marks = page.content.marks;
      const printed = new Set<Mark>(textsOnPage(page));
      marks.forEach((mark, index) => {
        if (mark.kind !== 'text' || mark.ink || !printed.has(mark)) return;
        const text = page.content.texts.find((run) => run === mark);
        if (!text || text.sizePt >= REVERSED_BELOW_PT - 0.01) return; // 9.995 pt is 10 pt through a scaled matrix
        const background = backgroundAt(marks, index, (mark.bbox.x0 + mark.bbox.x1) / 2, (mark.bbox.y0 + mark.bbox.y1) / 2);
        if (!background?.ink) return;
        reversed += 1;
        const plates = background.kind === 'image' ? undefined : platesOf(background.fill!);
        if (plates && plates.length <= 1) return;
        findings.push({
          rule: 'reversed-type',
          severity: 'warning',
          page: page.number,
          where: formatRectMm(mark.bbox),
          message: t('preflight.reversed', {
            glyphs: text.glyphs,
            pt: text.sizePt.toFixed(1),
            background: background.kind === 'image' ? t('preflight.anImage') : `${formatPaint(background.fill!)} (${plates!.join('+')})`,
          }),
          hint: t('preflight.reversedHint', { pt: REVERSED_BELOW_PT }),
        });
      });
    }
    measurements.reversedSmallType = reversed;
    return findings;
  },
};

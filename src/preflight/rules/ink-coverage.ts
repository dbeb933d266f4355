/** Maximum total ink coverage of a press file against the newsprint limit (see ../../pdf/read/ink-coverage.ts). */
import { t } from '../../i18n/locale.ts';
import type { Rule } from '../types.ts';

export const inkCoverageRule: Rule = {
  id: 'ink-coverage',
  get title() {
    return t('preflight.rule.ink-coverage');
  },
  applies: (context) => context.press,
  async check(context) {
    const ink = await context.ink();
    context.measurements.ink = ink;
    if (ink.withinLimit) return [];
    return [{
      rule: 'ink-coverage',
      severity: 'error',
      page: ink.at.page,
      where: `${ink.at.xMm} mm from the left, ${ink.at.yMm} mm from the top of the BleedBox`,
      message: t('preflight.inkOver', { ink: ink.maxPercent, limit: ink.limitPercent, area: ink.overLimitMm2 }),
      hint: t('preflight.inkOverHint'),
    }];
  },
};

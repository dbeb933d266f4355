/** Messages of the preflight report (see messages.ts). */
export const PREFLIGHT_MESSAGES = {
  'preflight.title': { en: 'preflight {file}', zh: '预检 {file}' },
} as const;

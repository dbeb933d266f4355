/** Messages of the preflight report (see messages.ts). */
export const PREFLIGHT_MESSAGES = {
  'preflight.title': { en: 'preflight {file}', zh: '预检 {file}' },
  'preflight.overprint': { en: 'overprint: {overprinting} of {runs} solid black text runs overprint', zh: '叠印：{runs} 段实地黑文字中 {overprinting} 段叠印' },
  'preflight.textPlates': { en: 'coloured text {colour}: {plates} ({runs} runs, smallest {size} pt)', zh: '彩色文字 {colour}：{plates} 版（{runs} 段，最小 {size} 磅）' },
  'preflight.reversedType': { en: 'reversed type under 10 pt: {runs} run(s)', zh: '10 磅以下反白字：{runs} 段' },
  'preflight.pressRefused': {
    en: 'no press PDF was written: the preflight of {file} found {errors} error(s):\n{findings}',
    zh: '未写入印刷文件：{file} 的预检发现 {errors} 个错误：\n{findings}',
  },
  'preflight.pressRefusedHint': { en: 'fix them and render again; {file} was left as it was', zh: '改正后重新生成；{file} 保持原样' },
} as const;

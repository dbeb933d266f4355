/** Messages of the preflight report (see messages.ts). */
export const PREFLIGHT_MESSAGES = {
  'preflight.title': { en: 'preflight {file}', zh: '预检 {file}' },
  'preflight.titlePress': { en: 'preflight {file} (press)', zh: '预检 {file}（印刷文件）' },
  'preflight.page': { en: 'page {page}', zh: '第 {page} 版' },
  'preflight.error': { en: 'error:', zh: '错误：' },
  'preflight.warning': { en: 'warning:', zh: '警告：' },
  'preflight.factPages': { en: '{pages} page(s)', zh: '{pages} 个版面' },
  'preflight.factFonts': { en: '{fonts} fonts', zh: '{fonts} 款字体' },
  'preflight.factSmallestText': { en: 'smallest text {pt} pt', zh: '最小字号 {pt} pt' },
  'preflight.factLowestPpi': { en: 'lowest image resolution {ppi} ppi', zh: '图片最低分辨率 {ppi} ppi' },
  'preflight.factInk': { en: 'max ink {ink}% (limit {limit}%)', zh: '最大总墨量 {ink}%（上限 {limit}%）' },
  'preflight.factSeparator': { en: '; ', zh: '；' },
  'preflight.passed': { en: 'passed: {errors} error(s), {warnings} warning(s) in {seconds} s', zh: '预检通过：{errors} 个错误，{warnings} 个警告，用时 {seconds} 秒' },
  'preflight.failed': { en: 'FAILED: {errors} error(s), {warnings} warning(s) in {seconds} s', zh: '预检未通过：{errors} 个错误，{warnings} 个警告，用时 {seconds} 秒' },
  'preflight.lowPpi': {
    en: 'photo "{id}" ({file}, {width}×{height} px) is placed at {ppi} ppi; print needs at least {needed}: use a larger original or place it smaller',
    zh: '图片“{id}”（{file}，{width}×{height} 像素）按现在的尺寸只有 {ppi} ppi，印刷至少需要 {needed}：请换更大的原图或缩小图片',
  },
  'preflight.missingFolioField': {
    en: 'the folio line has no {what}: set {field} in edition.yaml',
    zh: '版头缺少{what}：请在 edition.yaml 中填写 {field}',
  },
  'preflight.folioField.name': { en: 'newspaper name', zh: '报名' },
  'preflight.folioField.date': { en: 'date', zh: '出版日期' },
  'preflight.folioField.page': { en: 'page number', zh: '版次' },
  'preflight.folioField.section': { en: 'page title', zh: '版名' },
  'preflight.folioField.editor': { en: 'page editor (责任编辑)', zh: '责任编辑' },
} as const;

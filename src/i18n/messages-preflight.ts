/** Messages of the preflight report (see messages.ts). */
export const PREFLIGHT_MESSAGES = {
  'preflight.title': { en: 'preflight {file}', zh: '预检 {file}' },
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

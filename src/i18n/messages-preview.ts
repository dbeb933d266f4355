/** Messages of the preview: the terminal log and the proofing page in the browser (see messages.ts). */
export const PREVIEW_MESSAGES = {
  'preview.listening': { en: 'previewing {file} at {url} (Ctrl-C to stop)', zh: '正在预览 {file}：{url}（按 Ctrl-C 停止）' },
} as const;

/** Messages of the preview: the terminal log and the proofing page in the browser (see messages.ts). */
export const PREVIEW_MESSAGES = {
  'preview.listening': { en: 'previewing {file} at {url} (Ctrl-C to stop)', zh: '正在预览 {file}：{url}（按 Ctrl-C 停止）' },
  'preview.networkUrls': { en: 'colleagues on the network can open: {urls}', zh: '同一网络的同事可打开：{urls}' },
  'preview.exposedWarning': {
    en: 'warning: listening on {host}: other machines that can reach it can read this edition',
    zh: '警告：正在监听 {host}：能访问本机的其他电脑都能看到这期稿件',
  },
} as const;

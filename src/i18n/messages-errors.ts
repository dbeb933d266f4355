/** Messages of the pipeline's typed errors: what failed, why, and the fix line (see messages.ts). */
export const ERROR_MESSAGES = {
  'cache.dirFailed': { en: 'cannot make the cache folder {dir}: {reason}', zh: '无法创建缓存文件夹 {dir}：{reason}' },
  'cache.dirNotWritable': { en: 'cannot write in the cache folder {dir}: {reason}', zh: '无法写入缓存文件夹 {dir}：{reason}' },
  'cache.hint': {
    en: 'Folio keeps derived photos and cut fonts in $XDG_CACHE_HOME/folio (else ~/.cache/folio): set XDG_CACHE_HOME to a folder you can write to, e.g. XDG_CACHE_HOME=/tmp/folio-cache',
    zh: 'Folio 把处理过的图片和裁切后的字体缓存在 $XDG_CACHE_HOME/folio（未设置时为 ~/.cache/folio）：请把 XDG_CACHE_HOME 设为一个有写权限的文件夹，例如 XDG_CACHE_HOME=/tmp/folio-cache',
  },
  'cache.fullHint': {
    en: 'free space on that disk, or set XDG_CACHE_HOME to a folder on a disk with room (Folio caches derived photos and cut fonts in $XDG_CACHE_HOME/folio)',
    zh: '请清理该磁盘的空间，或把 XDG_CACHE_HOME 设为空间充足的磁盘上的文件夹（Folio 把处理过的图片和裁切后的字体缓存在 $XDG_CACHE_HOME/folio）',
  },
} as const;

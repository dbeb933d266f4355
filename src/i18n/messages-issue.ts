/** Messages of issue folders (issue 18): loading paper.yaml and issue.yaml, and `folio render <issue>`. */
export const ISSUE_MESSAGES = {
  'issue.noPaperFile': {
    en: 'the issue folder {dir} has no paper.yaml, and neither has the folder above it',
    zh: '期次文件夹 {dir} 及其上一级文件夹中都没有 paper.yaml',
  },
  'issue.noPaperFileHint': {
    en: 'write paper.yaml (the paper\'s name, preset, plate-file pattern) in the issue folder or in the year folder above it',
    zh: '在期次文件夹或其上一级（年度）文件夹中写一个 paper.yaml（报名、版式、印版文件命名规则）',
  },
  'issue.cannotRead': { en: 'cannot read {file}', zh: '无法读取 {file}' },
  'issue.cannotReadHint': { en: 'check that the file exists and is readable', zh: '请检查文件是否存在且可读' },
  'issue.schemaMismatch': { en: '{file} does not match its schema:', zh: '{file} 不符合其格式要求：' },
  'issue.schemaHint': {
    en: 'see "Issue folders" in README.md for the fields of paper.yaml and issue.yaml',
    zh: 'paper.yaml 与 issue.yaml 的字段见 README.md 的“Issue folders”一段',
  },
  'issue.noPageFile': { en: 'page {label}: its file {file} does not exist', zh: '{label} 版：版面文件 {file} 不存在' },
  'issue.noPageFileHint': {
    en: 'give the page file\'s path relative to the issue folder (a .yaml file, or a folder holding edition.yaml)',
    zh: '请写出相对于期次文件夹的版面文件路径（.yaml 文件，或含 edition.yaml 的文件夹）',
  },
  'issue.ownField': {
    en: 'the page sets its own {field} "{own}"; {source} gives "{value}": the page\'s value is used',
    zh: '版面文件自带 {field}「{own}」，{source} 中为「{value}」：采用版面文件自己的值',
  },
  'issue.badJump': {
    en: 'story "{story}" on page {page} continues on "{target}", which is not a later page of this issue',
    zh: '{page} 版的稿件「{story}」转至「{target}」，但它不是本期中靠后的版面',
  },
  'issue.badJumpHint': {
    en: 'set continue: to the label (or file) of a later page in issue.yaml: {labels}',
    zh: '请把 continue: 改为 issue.yaml 中靠后版面的版号（或文件）：{labels}',
  },
  'issue.badJumpLastHint': {
    en: 'this is the last page of the issue: remove continue:, or cut the story to fit its page',
    zh: '这是本期最后一个版面：请删去 continue:，或删减稿件使其排入本版',
  },
  'issue.jumpToFeature': {
    en: 'page {page} is a feature page, and a story continues on it ({stories})',
    zh: '{page} 版是专版（feature），不能接排转来的稿件（{stories}）',
  },
  'issue.jumpToFeatureHint': {
    en: 'continue the story on a page of modules (version: 2)',
    zh: '请把稿件转至模块版面（version: 2）',
  },
  'issue.htmlOneFile': {
    en: '--html writes one file, and {dir} is an issue of several pages',
    zh: '--html 只写一个文件，而 {dir} 是一整期（多个版面）',
  },
  'issue.htmlOneFileHint': {
    en: 'leave --html out when rendering an issue',
    zh: '渲染整期时请不要用 --html',
  },
  'issue.pageDone': {
    en: '{label} {name}: wrote {file} ({pages} {pages|page|pages}, {seconds} s)',
    zh: '{label} {name}：已写入 {file}（{pages} 个版面，用时 {seconds} 秒）',
  },
  'issue.summary': {
    en: 'issue {date}: {count} {count|page|pages}; wrote {file} with a bookmark and page label per page ({seconds} s); preflight: {reports} {reports|report|reports} beside the plates',
    zh: '{date} 期：{count} 个版面；已写入整期文件 {file}，每版一个书签和页码标签（用时 {seconds} 秒）；预检报告 {reports} 份，与各版文件放在一起',
  },
} as const;

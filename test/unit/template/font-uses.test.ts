/** The faces the byline is recorded in decide which subset carries its characters and its ■ (issue 19 item 6). */
import { describe, expect, it } from 'vitest';
import { loadContent, loadEdition } from '../../../src/content/load.ts';
import { collectFontUses, printedFields } from '../../../src/template/font-uses.ts';
import { BYLINE_MARK } from '../../../src/template/page-fields.ts';
import type { Page } from '../../../src/content/v2/page.ts';

const kaiText = (uses: ReturnType<typeof collectFontUses>) => uses.find((u) => u.family === 'LXGW WenKai' && u.weight === 400)?.text ?? '';

async function newsPage(): Promise<Page> {
  const loaded = await loadContent('test/fixtures/pages/news-six');
  if (!('page' in loaded)) throw new Error('news-six is not a general page');
  return loaded.page;
}

describe('collectFontUses and the byline', () => {
  it('cuts the feature byline and its ■ into the Kai subset, not the sans one', async () => {
    const { edition } = await loadEdition('content/wuzhi-2024');
    expect(printedFields(edition).find((f) => f.path === 'byline')).toMatchObject({ family: 'LXGW WenKai', weight: 400 });
    expect(kaiText(collectFontUses(edition))).toContain(BYLINE_MARK);
    const { byline: _byline, ...withoutByline } = edition;
    expect(kaiText(collectFontUses(withoutByline))).not.toContain(BYLINE_MARK);
  });

  it('adds the ■ for a general page story whose byline stands on its own line, not for a run-in （记者 X）', async () => {
    const page = await newsPage();
    expect(kaiText(collectFontUses(page))).toContain(BYLINE_MARK);
    const runIn = { ...page, modules: page.modules.map((m) => (m.kind === 'story' && m.byline !== undefined ? { ...m, byline: '（记者 某某）' } : m)) };
    expect(kaiText(collectFontUses(runIn))).not.toContain(BYLINE_MARK);
    // A run-in byline prints in the dateline's bold sans (templates/partials/module-story.hbs).
    const field = printedFields(runIn).find((f) => f.path.endsWith('.byline'));
    expect(field).toMatchObject({ family: 'Noto Sans SC', weight: 700, text: '（记者 某某）' });
  });
});

import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderHtml } from '../../../src/template/render.ts';
import { breakParts, formatDate, stripBylineMark, stripStar } from '../../../src/template/helpers.ts';
import { parseEdition } from '../../../src/content/load.ts';
import { DUIKAI } from '../../../src/defaults.ts';

const edition = parseEdition(
  `headline:\n  title: "<script>alert(1)</script> 标题"\nsections:\n  - id: s\n    label: 精彩\n    articles:\n      - title: '<img src=x onerror=alert(1)>'\n        paragraphs: ['段落 & <b>粗</b>']\nphotos:\n  - id: p\n    caption: 说明\n`,
  'inline.yaml',
);

describe('renderHtml', () => {
  it('escapes every content string', async () => {
    const { html } = await renderHtml({ edition, id: 'x', geometry: DUIKAI, fontCss: '' });
    expect(html).not.toContain('<script>alert');
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('&lt;script&gt;');
    expect(html).toContain('段落 &amp; &lt;b&gt;粗&lt;/b&gt;');
  });

  it('emits the @page geometry with literal values Paged.js can read', async () => {
    const { html } = await renderHtml({ edition, id: 'x', geometry: DUIKAI, fontCss: '' });
    expect(html).toMatch(/@page \{\s*size: 390mm 545mm;/);
    expect(html).toContain('bleed: 10mm');
    expect(html).toContain('data-pagedjs-ignore');
  });

  it('declares every photo slot, placeholders included', async () => {
    const { html } = await renderHtml({ edition, id: 'x', geometry: DUIKAI, fontCss: '' });
    expect(html).toContain('data-photo="p"');
    expect(html).toContain('photo--placeholder');
  });
});

describe('helpers', () => {
  it('splits titles at spaces, strips typed stars, formats dates', () => {
    expect(breakParts('构建现代化产业体系 在突出工业强县上见成效')).toEqual(['构建现代化产业体系', '在突出工业强县上见成效']);
    expect(stripStar('★全国医养结合示范县')).toBe('全国医养结合示范县');
    // The template sets the byline's ■; one typed in the copy (the importer keeps a story's □) is not repeated.
    expect(stripBylineMark('□本报记者 刘洋')).toBe('本报记者 刘洋');
    expect(stripBylineMark('■ 本报记者 刘洋')).toBe('本报记者 刘洋');
    expect(stripBylineMark('本报记者 刘洋')).toBe('本报记者 刘洋');
    expect(formatDate('2024-01-05')).toBe('2024年1月5日');
  });

  it('uses a template edited between two renders (compiled templates are kept by their text)', async () => {
    const templatesDir = mkdtempSync(path.join(os.tmpdir(), 'folio-templates-'));
    try {
      cpSync(path.resolve(import.meta.dirname, '../../../templates'), templatesDir, { recursive: true });
      const first = await renderHtml({ edition, id: 'x', geometry: DUIKAI, fontCss: '', templatesDir });
      const again = await renderHtml({ edition, id: 'x', geometry: DUIKAI, fontCss: '', templatesDir });
      expect(again.html).toBe(first.html);
      const partial = path.join(templatesDir, 'partials', 'photo.hbs');
      writeFileSync(partial, readFileSync(partial, 'utf8') + '<!-- edited -->');
      const edited = await renderHtml({ edition, id: 'x', geometry: DUIKAI, fontCss: '', templatesDir });
      expect(edited.html).toContain('<!-- edited -->');
    } finally {
      rmSync(templatesDir, { recursive: true, force: true });
    }
  });
});

// The report panel of the preview shell (plain JS). It shows what the
// copyfit gave each module and the room left in it, what it adjusted, the
// build's warnings, what the browser found overflowing after Paged.js, and
// the preflight findings known before the PDF (photo resolution, folio line).
// Content comes from the edition, so it is set as text, never as HTML.
(function () {
  'use strict';

  const messages = JSON.parse(document.getElementById('folio-messages').textContent);
  // The shell's messages in the user's language (src/i18n), with {name} filled in.
  window.folioSay = function (id, params) {
    return (messages[id] || id).replace(/\{(\w+)\}/g, (whole, name) => (params && params[name] !== undefined ? String(params[name]) : whole));
  };
  const say = window.folioSay;

  function element(tag, text, className) {
    const node = document.createElement(tag);
    if (text !== undefined) node.textContent = text;
    if (className) node.className = className;
    return node;
  }

  function moduleTable(fit) {
    const table = element('table');
    const head = table.createTHead().insertRow();
    for (const title of ['module', 'lines', 'room', 'choice']) head.append(element('th', say(`preview.report.${title}`)));
    const body = table.createTBody();
    for (const row of fit.modules) {
      const tr = body.insertRow();
      tr.append(element('td', row.module), element('td', String(row.lines), 'num'), element('td', String(row.roomLines), 'num'), element('td', row.detail));
    }
    const foot = body.insertRow();
    foot.append(element('td', say('preview.report.foot')), element('td', '', 'num'), element('td', String(fit.blankLines), 'num'), element('td', say('preview.report.total', { lines: fit.totalLines })));
    return table;
  }

  function list(items, className) {
    const ul = element('ul');
    for (const item of items) ul.append(element('li', item, className));
    return ul;
  }

  function findingList(findings) {
    const ul = element('ul', undefined, 'findings');
    for (const finding of findings) {
      const li = element('li', undefined, `finding finding--${finding.severity}`);
      li.dataset.where = finding.where;
      li.append(element('code', finding.where), document.createTextNode(` ${finding.message}`));
      ul.append(li);
    }
    return ul;
  }

  window.folioRenderReport = function (panel, state, page) {
    panel.replaceChildren();
    panel.append(element('h3', say('preview.report.title')));
    const fit = state && state.report;
    if (!fit) {
      panel.append(element('p', say('preview.report.none')));
      return;
    }
    panel.append(element('p', say('preview.report.intro', { rounds: fit.rounds })));
    panel.append(moduleTable(fit));
    if (fit.adjustments.length > 0) {
      panel.append(element('h3', say('preview.report.adjusted')), list(fit.adjustments));
    }
    const overflow = page
      ? page.overflow.map((o) => say(o.columns ? 'preview.report.overflowColumns' : 'preview.report.overflow', o))
      : [];
    // The checks paginate.ts makes before printing, made here after Paged.js ran in this browser.
    if (page && page.pages > 1) overflow.push(say('preview.report.spilled', { pages: page.pages }));
    const warnings = [...(state.warnings || []), ...overflow];
    if (warnings.length > 0) panel.append(element('h3', say('preview.report.warnings')), list(warnings, 'warning'));
    const findings = state.findings || [];
    panel.append(element('h3', say('preview.report.preflight')));
    panel.append(findings.length > 0 ? findingList(findings) : element('p', say('preview.report.preflightClean')));
  };
})();

// The fitting report panel of the preview shell (plain JS). It shows what the
// copyfit gave each module and the room left in it, what it adjusted, the
// build's warnings, and what the browser found overflowing after Paged.js.
// Content comes from the edition, so it is set as text, never as HTML.
(function () {
  'use strict';

  function element(tag, text, className) {
    const node = document.createElement(tag);
    if (text !== undefined) node.textContent = text;
    if (className) node.className = className;
    return node;
  }

  function moduleTable(fit) {
    const table = element('table');
    const head = table.createTHead().insertRow();
    for (const title of ['Module', 'Lines', 'Room', 'What the fit chose']) head.append(element('th', title));
    const body = table.createTBody();
    for (const row of fit.modules) {
      const tr = body.insertRow();
      tr.append(element('td', row.module), element('td', String(row.lines), 'num'), element('td', String(row.roomLines), 'num'), element('td', row.detail));
    }
    const foot = body.insertRow();
    foot.append(element('td', 'page foot'), element('td', '', 'num'), element('td', String(fit.blankLines), 'num'), element('td', `${fit.totalLines} lines in the type area`));
    return table;
  }

  function list(items, className) {
    const ul = element('ul');
    for (const item of items) ul.append(element('li', item, className));
    return ul;
  }

  window.folioRenderReport = function (panel, state, page) {
    panel.replaceChildren();
    panel.append(element('h3', 'Fitting report'));
    const fit = state && state.report;
    if (!fit) {
      panel.append(element('p', 'No page has been fitted yet.'));
      return;
    }
    panel.append(element('p', `Fitted in ${fit.rounds} round${fit.rounds === 1 ? '' : 's'}. Lines are baseline-grid lines; room is the lines left empty in a module.`));
    panel.append(moduleTable(fit));
    if (fit.adjustments.length > 0) {
      panel.append(element('h3', 'Adjusted'), list(fit.adjustments));
    }
    const overflow = page ? page.overflow.map((o) => `「${o.module}」 overflows by ${o.lines} line(s)${o.columns ? ` and ${o.columns} column(s)` : ''}`) : [];
    // The checks paginate.ts makes before printing, made here after Paged.js ran in this browser.
    if (page && page.pages > 1) overflow.push(`the content spilled onto ${page.pages} pages; the design has 1`);
    const warnings = [...(state.warnings || []), ...overflow];
    if (warnings.length > 0) panel.append(element('h3', 'Warnings'), list(warnings, 'warning'));
  };
})();

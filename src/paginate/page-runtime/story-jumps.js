// In-page runtime for general pages (plain JS, runs in Chromium): 转版 (issue
// 18). A story the solver cuts for a jump ends at the last whole line its
// module shows, with its jump line (下转第X版) at the foot; where it was cut
// goes back to Node, which sends exactly the rest to the target page.
// Loaded before modules.js, which restores a cut story before setting a page again.
(function () {
  'use strict';

  const { moduleEls: modules, part } = window.folio;

  // 转版 (issue 18). The story's text items (lead, body items, sign-off) as one run of characters: each
  // with its text node, its item and its offset in the item's own text (the dateline run into the first
  // paragraph is not the paragraph's text, so it takes no offset).
  function storyChars(text) {
    const chars = [];
    for (const item of text.querySelectorAll(':scope > [data-item]')) {
      const walker = document.createTreeWalker(item, NodeFilter.SHOW_TEXT);
      let own = 0;
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const opener = node.parentElement.closest('.story__dateline') !== null;
        for (let k = 0; k < node.data.length; k += 1) chars.push({ node, k, item, own: opener ? 0 : own++ });
      }
    }
    return chars;
  }

  function charRect(c) {
    const range = document.createRange();
    range.setStart(c.node, c.k);
    range.setEnd(c.node, c.k + 1);
    return range.getClientRects()[0];
  }

  const within = (rect, box) => rect.right <= box.right + 0.5 && rect.bottom <= box.bottom + 0.5;

  // The first character the module does not show: past the foot of the text area, or in a column beyond its
  // right edge (a multi-column box that overflows adds columns there). It begins a line: a line is never split.
  function firstHidden(chars, box) {
    return chars.findIndex((c) => {
      const rect = charRect(c);
      return rect !== undefined && !within(rect, box);
    });
  }

  // The first character of the line before the one that starts at `at` (lines never cross items).
  function previousLineStart(chars, at) {
    let j = at - 1;
    const top = charRect(chars[j]).top;
    while (j > 0 && chars[j - 1].item === chars[j].item && Math.abs(charRect(chars[j - 1]).top - top) < 1) j -= 1;
    return j;
  }

  // A subhead is never the last thing of a first part: the cut moves to before it.
  function beforeSubhead(chars, at) {
    let cut = at;
    const startOf = (item) => chars.findIndex((c) => c.item === item);
    if (chars[cut].item.matches('.subhead')) cut = startOf(chars[cut].item);
    const previous = cut > 0 ? chars[cut - 1].item : null;
    if (chars[cut].own === 0 && previous && previous !== chars[cut].item && previous.matches('.subhead')) cut = startOf(previous);
    return cut;
  }

  // Removes the text from character `at` on; the cut paragraph's last line stays justified like any full line.
  function cutAt(text, chars, at) {
    const c = chars[at];
    const items = [...text.querySelectorAll(':scope > [data-item]')];
    const from = items.indexOf(c.item);
    const starts = chars.findIndex((x) => x.item === c.item) === at;
    for (const later of items.slice(starts ? from : from + 1)) later.remove();
    if (starts) return;
    const range = document.createRange();
    range.setStart(c.node, c.k);
    range.setEnd(c.item, c.item.childNodes.length);
    range.deleteContents();
    c.item.classList.add('story__cut');
  }

  // Ends a story cut by the solver at the last line that fits its module, with its jump line (下转第X版) at the
  // foot, and reports where: { item: 'lead' | body index | 'signoff', offset }. Null when all of it fits.
  function splitStory(id) {
    const el = modules().find((m) => m.dataset.moduleId === id);
    const text = part(el, 'text');
    if (el.folioText === undefined) el.folioText = text.innerHTML;
    const box = text.getBoundingClientRect();
    window.folio.keepSubheads(text);
    let cut = firstHidden(storyChars(text), box);
    if (cut < 0) return null;
    for (let tries = 0; tries < 8 && cut > 0; tries += 1) {
      text.innerHTML = el.folioText;
      window.folio.keepSubheads(text);
      const chars = storyChars(text);
      cut = beforeSubhead(chars, cut);
      if (cut <= 0) break;
      const c = chars[cut];
      const shorter = previousLineStart(chars, cut);
      cutAt(text, chars, cut);
      window.folio.keepSubheads(text);
      const jump = part(el, 'jump');
      jump.hidden = false;
      if (within(jump.getBoundingClientRect(), box) && firstHidden(storyChars(text), box) < 0) {
        const item = c.item.dataset.item;
        return { item: /^\d+$/.test(item) ? Number(item) : item, offset: c.own };
      }
      cut = shorter; // the jump line takes the last line: end one line earlier
    }
    throw new Error(`story "${id}" cannot be cut to fit its module with its jump line`);
  }

  // A story cut in an earlier round gets its whole text back before the page is set again.
  function restoreStory(el) {
    if (el.folioText === undefined) return;
    part(el, 'text').innerHTML = el.folioText;
    delete el.folioText;
  }

  window.folio = Object.assign(window.folio || {}, { splitStory, restoreStory });
})();

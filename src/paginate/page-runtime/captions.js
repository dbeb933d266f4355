// Caption measure, in the page (plain JS: it runs in Chromium). A caption
// breaks only between phrases (template helper `captionPhrases`), so a
// justified line that ends a phrase early spreads its letters; and Chromium's
// `text-wrap: pretty` may take a word down to lengthen the last line, leaving
// the line above loose (国药集团…注射剂 spread over 27 characters). A 美编
// narrows the caption's measure by whole characters until its lines fill it:
// here the narrowing, from none up to a quarter of the measure, that leaves
// the least slack in the caption's full lines, keeping its number of lines
// (the fit counted them) and its left edge on the frame's (issue 19, item 2).
(function () {
  'use strict';

  // A caption never gives up more than this share of its frame's width.
  const MAX_NARROWING = 0.25;
  // Slack smaller than this (em) is what justification may spread unseen.
  const TIGHT_EM = 0.5;

  // The caption's lines as printed: its phrases (each kept on one line) grouped by top.
  function linesOf(caption) {
    const lines = [];
    for (const phrase of caption.querySelectorAll('.photo__phrase')) {
      const rect = phrase.getBoundingClientRect();
      const line = lines.find((l) => Math.abs(l.top - rect.top) < rect.height / 2);
      if (line) line.right = Math.max(line.right, rect.right);
      else lines.push({ top: rect.top, right: rect.right });
    }
    return lines.sort((a, b) => a.top - b.top);
  }

  // Largest slack of the phrase lines before the last, in em, set ragged so each line shows
  // its natural end; and the caption's height in lines, its credit's included.
  function slackOf(caption, em) {
    const box = caption.getBoundingClientRect();
    const style = getComputedStyle(caption);
    const right = box.right - parseFloat(style.paddingRight);
    const full = linesOf(caption).slice(0, -1);
    return { count: Math.round(box.height / parseFloat(style.lineHeight)), slack: full.length ? Math.max(...full.map((l) => right - l.right)) / em : 0 };
  }

  // A credit that does not fit after the caption's last phrase gets a line of its own, set to
  // the right as papers set 本报记者 … 摄: the phrase line above it is then the caption's last
  // and is not spread to the measure.
  function setCredit(caption) {
    caption.classList.remove('photo__caption--credit-apart');
    const credit = caption.querySelector('.photo__credit');
    const last = linesOf(caption).at(-1);
    if (credit && last && credit.getBoundingClientRect().top > last.top + 1) caption.classList.add('photo__caption--credit-apart');
  }

  function setCaption(caption) {
    caption.style.paddingRight = '';
    setCredit(caption);
    const em = parseFloat(getComputedStyle(caption).fontSize);
    const steps = Math.floor((caption.getBoundingClientRect().width / em) * MAX_NARROWING);
    caption.style.textAlign = 'left';
    const base = slackOf(caption, em);
    let best = { chars: 0, slack: base.slack };
    for (let chars = 1; chars <= steps && best.slack > TIGHT_EM && base.count > 1; chars += 1) {
      caption.style.paddingRight = `${chars}em`;
      const tried = slackOf(caption, em);
      if (tried.count === base.count && tried.slack < best.slack - 0.01) best = { chars, slack: tried.slack };
    }
    caption.style.textAlign = '';
    caption.style.paddingRight = best.chars ? `${best.chars}em` : '';
    caption.dataset.narrowed = String(best.chars);
  }

  // Every caption of the page, once its photos have their spans.
  function setCaptions(root) {
    for (const caption of root.querySelectorAll('.photo__caption')) setCaption(caption);
  }

  window.folio = Object.assign(window.folio || {}, { setCaptions });
})();

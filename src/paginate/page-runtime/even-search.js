// The search of column evening (plain JS, runs in Chromium): which of a
// text's spaceable items (even-columns.js numbers them) to space, and at which
// height, so that its columns end level. Each candidate is a layout of one
// clone of the text (even-columns.js makeLayout); a score ranks them: a
// subhead stranded at a column foot is worst, then columns ending apart (the
// last may end up to two lines short: the band foot), then a taller text, then
// the spacing by its kind. Among level layouts, subheads side by side (撞题) count.
(function () {
  'use strict';

  // Every set of `count` indexes out of `movable`, in order.
  function* combinations(movable, count, from = 0, chosen = []) {
    if (chosen.length === count) {
      yield chosen;
      return;
    }
    for (let i = from; i <= movable - (count - chosen.length); i += 1) yield* combinations(movable, count, i + 1, [...chosen, i]);
  }

  // Layouts one text may try before the best so far is taken (bounds the cost on long texts).
  const SEARCH_LIMIT = 400;
  // What a pair of colliding subheads adds to a layout's score (a line taller adds 60), and
  // how many more layouts are tried for one without collisions once a level one is found.
  const CLASH_SCORE = 25;
  const CLASH_TRIES = 40;
  // The last column may end up to FOOT_LINES short of the others (the band foot takes the slack,
  // issue 19), at FOOT_SCORE a line. A line of space after a paragraph shows as a gap inside an
  // article, and a second line above every subhead loosens the whole band: the foot short by a
  // line is cheapest, then the band's subheads spaced, then the foot short by two lines, then a
  // paragraph spaced; a single subhead (the last resort, even-columns.js) counts 1.
  const FOOT_LINES = 2;
  const FOOT_SCORE = 2;
  const AIRY_SCORE = 3;
  const PARAGRAPH_SCORE = 5;

  // What spacing each index costs, for a text with `paragraphs` spaceable paragraphs and `airy` (0 or 1) subheads-at-once index after them.
  function spacingWeights(paragraphs, airy) {
    return (index) => (index < paragraphs ? PARAGRAPH_SCORE : airy && index === paragraphs ? AIRY_SCORE : 1);
  }

  // The best spacing from `movable` indexes (numbered from `offset`), up to `taller` lines taller if need be.
  // Among level layouts, one whose subheads stand apart (no 撞题) is
  // preferred; it is looked for over a few more tries only.
  function searchSpacing(layout, height, movable, offset, taller, weightOf = () => 1) {
    let best;
    let tries = 0;
    let levelAt;
    search: for (let tall = height; tall <= height + taller; tall += 1) {
      // Nothing spaced comes first (the band foot may take a short last column);
      // then, as each spaced item pushes what follows down a line, the last
      // column's shortfall is where the search goes on, then counts around it.
      const shortfall = Math.max(0, Math.round(tall - layout.shape(tall, [], false).last));
      for (const count of [0, ...countsAround(Math.min(shortfall, movable), movable).filter((n) => n > 0)]) {
        for (const chosen of combinations(movable, count)) {
          const loose = chosen.map((i) => i + offset);
          const shape = layout.shape(tall, loose, false);
          tries += 1;
          const spacing = loose.reduce((sum, index) => sum + weightOf(index), 0);
          const level = shape.fits ? shape.stranded * 1000 + Math.max(0, shape.rest - 1) * 100 + Math.max(0, shape.foot - FOOT_LINES) * 100 + shape.foot * FOOT_SCORE + (tall - height) * 60 + spacing : Infinity;
          // Any level layout comes before every layout that is not.
          let score = level + 10000;
          if (level < 100) {
            levelAt ??= tries;
            score = level + layout.clash().collisions * CLASH_SCORE;
          }
          if (!best || score < best.score) best = { lines: tall, loose, score, level };
          // Done once a level layout without collisions is in hand, or a few tries past the first level one.
          const settled = levelAt !== undefined && (best.score < CLASH_SCORE || tries - levelAt >= CLASH_TRIES);
          if (settled || tries >= SEARCH_LIMIT) break search;
        }
      }
    }
    return best;
  }

  // 0..max ordered by distance from `start`: start, start-1, start+1, …
  function countsAround(start, max) {
    const order = [];
    for (let distance = 0; order.length <= max; distance += 1) {
      if (start - distance >= 0) order.push(start - distance);
      if (distance > 0 && start + distance <= max) order.push(start + distance);
    }
    return order;
  }

  window.folio = Object.assign(window.folio || {}, { searchSpacing, spacingWeights });
})();

// The preview shell (plain JS, runs in the user's browser). It listens for
// builds over Server-Sent Events and shows each new page by loading it into a
// hidden iframe and swapping it in once Paged.js has laid it out: no
// navigation, so scroll position and zoom stay put and the old page shows
// until the new one is ready. It also runs the toolbar, the fitting report
// and the error overlay.
(function () {
  'use strict';

  const $ = (id) => document.getElementById(id);
  const stage = $('folio-stage');
  const sizer = $('folio-sizer');
  const sheet = $('folio-sheet');
  const overlay = $('folio-overlay');
  const status = $('folio-status');
  const report = $('folio-report');
  const toolbar = $('folio-toolbar');
  const say = window.folioSay;

  const PAGE_CLASSES = { baseline: 'folio-show-baseline', columns: 'folio-show-columns', trim: 'folio-show-trim', overflow: 'folio-show-overflow' };
  const KEYS = { g: 'baseline', c: 'columns', t: 'trim', o: 'overflow', r: 'report' };
  const STORE = { toggles: 'folio-preview-toggles', zoom: 'folio-preview-zoom', scroll: 'folio-preview-scroll' };

  // Toggles persist per browser; zoom and scroll per tab, so a manual reload keeps them too.
  const toggles = { baseline: false, columns: false, trim: false, overflow: true, report: false, ...readJson(localStorage, STORE.toggles) };
  let zoom = sessionStorage.getItem(STORE.zoom) === 'actual' ? 'actual' : 'fit';
  let current = null; // the page on show: { frame, session, version, width, height, pages, overflow }
  let pending = null; // the page being laid out: { frame, session, version }
  let state = null;
  let hiddenError = null;

  function readJson(storage, key) {
    try {
      return JSON.parse(storage.getItem(key) || '{}');
    } catch {
      return {};
    }
  }

  function loadPage(session, version) {
    if (pending) pending.frame.remove();
    const frame = document.createElement('iframe');
    frame.className = 'is-loading';
    frame.title = 'Paginated page';
    frame.setAttribute('scrolling', 'no');
    frame.style.width = `${current ? current.width : 1600}px`;
    frame.style.height = `${current ? current.height : 2200}px`;
    frame.src = `/_folio/page?v=${version}`;
    sheet.append(frame);
    pending = { frame, session, version };
  }

  function swapIn(next, page) {
    pending = null;
    const first = !current;
    next.frame.style.width = `${page.width}px`;
    next.frame.style.height = `${page.height}px`;
    if (current) current.frame.remove();
    current = { ...next, width: page.width, height: page.height, pages: page.pages, overflow: page.overflow };
    applyToggles();
    applyZoom();
    next.frame.classList.remove('is-loading');
    $('folio-empty').hidden = true;
    document.documentElement.dataset.pageVersion = String(next.version);
    if (first) {
      const saved = readJson(sessionStorage, STORE.scroll);
      stage.scrollTo(saved.left || 0, saved.top || 0);
    }
    renderStatus();
  }

  function applyToggles() {
    const root = current && current.frame.contentDocument && current.frame.contentDocument.documentElement;
    for (const [name, className] of Object.entries(PAGE_CLASSES)) if (root) root.classList.toggle(className, toggles[name]);
    for (const button of document.querySelectorAll('button[data-toggle]')) button.setAttribute('aria-pressed', String(toggles[button.dataset.toggle]));
    // The report sits beside the page, never over it: the stage narrows to make room (issue 15, item 4).
    const changed = report.hidden === toggles.report;
    report.hidden = !toggles.report;
    document.body.classList.toggle('has-report', toggles.report);
    if (changed && zoom === 'fit') applyZoom();
  }

  function scaleFor(mode) {
    if (!current || mode === 'actual') return 1;
    const room = (size) => Math.max(100, size - 32);
    return Math.min(room(stage.clientWidth) / current.width, room(stage.clientHeight) / current.height);
  }

  // Rescales the sheet, keeping the point at the centre of the view in the centre.
  function applyZoom() {
    // Buttons only: <html> carries data-zoom too, and is no button (issue 15, item 4).
    for (const button of document.querySelectorAll('button[data-zoom]')) button.setAttribute('aria-pressed', String(button.dataset.zoom === zoom));
    document.documentElement.dataset.zoom = zoom;
    if (!current) return;
    const before = Number(sheet.dataset.scale || 0);
    const scale = scaleFor(zoom);
    const centre = before ? { x: (stage.scrollLeft + stage.clientWidth / 2) / before, y: (stage.scrollTop + stage.clientHeight / 2) / before } : null;
    sheet.style.width = `${current.width}px`;
    sheet.style.height = `${current.height}px`;
    sheet.style.transform = `scale(${scale})`;
    sheet.dataset.scale = String(scale);
    // Guides are drawn a device pixel wide whatever the zoom (issue 15, item 3): guides.css divides by this.
    const root = current.frame.contentDocument && current.frame.contentDocument.documentElement;
    if (root) root.style.setProperty('--folio-zoom', String(scale));
    sizer.style.width = `${current.width * scale}px`;
    sizer.style.height = `${current.height * scale}px`;
    if (centre && before !== scale) stage.scrollTo(centre.x * scale - stage.clientWidth / 2, centre.y * scale - stage.clientHeight / 2);
  }

  function setToggle(name) {
    toggles[name] = !toggles[name];
    localStorage.setItem(STORE.toggles, JSON.stringify(toggles));
    applyToggles();
  }

  function setZoom(mode) {
    zoom = mode;
    sessionStorage.setItem(STORE.zoom, mode);
    applyZoom();
  }

  function onKey(key) {
    const lower = key.toLowerCase();
    if (KEYS[lower]) setToggle(KEYS[lower]);
    else if (lower === 'f') setZoom('fit');
    else if (key === '1') setZoom('actual');
    else if (key === 'Escape' && state && state.status === 'error') {
      hiddenError = state.error;
      overlay.hidden = true;
    }
  }

  function onState(next) {
    state = next;
    document.title = `${next.id || 'Folio'}: ${say('preview.shell.title')}`;
    $('folio-title').textContent = next.id ? `Folio · ${next.id}` : say('preview.shell.title');
    if (next.status === 'ok') hiddenError = null;
    if (next.status === 'error' && next.error !== hiddenError) {
      $('folio-error').textContent = next.error;
      // There is a page underneath only once one has built.
      $('folio-overlay-underneath').hidden = !current;
      overlay.hidden = false;
    } else if (next.status === 'ok') overlay.hidden = true;
    if (isNewPage(next)) loadPage(next.session, next.pageVersion);
    window.folioRenderReport(report, next, current);
    renderStatus();
  }

  // A newer build of this server run, or any build of a restarted one.
  function isNewPage(next) {
    if (next.pageVersion === 0) return false;
    if (pending && pending.session === next.session && pending.version === next.pageVersion) return false;
    return !current || current.session !== next.session || next.pageVersion > current.version;
  }

  function renderStatus() {
    if (!state) return;
    const overflow = current ? current.overflow.length + (current.pages > 1 ? 1 : 0) : 0;
    const warnings = (state.warnings || []).length;
    const findings = (state.findings || []).length;
    let text = '';
    if (state.status === 'building') text = say(current ? 'preview.shell.rebuilding' : 'preview.shell.buildingStatus');
    else if (state.status === 'error') text = say(current ? 'preview.shell.errorWithPage' : 'preview.shell.errorNoPage');
    else if (pending) text = say('preview.shell.paginating');
    else if (current) text = say('preview.shell.built', { seconds: state.seconds, pages: current.pages });
    if (state.status !== 'error' && overflow) text += say('preview.shell.overflowing', { count: overflow });
    if (state.status !== 'error' && warnings) text += say('preview.shell.warnings', { count: warnings });
    if (state.status !== 'error' && findings) text += say('preview.shell.findings', { count: findings });
    status.textContent = text;
    status.className = `toolbar__status${state.status === 'error' ? ' is-error' : overflow || warnings || findings ? ' is-warning' : ''}`;
    window.folioRenderReport(report, state, current);
  }

  window.addEventListener('message', (event) => {
    if (event.origin !== location.origin || !event.data) return;
    if (event.data.type === 'folio:key') onKey(event.data.key);
    if (event.data.type === 'folio:rendered' && pending && event.source === pending.frame.contentWindow) swapIn(pending, event.data);
  });
  document.addEventListener('keydown', (event) => {
    if (event.ctrlKey || event.metaKey || event.altKey || /^(INPUT|TEXTAREA|SELECT)$/.test(event.target.tagName)) return;
    onKey(event.key);
  });
  for (const button of document.querySelectorAll('[data-toggle]')) button.addEventListener('click', () => setToggle(button.dataset.toggle));
  for (const button of document.querySelectorAll('[data-zoom]')) button.addEventListener('click', () => setZoom(button.dataset.zoom));
  $('folio-overlay-hide').addEventListener('click', () => onKey('Escape'));
  window.addEventListener('resize', () => zoom === 'fit' && applyZoom());
  stage.addEventListener('scroll', () => {
    sessionStorage.setItem(STORE.scroll, JSON.stringify({ left: stage.scrollLeft, top: stage.scrollTop }));
  });

  const events = new EventSource('/_folio/events');
  events.addEventListener('state', (event) => onState(JSON.parse(event.data)));
  events.addEventListener('error', () => {
    status.textContent = say('preview.shell.disconnected');
    status.className = 'toolbar__status is-error';
  });
  // A toolbar wrapped onto two rows on a narrow window pushes the stage down with it (issue 15, item 4).
  new ResizeObserver(() => {
    document.documentElement.style.setProperty('--bar', `${toolbar.offsetHeight}px`);
    if (zoom === 'fit') applyZoom();
  }).observe(toolbar);
  applyToggles();
  applyZoom();
})();

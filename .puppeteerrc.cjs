// Folio uses a system Chromium (Debian's `chromium`); Puppeteer's own download
// cannot reach its CDN from our machines and would fail the install.
module.exports = { skipDownload: true };

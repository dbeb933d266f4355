/**
 * The document-level requirements of the PDF/X version a file declares
 * (ISO 15930-3:2002, PDF/X-3 "using PDF 1.3"; -3:2003 uses PDF 1.4). This is
 * a structural check of what can be read here, not a certified validation:
 * the page-level requirements are the fonts, boxes, rgb and transparency
 * rules, and some requirements are not checked at all (NOT_CHECKED).
 */
import { t } from '../../i18n/locale.ts';
import { readIccHeader } from '../../pdf/read/icc-header.ts';
import type { Finding, Rule } from '../types.ts';

const MAX_VERSION: Record<string, number> = { 'PDF/X-3:2002': 1.3, 'PDF/X-3:2003': 1.4, 'PDF/X-1:2001': 1.3 };

/** Requirements of PDF/X-3 this preflight does not check, stated in the report. */
export const NOT_CHECKED = 'annotations inside the BleedBox, transfer functions and halftones, PostScript XObjects, the ICC profile beyond its header';

export const pdfxRule: Rule = {
  id: 'pdfx',
  get title() {
    return t('preflight.rule.pdfx');
  },
  applies: (context) => context.press || context.facts.info.GTS_PDFXVersion !== undefined,
  check({ facts, press, measurements }) {
    const findings: Finding[] = [];
    const fail = (message: string) => findings.push({ rule: 'pdfx', severity: 'error', message });
    const declared = facts.info.GTS_PDFXVersion;
    if (!declared) {
      fail('the file declares no PDF/X version (GTS_PDFXVersion), so a press cannot rely on its output intent');
      return findings;
    }
    const maxVersion = MAX_VERSION[declared];
    if (maxVersion === undefined) {
      fail(`${declared} is declared; this preflight checks only ${Object.keys(MAX_VERSION).join(' and ')}`);
      return findings;
    }
    // PDF/X-1a:2001 (ISO 15930-1): declared as X-1:2001 with the conformance key; CMYK, gray and spot only.
    if (declared === 'PDF/X-1:2001') {
      if (facts.info.GTS_PDFXConformance !== 'PDF/X-1a:2001') fail(`PDF/X-1:2001 needs GTS_PDFXConformance PDF/X-1a:2001; found ${facts.info.GTS_PDFXConformance ?? 'none'}`);
      if (facts.iccBasedSpaces > 0) fail(`PDF/X-1a allows no ICC-based colour; the file has ${facts.iccBasedSpaces} ICCBased colour space(s)`);
    }
    if (!(Number(facts.version) <= maxVersion)) fail(`${declared} is based on PDF ${maxVersion}, but the file is PDF ${facts.version}`);
    if (facts.encrypted) fail('the file is encrypted');
    if (!facts.hasTrailerId) fail('the trailer has no file identifier (ID)');
    for (const key of ['Title', 'CreationDate', 'ModDate']) if (!facts.info[key]) fail(`the Info dictionary has no ${key}`);
    if (facts.info.Trapped !== 'True' && facts.info.Trapped !== 'False') fail('Trapped must be True or False in the Info dictionary');
    const intents = facts.outputIntents.filter((intent) => intent.subtype === 'GTS_PDFX');
    if (intents.length !== 1) fail(`there must be exactly one GTS_PDFX output intent; found ${intents.length}`);
    const intent = intents[0];
    if (intent) {
      if (!intent.identifier) fail('the output intent has no OutputConditionIdentifier');
      const header = intent.profile && readIccHeader(intent.profile);
      if (!header) fail('the output intent embeds no readable ICC profile (DestOutputProfile)');
      else {
        if (header.deviceClass !== 'prtr') fail(`the output profile is a "${header.deviceClass}" profile; an output intent needs an output-device ("prtr") profile`);
        const components = { CMYK: 4, GRAY: 1 }[header.colourSpace.trim()];
        if (components === undefined) fail(`the output profile is ${header.colourSpace.trim()}; the press needs CMYK or gray`);
        else if (intent.profileComponents !== components) fail(`the output profile stream says /N ${intent.profileComponents}; the profile has ${components} components`);
      }
    }
    const name = declared === 'PDF/X-1:2001' ? `${facts.info.GTS_PDFXConformance ?? declared}` : declared;
    if (findings.length === 0) measurements.pdfx = `${name} declared; structural check passed (not checked: ${NOT_CHECKED}; no certified validator)`;
    else if (press) measurements.pdfx = `${declared} declared but not met`;
    return findings;
  },
};

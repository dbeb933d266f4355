/**
 * Preflight findings the preview can know before there is a PDF (issue 15,
 * item 2): each photo's resolution at the frame the fit placed it in (the
 * thresholds of the PDF preflight's image-resolution rule), and the folio-line
 * fields the edition leaves out. Each names the photo (id and file) or the field.
 */
import { resolvePhotoFile } from '../assets/photo-files.ts';
import type { Edition } from '../content/schema.ts';
import type { Page } from '../content/v2/page.ts';
import { t } from '../i18n/locale.ts';
import type { Frame } from '../paginate/fit-page.ts';
import { ERROR_BELOW_PPI, WARN_BELOW_PPI } from '../preflight/rules/image-resolution.ts';

export interface ProofFinding {
  severity: 'error' | 'warning';
  /** The photo's id or the field path, e.g. `paper.editor`. */
  where: string;
  message: string;
}

const FOLIO_LINE_FIELDS = ['name', 'date', 'page', 'section', 'editor'] as const;

/** What the findings read: the photos (of a feature, or of a page's stories and photo modules) and the paper fields. */
export interface ProofContent {
  photos: readonly Edition['photos'][number][];
  paper: Edition['paper'] | Page['paper'];
}

export async function proofFindings(edition: ProofContent, editionDir: string, frames: readonly Frame[]): Promise<ProofFinding[]> {
  const findings: ProofFinding[] = [];
  for (const frame of frames) {
    const photo = edition.photos.find((p) => p.id === frame.id);
    if (!photo?.file) continue;
    const { metadata } = await resolvePhotoFile({ ...photo, file: photo.file }, editionDir);
    if (!metadata.width || !metadata.height) continue;
    // Cropped to cover the frame: the side that fills it exactly decides the resolution.
    const ppi = Math.round(Math.min((metadata.width * 72) / frame.widthPt, (metadata.height * 72) / frame.heightPt));
    if (ppi >= WARN_BELOW_PPI) continue;
    const error = ppi < ERROR_BELOW_PPI;
    findings.push({
      severity: error ? 'error' : 'warning',
      where: photo.id,
      message: t('preflight.lowPpi', { id: photo.id, file: photo.file, width: metadata.width, height: metadata.height, ppi, needed: error ? ERROR_BELOW_PPI : WARN_BELOW_PPI }),
    });
  }
  for (const field of FOLIO_LINE_FIELDS) {
    if (edition.paper[field] === undefined) {
      findings.push({ severity: 'warning', where: `paper.${field}`, message: t('preflight.missingFolioField', { field: `paper.${field}`, what: t(`preflight.folioField.${field}`) }) });
    }
  }
  return findings;
}

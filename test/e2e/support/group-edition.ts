/**
 * An edition with a 组图 of placeholder photos, generated here (issue 19,
 * item 5). The Wuzhi source prints 组图“龙腾怀川·鹤情焦作”… under one photo
 * only, so the feature's data marks no group; this edition takes the
 * feature's text and photos and puts, in place of that one photo, a group of
 * placeholder slots under a caption that says it is a placeholder. The paper
 * is the fixtures' placeholder 示例日报. Nothing here is source content.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseDocument } from 'yaml';

export const GROUP_ID = 'placeholder-group';
export const GROUP_CAPTION = '组图（占位）：示例组图的说明，三幅占位图片共用这一条说明，说明横跨整组图片，文字仅为占位，并非来源内容。';

/** Writes `<dir>/edition.yaml` with a group of `size` placeholder photos; returns their ids, and the gallery's, in order. */
export function writeGroupEdition(dir: string, size = 3): { members: string[]; gallery: string[] } {
  mkdirSync(dir, { recursive: true });
  const document = parseDocument(readFileSync('content/wuzhi-2024/edition.yaml', 'utf8'));
  const edition = document.toJS() as { photos: { id: string; caption?: string; credit?: string; section?: string }[] };
  const ids = Array.from({ length: size }, (_, i) => `${GROUP_ID}-${i + 1}`);
  const at = edition.photos.findIndex((photo) => photo.id === 'jiayingguan-festival');
  const photos: { id: string; section?: string }[] = [...edition.photos.slice(0, at), ...ids.map((id) => ({ id })), ...edition.photos.slice(at + 1)];
  document.set('photos', document.createNode(photos));
  document.set('photoGroups', document.createNode([{ id: GROUP_ID, caption: GROUP_CAPTION, photos: ids }]));
  document.setIn(['paper', 'name'], '示例日报');
  document.set('id', 'photo-group');
  writeFileSync(path.join(dir, 'edition.yaml'), document.toString());
  return { members: ids, gallery: photos.filter((photo) => photo.section === undefined).map((photo) => photo.id) };
}

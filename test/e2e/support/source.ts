/**
 * The feature's raw source text, split into its unique blocks and curated the
 * way content/wuzhi-2024 is: punctuation made full-width (GB/T 15834), list
 * markers and stars dropped (the template sets its own ★).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

export const SOURCE_FILE = path.resolve(import.meta.dirname, '../../fixtures/source/wuzhi-2024.txt');

const FULL_WIDTH: Record<string, string> = { ',': '，', ';': '；', ':': '：', '(': '（', ')': '）' };

export function fullWidth(text: string): string {
  return text.replace(/[,;:()]/g, (mark) => FULL_WIDTH[mark]!);
}

/** Unique blocks in source order; a list block yields one entry per item. */
export function uniqueSourceBlocks(): string[] {
  const raw = readFileSync(SOURCE_FILE, 'utf8');
  const blocks = raw
    .split(/\n\s*\n/)
    .map((block) => block.trim())
    .filter(Boolean)
    .flatMap((block) => (block.startsWith('- ') ? block.split('\n').map((item) => item.replace(/^-\s*★?/, '')) : [block]));
  return [...new Set(blocks.map(fullWidth))];
}

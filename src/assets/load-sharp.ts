/**
 * sharp (libvips) takes about 60 ms to load. Loaded on first use, it no longer
 * delays the start of a render: the CLI launches Chromium first, and the
 * image work comes only when the page is fitted.
 */
import type sharpType from 'sharp';

export type Sharp = typeof sharpType;

let loading: Promise<Sharp> | undefined;

export function loadSharp(): Promise<Sharp> {
  loading ??= import('sharp').then((module) => module.default);
  return loading;
}

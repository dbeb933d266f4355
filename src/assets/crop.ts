/**
 * Crop geometry for placing a photo in a frame: pure arithmetic, kept apart
 * from sharp so it can be reasoned about (and tested) on its own.
 */

export interface Size {
  width: number;
  height: number;
}

export interface CropRectangle {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** Point of the photo that must stay in frame, as fractions of its width and height. */
export interface FocalPoint {
  x: number;
  y: number;
}

export const CENTRE: FocalPoint = Object.freeze({ x: 0.5, y: 0.5 });

const PT_PER_INCH = 72;

/** Pixel size of a frame printed at `ppi`; at least 1 px so sharp never sees a zero. */
export function framePixels(widthPt: number, heightPt: number, ppi: number): Size {
  return {
    width: Math.max(1, Math.round((widthPt / PT_PER_INCH) * ppi)),
    height: Math.max(1, Math.round((heightPt / PT_PER_INCH) * ppi)),
  };
}

const clamp = (value: number, low: number, high: number) => Math.min(Math.max(value, low), high);

/**
 * The largest rectangle of the frame's aspect ratio inside the source, placed
 * so the focal point is as close to its centre as the source's edges allow.
 */
export function focalCrop(source: Size, frame: Size, focus: FocalPoint = CENTRE): CropRectangle {
  const frameAspect = frame.width / frame.height;
  let width = source.width;
  let height = source.height;
  if (source.width / source.height > frameAspect) width = clamp(Math.round(source.height * frameAspect), 1, source.width);
  else height = clamp(Math.round(source.width / frameAspect), 1, source.height);
  const left = clamp(Math.round(focus.x * source.width - width / 2), 0, source.width - width);
  const top = clamp(Math.round(focus.y * source.height - height / 2), 0, source.height - height);
  return { left, top, width, height };
}

/**
 * The size to encode the crop at: the frame's pixel size, unless the crop has
 * fewer pixels than that. Upscaling adds bytes but no detail, and the browser
 * scales the image to its frame anyway, so a small source keeps its own
 * resolution (the crop already has the frame's aspect ratio).
 */
export function outputSize(crop: Size, frame: Size): Size {
  if (crop.width >= frame.width && crop.height >= frame.height) return { width: frame.width, height: frame.height };
  return { width: crop.width, height: crop.height };
}

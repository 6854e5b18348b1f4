/** Colours and labels shared by the network renderers (sigma's WebGL and the SVG drawing). */

import type { NetworkEdge, NetworkNode } from '../../queries/cases/types.js';

export const NETWORK_COLOR = {
  party: '#2d5499',
  flagged: '#c92a2a',
  other: '#868e96',
  inCase: '#495057',
  outside: '#ced4da',
  selected: '#f08c00',
} as const;

export function nodeColor(n: Pick<NetworkNode, 'flagged' | 'party'>): string {
  return n.flagged ? NETWORK_COLOR.flagged : n.party ? NETWORK_COLOR.party : NETWORK_COLOR.other;
}

export function nodeLabel(n: Pick<NetworkNode, 'id' | 'label'>): string {
  return n.label === n.id ? n.id : `${n.label} (${n.id})`;
}

export function amountText(e: Pick<NetworkEdge, 'amount' | 'currency'>): string {
  return `${e.amount.toLocaleString('en-GB', { maximumFractionDigits: 2 })}${e.currency ? ` ${e.currency}` : ''}`;
}

const shortTime = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', timeZone: 'UTC' });

/** "9,500 USD · 24 Nov, 06:23" (UTC): what an edge says on the drawing. */
export function edgeLabel(e: Pick<NetworkEdge, 'amount' | 'currency' | 'time'>): string {
  const d = new Date(e.time);
  return Number.isNaN(d.getTime()) ? amountText(e) : `${amountText(e)} · ${shortTime.format(d)}`;
}

/**
 * Whether the browser draws WebGL on a GPU. Under software WebGL (SwiftShader, llvmpipe: headless browsers, VMs)
 * sigma blocks the page for seconds while it builds its programs and its node shapes do not render, so the SVG
 * drawing is used instead.
 */
export function hardwareWebGL(): boolean {
  try {
    const canvas = document.createElement('canvas');
    const options: WebGLContextAttributes = { failIfMajorPerformanceCaveat: true };
    const gl = canvas.getContext('webgl2', options) ?? canvas.getContext('webgl', options);
    if (!gl) return false;
    const info = gl.getExtension('WEBGL_debug_renderer_info');
    const renderer = String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER) ?? '');
    gl.getExtension('WEBGL_lose_context')?.loseContext();
    // Not every browser reports the caveat for its software rasteriser; the renderer's name does.
    if (/swiftshader|llvmpipe|softpipe|software|basic render/i.test(renderer)) return false;
    return true;
  } catch {
    return false;
  }
}

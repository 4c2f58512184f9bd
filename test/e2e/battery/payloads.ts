// Injection payloads for the webview battery. Each one, if it ever ran or became markup, would change
// document.title to `pwned-N` or leave an element behind; rendered as text it stays exactly as written.

const title = (n: number) => `document.title='pwned-${n}'`;
const RLO = '\u202E';

/** 26 payloads: script tags, event handlers, javascript: URLs, SVG/MathML, template and markup breakers, RTL overrides. */
export const PAYLOADS: readonly string[] = [
  `<script>${title(1)}</script>`,
  `<img src=x onerror="${title(2)}">`,
  `<svg onload="${title(3)}"></svg>`,
  `<svg><script>${title(4)}</script></svg>`,
  `<iframe src="javascript:${title(5)}"></iframe>`,
  `<a href="javascript:${title(6)}">open</a>`,
  `javascript:${title(7)}`,
  `<body onload="${title(8)}">`,
  `<details open ontoggle="${title(9)}">`,
  `<input autofocus onfocus="${title(10)}">`,
  `<math><mtext><table><mglyph><style><img src=x onerror="${title(11)}">`,
  `"><script>${title(12)}</script>`,
  `'><img src=x onerror=${title(13)}>`,
  `</textarea><script>${title(14)}</script>`,
  `</title><script>${title(15)}</script>`,
  `<template><img src=x onerror="${title(16)}"></template>`,
  `<!--<img src=x onerror="${title(17)}">-->`,
  `<style>@import 'javascript:${title(18)}';</style>`,
  `<object data="javascript:${title(19)}"></object>`,
  `<meta http-equiv="refresh" content="0;url=javascript:${title(20)}">`,
  `{{constructor.constructor('${title(21)}')()}}`,
  `\${${title(22)}}`,
  `${RLO}<img src=x onerror="${title(23)}">`,
  `+1 415 555 0100${RLO}<script>${title(24)}</script>`,
  `&lt;script&gt;${title(25)}&lt;/script&gt;`,
  `<base href="javascript:${title(26)}//">`,
];

// Saving a chart: the SVG as drawn (with CSS variables resolved so the file stands alone), a PNG
// rendered from it, and CSV text.

const STYLE_PROPS = [
  'fill',
  'stroke',
  'stroke-opacity',
  'fill-opacity',
  'opacity',
  'font-size',
  'font-family',
];

/** A standalone copy of the chart's SVG: computed colours inlined, a background behind it. */
export function standaloneSvg(container: HTMLElement): string | null {
  const svg = container.querySelector<SVGSVGElement>('svg.recharts-surface');
  if (!svg) return null;
  const clone = svg.cloneNode(true) as SVGSVGElement;
  const originals = svg.querySelectorAll<SVGElement>('*');
  const copies = clone.querySelectorAll<SVGElement>('*');
  originals.forEach((el, i) => {
    const copy = copies[i];
    if (!copy) return;
    const style = getComputedStyle(el);
    for (const prop of STYLE_PROPS) {
      const value = style.getPropertyValue(prop);
      if (!value) continue;
      copy.style.setProperty(prop, value);
      // Presentation attributes too: `stroke="var(--border)"` means nothing outside the page.
      if (copy.getAttribute(prop)?.includes('var(')) copy.setAttribute(prop, value);
    }
  });
  clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  const width = svg.getAttribute('width') ?? String(svg.clientWidth);
  const height = svg.getAttribute('height') ?? String(svg.clientHeight);
  clone.setAttribute('width', width);
  clone.setAttribute('height', height);
  const bg = document.createElementNS('http://www.w3.org/2000/svg', 'rect');
  bg.setAttribute('width', '100%');
  bg.setAttribute('height', '100%');
  bg.setAttribute('fill', getComputedStyle(container).backgroundColor || '#ffffff');
  clone.insertBefore(bg, clone.firstChild);
  return new XMLSerializer().serializeToString(clone);
}

export function svgToPng(svgText: string, width: number, height: number): Promise<Blob> {
  return new Promise((resolve, reject) => {
    const img = new Image();
    const url = URL.createObjectURL(new Blob([svgText], { type: 'image/svg+xml' }));
    img.onload = () => {
      // Twice the pixels: crisp on high-density screens and in slides.
      const canvas = document.createElement('canvas');
      canvas.width = width * 2;
      canvas.height = height * 2;
      const ctx = canvas.getContext('2d');
      URL.revokeObjectURL(url);
      if (!ctx) {
        reject(new Error('No 2D canvas available'));
        return;
      }
      ctx.scale(2, 2);
      ctx.drawImage(img, 0, 0);
      canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('PNG encoding failed'))));
    };
    img.onerror = () => {
      URL.revokeObjectURL(url);
      reject(new Error('The chart could not be rendered as an image'));
    };
    img.src = url;
  });
}

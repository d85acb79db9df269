import { describe, expect, it } from 'vitest';
import { rawHtmlAsText } from './markdown-raw-html';

describe('rawHtmlAsText', () => {
  it('turns html nodes, at any depth, into text with the same source', () => {
    const tree = {
      type: 'root',
      children: [
        { type: 'html', value: '<script>x</script>' },
        {
          type: 'paragraph',
          children: [
            { type: 'html', value: '<b>' },
            { type: 'text', value: 'hi' },
          ],
        },
      ],
    };
    rawHtmlAsText(tree);
    expect(tree).toEqual({
      type: 'root',
      children: [
        { type: 'text', value: '<script>x</script>' },
        {
          type: 'paragraph',
          children: [
            { type: 'text', value: '<b>' },
            { type: 'text', value: 'hi' },
          ],
        },
      ],
    });
  });
});

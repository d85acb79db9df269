import ReactMarkdown from 'react-markdown';
import type { Components } from 'react-markdown';
import rehypeSanitize from 'rehype-sanitize';
import { remarkRawHtmlAsText } from '@/lib/markdown-raw-html';
import './markdown.css';

type HeadingTag = 'h3' | 'h4' | 'h5' | 'h6';

/**
 * A description sits under its section's h2, inside a page whose h1 is the run's or experiment's
 * name: its own `# Title` would be a second h1 and break the outline screen readers navigate by.
 * So markdown headings move two levels down (h1 → h3, capped at h6); the class keeps each level's
 * look.
 */
function shifted(level: 1 | 2 | 3 | 4 | 5 | 6): Components['h1'] {
  const Tag: HeadingTag = level >= 4 ? 'h6' : (`h${level + 2}` as HeadingTag);
  return function ShiftedHeading({ node: _node, className, ...props }) {
    const cls = [`markdown-h${level}`, className].filter(Boolean).join(' ');
    return <Tag {...props} className={cls} />;
  };
}

const components: Components = {
  // Links open in a new tab without handing it this page (window.opener) or the URL (Referer).
  a: ({ node: _node, ...props }) => <a {...props} target="_blank" rel="noopener noreferrer" />,
  h1: shifted(1),
  h2: shifted(2),
  h3: shifted(3),
  h4: shifted(4),
  h5: shifted(5),
  h6: shifted(6),
};

/**
 * Markdown from MLflow, rendered safely: raw HTML in it is shown as the literal text it is, and
 * rehype-sanitize strips dangerous URLs and attributes from what markdown itself makes.
 */
export function Markdown({ text }: { text: string }) {
  return (
    <div className="markdown">
      <ReactMarkdown
        remarkPlugins={[remarkRawHtmlAsText]}
        rehypePlugins={[rehypeSanitize]}
        components={components}
      >
        {text}
      </ReactMarkdown>
    </div>
  );
}

import ReactMarkdown from 'react-markdown';
import type { Components } from 'react-markdown';
import rehypeSanitize from 'rehype-sanitize';
import { remarkRawHtmlAsText } from '@/lib/markdown-raw-html';
import './markdown.css';

// Links open in a new tab without handing it this page (window.opener) or the URL (Referer).
const components: Components = {
  a: ({ node: _node, ...props }) => <a {...props} target="_blank" rel="noopener noreferrer" />,
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

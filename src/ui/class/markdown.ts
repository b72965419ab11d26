// The teacher's guide: Markdown read by marked's lexer (a maintained CommonMark/GFM
// parser), its token tree turned into plain nodes here and built through h(), so
// every piece of text goes in as textContent and nothing in the file is ever parsed
// as HTML (raw HTML in the file shows as its text).
import { lexer, type Token, type Tokens } from 'marked';
import { h } from '../dom/el';

/** What the guide is made of, as data: a tag, its children, and a link's target. */
export interface MdNode {
  tag: 'h1' | 'h2' | 'h3' | 'h4' | 'p' | 'ul' | 'ol' | 'li' | 'pre' | 'code' | 'table' | 'tr' | 'th' | 'td' | 'blockquote' | 'hr' | 'br' | 'strong' | 'em' | 'del' | 'a';
  children: (MdNode | string)[];
  href?: string;
}

const node = (tag: MdNode['tag'], children: (MdNode | string)[] = [], href?: string): MdNode => (href ? { tag, children, href } : { tag, children });

export function markdownTree(md: string): MdNode[] {
  return blocks(lexer(md));
}

function blocks(tokens: readonly Token[]): MdNode[] {
  const out: MdNode[] = [];
  for (const t of tokens) {
    const b = block(t);
    if (b) out.push(b);
  }
  return out;
}

function block(t: Token): MdNode | null {
  switch (t.type) {
    case 'heading':
      return node(`h${Math.min(4, (t as Tokens.Heading).depth)}` as MdNode['tag'], inlines((t as Tokens.Heading).tokens));
    case 'paragraph':
      return node('p', inlines((t as Tokens.Paragraph).tokens));
    case 'text': {
      const x = t as Tokens.Text;
      return node('p', x.tokens ? inlines(x.tokens) : [x.text]);
    }
    case 'list': {
      const list = t as Tokens.List;
      // A tight list's items hold bare text tokens: their inline content, not paragraphs.
      const item = (i: Tokens.ListItem) => node('li', i.tokens.flatMap((c) => (c.type === 'text' ? ((c as Tokens.Text).tokens ? inlines((c as Tokens.Text).tokens!) : [(c as Tokens.Text).text]) : (block(c) ?? []))));
      return node(list.ordered ? 'ol' : 'ul', list.items.map(item));
    }
    case 'code':
      return node('pre', [node('code', [(t as Tokens.Code).text])]);
    case 'table': {
      const table = t as Tokens.Table;
      const row = (cells: Tokens.TableCell[], tag: 'th' | 'td') => node('tr', cells.map((c) => node(tag, inlines(c.tokens))));
      return node('table', [row(table.header, 'th'), ...table.rows.map((r) => row(r, 'td'))]);
    }
    case 'blockquote':
      return node('blockquote', blocks((t as Tokens.Blockquote).tokens));
    case 'hr':
      return node('hr');
    case 'html':
      return node('p', [(t as Tokens.HTML).text]);
    default:
      return null; // 'space' and anything unknown
  }
}

function inlines(tokens: readonly Token[] | undefined): (MdNode | string)[] {
  const out: (MdNode | string)[] = [];
  for (const t of tokens ?? []) {
    switch (t.type) {
      case 'text': {
        const x = t as Tokens.Text;
        if (x.tokens) out.push(...inlines(x.tokens));
        else out.push(x.text);
        break;
      }
      case 'strong':
      case 'em':
      case 'del':
        out.push(node(t.type, inlines((t as Tokens.Strong).tokens)));
        break;
      case 'codespan':
        out.push(node('code', [(t as Tokens.Codespan).text]));
        break;
      case 'link': {
        const link = t as Tokens.Link;
        // Only web links open; a repository path stays as code (it is not shipped with the game).
        out.push(/^https:\/\//.test(link.href) ? node('a', inlines(link.tokens), link.href) : node('code', [link.text]));
        break;
      }
      case 'br':
        out.push(node('br'));
        break;
      case 'image':
        out.push((t as Tokens.Image).text);
        break;
      default:
        // escape, html and anything else: the text itself, never markup.
        out.push('text' in t ? String((t as { text: unknown }).text) : t.raw);
    }
  }
  return out;
}

function toDom(n: MdNode | string): Node | string {
  if (typeof n === 'string') return n;
  const attrs = n.tag === 'a' ? { href: n.href, target: '_blank', rel: 'noopener noreferrer' } : {};
  return h(n.tag, attrs, ...n.children.map(toDom));
}

export function renderMarkdown(md: string): DocumentFragment {
  const frag = document.createDocumentFragment();
  for (const n of markdownTree(md)) frag.append(toDom(n));
  return frag;
}

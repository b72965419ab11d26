// A small Markdown reader for the teacher's guide: headings, paragraphs, lists,
// fenced code, tables; inline code, bold and links. It builds DOM nodes with text
// content only, so nothing in the file is ever parsed as HTML.

export type Block =
  | { kind: 'h'; level: number; text: string }
  | { kind: 'p'; text: string }
  | { kind: 'ul' | 'ol'; items: string[] }
  | { kind: 'code'; text: string }
  | { kind: 'table'; rows: string[][] };

export function parseMarkdown(md: string): Block[] {
  const lines = md.replace(/\r\n?/g, '\n').split('\n');
  const out: Block[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    if (line.trim() === '') {
      i += 1;
      continue;
    }
    const fence = /^```/.exec(line);
    if (fence) {
      const body: string[] = [];
      i += 1;
      while (i < lines.length && !/^```/.test(lines[i]!)) body.push(lines[i++]!);
      i += 1;
      out.push({ kind: 'code', text: body.join('\n') });
      continue;
    }
    const head = /^(#{1,6})\s+(.*)$/.exec(line);
    if (head) {
      out.push({ kind: 'h', level: head[1]!.length, text: head[2]!.trim() });
      i += 1;
      continue;
    }
    if (/^\s*\|/.test(line)) {
      const rows: string[][] = [];
      while (i < lines.length && /^\s*\|/.test(lines[i]!)) {
        const cells = lines[i]!.trim().replace(/^\||\|$/g, '').split('|').map((c) => c.trim());
        if (!cells.every((c) => /^:?-+:?$/.test(c))) rows.push(cells);
        i += 1;
      }
      out.push({ kind: 'table', rows });
      continue;
    }
    const bullet = /^\s*[-*]\s+/;
    const number = /^\s*\d+[.)]\s+/;
    if (bullet.test(line) || number.test(line)) {
      const kind = bullet.test(line) ? 'ul' : 'ol';
      const re = kind === 'ul' ? bullet : number;
      const items: string[] = [];
      while (i < lines.length && lines[i]!.trim() !== '') {
        const l = lines[i]!;
        if (re.test(l)) items.push(l.replace(re, ''));
        else if (items.length && /^\s+/.test(l)) items[items.length - 1] += ` ${l.trim()}`;
        else break;
        i += 1;
      }
      out.push({ kind, items });
      continue;
    }
    const para: string[] = [];
    while (i < lines.length && lines[i]!.trim() !== '' && !/^(#{1,6}\s|```|\s*[-*]\s|\s*\d+[.)]\s|\s*\|)/.test(lines[i]!)) para.push(lines[i++]!.trim());
    out.push({ kind: 'p', text: para.join(' ') });
  }
  return out;
}

export type Inline = { kind: 'text' | 'code' | 'strong' | 'em'; text: string } | { kind: 'link'; text: string; href: string };

export function parseInline(text: string): Inline[] {
  const out: Inline[] = [];
  const re = /`([^`]+)`|\*\*([^*]+)\*\*|\[([^\]]+)\]\(([^)\s]+)\)|\*([^*\s][^*]*)\*/g;
  let last = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m.index > last) out.push({ kind: 'text', text: text.slice(last, m.index) });
    if (m[1] !== undefined) out.push({ kind: 'code', text: m[1] });
    else if (m[2] !== undefined) out.push({ kind: 'strong', text: m[2] });
    else if (m[3] !== undefined) out.push({ kind: 'link', text: m[3], href: m[4]! });
    else out.push({ kind: 'em', text: m[5]! });
    last = m.index + m[0].length;
  }
  if (last < text.length) out.push({ kind: 'text', text: text.slice(last) });
  return out;
}

function inline(parent: HTMLElement, text: string): void {
  for (const part of parseInline(text)) {
    if (part.kind === 'text') parent.append(document.createTextNode(part.text));
    else if (part.kind === 'link') {
      // Only web links open; a repository path stays as text (it is not shipped with the game).
      if (/^https:\/\//.test(part.href)) {
        const a = document.createElement('a');
        a.href = part.href;
        a.target = '_blank';
        a.rel = 'noopener noreferrer';
        a.textContent = part.text;
        parent.append(a);
      } else {
        const c = document.createElement('code');
        c.textContent = part.text;
        parent.append(c);
      }
    } else {
      const el = document.createElement(part.kind === 'code' ? 'code' : part.kind === 'em' ? 'em' : 'strong');
      el.textContent = part.text;
      parent.append(el);
    }
  }
}

export function renderMarkdown(md: string): DocumentFragment {
  const frag = document.createDocumentFragment();
  for (const b of parseMarkdown(md)) {
    if (b.kind === 'h') {
      const el = document.createElement(`h${Math.min(4, b.level)}` as 'h1');
      inline(el, b.text);
      frag.append(el);
    } else if (b.kind === 'p') {
      const el = document.createElement('p');
      inline(el, b.text);
      frag.append(el);
    } else if (b.kind === 'ul' || b.kind === 'ol') {
      const list = document.createElement(b.kind);
      for (const item of b.items) {
        const li = document.createElement('li');
        inline(li, item);
        list.append(li);
      }
      frag.append(list);
    } else if (b.kind === 'code') {
      const pre = document.createElement('pre');
      const code = document.createElement('code');
      code.textContent = b.text;
      pre.append(code);
      frag.append(pre);
    } else if (b.kind === 'table') {
      const table = document.createElement('table');
      b.rows.forEach((row, r) => {
        const tr = document.createElement('tr');
        for (const cell of row) {
          const td = document.createElement(r === 0 ? 'th' : 'td');
          inline(td, cell);
          tr.append(td);
        }
        table.append(tr);
      });
      frag.append(table);
    }
  }
  return frag;
}

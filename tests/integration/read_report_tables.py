"""Independent reader of an iadsim HTML report, for report_cli_test.cc (python3 standard library only).

Prints one line per table row: the table's id, then its cells, tab-separated (text unescaped,
whitespace collapsed). Also prints `external TAG ATTR=VALUE` for anything that would load from
outside the file (script/link/img/iframe tags, src/href attributes, CSS url()/@import), and
`svg N` with the number of inline <svg> elements. Exits 1 if the document is not closed properly.
"""
import sys
from html.parser import HTMLParser


class Reader(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.table = None
        self.row = None
        self.cell = None
        self.svg = 0
        self.stack = []
        self.in_style = False

    def handle_starttag(self, tag, attrs):
        if tag not in ('meta', 'br', 'hr', 'img', 'link', 'input'):
            self.stack.append(tag)
        if tag in ('script', 'link', 'img', 'iframe', 'object', 'embed'):
            print('external', tag)
        for k, v in attrs:
            if k in ('src', 'href', 'xlink:href'):
                print('external', tag, k + '=' + str(v))
        if tag == 'svg':
            self.svg += 1
        elif tag == 'style':
            self.in_style = True
        elif tag == 'table':
            self.table = dict(attrs).get('id', '')
        elif tag == 'tr' and self.table is not None:
            self.row = []
        elif tag in ('td', 'th') and self.row is not None:
            self.cell = ''

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in ('meta', 'br', 'hr', 'img', 'link', 'input'):
            self.stack.pop()

    def handle_endtag(self, tag):
        if not self.stack or self.stack[-1] != tag:
            print('unbalanced', tag, self.stack[-3:])
            sys.exit(1)
        self.stack.pop()
        if tag == 'style':
            self.in_style = False
        elif tag in ('td', 'th') and self.row is not None and self.cell is not None:
            self.row.append(' '.join(self.cell.split()))
            self.cell = None
        elif tag == 'tr' and self.row is not None:
            print('\t'.join([self.table] + self.row))
            self.row = None
        elif tag == 'table':
            self.table = None

    def handle_data(self, data):
        if self.in_style and ('url(' in data or '@import' in data):
            print('external style', data.strip()[:40])
        if self.cell is not None:
            self.cell += data


r = Reader()
with open(sys.argv[1], encoding='utf-8') as f:
    r.feed(f.read())
r.close()
print('svg', r.svg)
if r.stack:
    print('unclosed', r.stack)
    sys.exit(1)

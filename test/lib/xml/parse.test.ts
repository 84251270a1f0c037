import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ReadError } from '../../../src/lib/errors.ts';
import { detectXmlKind } from '../../../src/lib/xml/kind.ts';
import { parseXml } from '../../../src/lib/xml/parse.ts';
import { childByNames, findAll, findFirst, findNearest, textOf, valueOf } from '../../../src/lib/xml/query.ts';
import { ebolText, fursText } from '../helpers/fixtures.ts';
import { expectResultOrReadError, mutate, mutationArb } from '../helpers/fuzz.ts';

function errorOf(f: () => unknown): ReadError {
  try { f(); } catch (e) { if (e instanceof ReadError) return e; throw e; }
  throw new Error('no error');
}

describe('parseXml', () => {
  it('reads elements, attributes, text, CDATA and skips comments and PIs', () => {
    const root = parseXml(`\uFEFF<?xml version="1.0"?>
<!-- c --><a:root xmlns:a="urn:x" xmlns="urn:y" a:id='1' b="x &amp; y"><?pi x?>
  <child>T &lt;1&gt; &#x10D;&#269; &quot;&apos;</child><![CDATA[<raw> & ]]><empty/>
</a:root>`);
    expect(root.name).toBe('root');
    expect(root.prefix).toBe('a');
    expect(root.attrs).toEqual({ id: '1', b: 'x & y' });
    expect(Object.keys(root.attrs)).not.toContain('xmlns');
    expect(root.children.map((c) => c.name)).toEqual(['child', 'empty']);
    expect(textOf(root.children[0])).toBe('T <1> čč "\'');
    expect(root.text).toContain('<raw> & ');
  });

  it('refuses XXE and billion laughs with XML_DTD_FORBIDDEN, without expanding anything', () => {
    const xxe = '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>';
    expect(errorOf(() => parseXml(xxe)).code).toBe('XML_DTD_FORBIDDEN');
    const lol = `<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
<lolz>&lol3;</lolz>`;
    const started = performance.now();
    const e = errorOf(() => parseXml(lol));
    expect(e.code).toBe('XML_DTD_FORBIDDEN');
    expect(e.line).toBe(2);
    expect(performance.now() - started).toBeLessThan(1000); // issue 3: a typed error within a second
    expect(errorOf(() => parseXml('<x/><!ENTITY e "x">')).code).toBe('XML_DTD_FORBIDDEN');
    expect(errorOf(() => parseXml('<!doctype html><html></html>')).code).toBe('XML_DTD_FORBIDDEN');
  });

  it('refuses unknown entities (no DTD can define them)', () => {
    const e = errorOf(() => parseXml('<x>&nbsp;</x>'));
    expect(e.code).toBe('XML_MALFORMED');
    expect(e.message).toContain('&nbsp;');
    expect(errorOf(() => parseXml('<x>a & b</x>')).code).toBe('XML_MALFORMED');
    expect(errorOf(() => parseXml('<x>&#0;</x>')).code).toBe('XML_MALFORMED');
    expect(errorOf(() => parseXml('<x>&#x110000;</x>')).code).toBe('XML_MALFORMED');
    expect(errorOf(() => parseXml('<x a="&bogus;"/>')).code).toBe('XML_MALFORMED');
  });

  it('reports mismatched tags with the line and both names', () => {
    const e = errorOf(() => parseXml('<a>\n<b>\n</c>\n</a>'));
    expect(e.code).toBe('XML_MALFORMED');
    expect(e.line).toBe(3);
    expect(e.message).toContain('</b>');
    expect(e.message).toContain('</c>');
  });

  it.each([
    ['<a>', /ni zaprt/], ['<a></a><b/>', /več korenskih/], ['text', /besedilo/], ['<a b=c/>', /narekovajih/],
    ['<a b="1"c="2"/>', /presledek/], ['<a><!-- x </a>', /komentar/], ['<1a/>', /imena|ime/], ['<a b="<"/>', /»<«/],
    ['</a>', /brez začetne/], ['<a/>junk', /za koncem/],
  ])('refuses %s', (xml, message) => {
    const e = errorOf(() => parseXml(xml));
    expect(e.code).toBe('XML_MALFORMED');
    expect(e.message).toMatch(message);
  });

  it('empty input is EMPTY', () => {
    expect(errorOf(() => parseXml('  \n ')).code).toBe('EMPTY');
  });

  it('limits the depth (XML_TOO_DEEP) without recursion', () => {
    const deep = `${'<a>'.repeat(65)}${'</a>'.repeat(65)}`;
    expect(errorOf(() => parseXml(deep)).code).toBe('XML_TOO_DEEP');
    expect(() => parseXml(`${'<a>'.repeat(64)}${'</a>'.repeat(64)}`)).not.toThrow();
    const veryDeep = '<a>'.repeat(200_000);
    expect(errorOf(() => parseXml(veryDeep)).code).toBe('XML_TOO_DEEP');
  });

  it('parses 2 MB of rows whole', () => {
    const row = '<Vrstica><Leto>2024</Leto><Mesec>1</Mesec><Znesek>2345.67</Znesek></Vrstica>\n';
    const xml = `<R>${row.repeat(Math.floor(2_000_000 / row.length))}</R>`;
    const root = parseXml(xml);
    expect(root.children.length).toBeGreaterThan(20_000);
  });
});

describe('query helpers', () => {
  const root = parseXml('<r><Glava><ns:Stevilka_Poizvedbe xmlns:ns="u">P-1</ns:Stevilka_Poizvedbe></Glava><Oseba ime="Ana"><Ime>Bor</Ime></Oseba><ds:Signature xmlns:ds="d"><Ime>X</Ime></ds:Signature></r>');
  it('finds by folded local name', () => {
    expect(textOf(findFirst(root, ['StevilkaPoizvedbe']))).toBe('P-1');
    expect(childByNames(root, ['glava'])?.name).toBe('Glava');
    expect(findAll(root, ['Ime'], { skip: ['Signature'] }).map(textOf)).toEqual(['Bor']);
    expect(findNearest(root, ['ime'])?.text).toBe('Bor');
    const oseba = childByNames(root, ['Oseba']);
    expect(oseba && valueOf(oseba, ['Ime'])).toBe('Bor');
    expect(oseba && valueOf({ ...oseba, children: [] }, ['IME'])).toBe('Ana');
  });
  it('detects the kind of a document', () => {
    expect(detectXmlKind(parseXml(fursText('disclosure.xml')))).toBe('disclosure');
    expect(detectXmlKind(parseXml(ebolText('ebol-signed.xml')))).toBe('certificate');
    expect(detectXmlKind(parseXml(ebolText('epodk.xml')))).toBe('certificate');
    expect(detectXmlKind(parseXml('<Drugo><Nekaj/></Drugo>'))).toBe('unknown');
  });
});

describe('parseXml fuzz', () => {
  const seeds = [fursText('disclosure.xml'), fursText('disclosure-ns-attrs.xml'), ebolText('ebol-signed.xml')];
  it('mutated documents end in a tree or a ReadError', () => {
    fc.assert(
      fc.property(fc.constantFrom(...seeds), fc.array(mutationArb, { minLength: 1, maxLength: 6 }), (seed, ms) => {
        expectResultOrReadError(() => parseXml(mutate(seed, ms)), (root) => expect(typeof root.name).toBe('string'));
      }),
      { numRuns: 400 },
    );
  });
  it('random markup soup ends in a tree or a ReadError', () => {
    const unit = fc.constantFrom('<', '>', '/', 'a', 'b:', '=', '"', "'", '&', '#', 'x', ';', '!', '-', '[', ']', '?', ' ', '\n', 'CDATA', 'DOCTYPE', 'amp', '1');
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 80 }), (s) => {
        expectResultOrReadError(() => parseXml(s), (root) => expect(root.children).toBeInstanceOf(Array));
      }),
      { numRuns: 500 },
    );
  });
});

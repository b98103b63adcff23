#!/usr/bin/env python3
"""Builds Athar Sans, the one font the chart renderer draws with, from the bundled Noto fonts.

Java2D does no font fallback for a font loaded with Font.createFont, and a chart label can mix
Arabic and Latin ("المصادر: SNHR"), so the charts need one font that covers both scripts.
This merges frontend/fonts/NotoSans-{Regular,Bold}.ttf (Latin, digits) with
NotoSansArabic-{Regular,Bold}.ttf (Arabic, with its shaping tables) into
src/main/resources/chart-fonts/AtharSans-{Regular,Bold}.ttf. Where both fonts have a glyph
(digits, punctuation, space) the Noto Sans one wins, as in the browser, whose font-family list
names Noto Sans first. Hinting is dropped (fontTools cannot merge hinting programs; charts are
drawn at print resolution or as vectors). The result stays under the SIL OFL 1.1; it is renamed
because it is a modified version.

Run from the repository root with Debian's python3-fonttools (4.38):
    apt-get install python3-fonttools && /usr/bin/python3 tools/merge-chart-fonts.py
"""
import os
import tempfile

from fontTools.merge import Merger, Options
from fontTools.ttLib import TTFont
from fontTools.ttLib.tables import ttProgram

SOURCE = 'frontend/fonts'
TARGET = 'src/main/resources/chart-fonts'
FAMILY = 'Athar Sans'
# Latin ascent of Noto Sans; a descent deep enough for Arabic descenders (yaa, noon: -421 units)
# without the very loose line spacing of Noto Sans Arabic's own metrics (1374 / 738).
ASCENT, DESCENT = 1069, 450


def unhinted(path, out):
    font = TTFont(path)
    for table in ('fpgm', 'prep', 'cvt ', 'DSIG', 'gasp'):
        if table in font:
            del font[table]
    glyf = font['glyf']
    for name in font.getGlyphOrder():
        glyph = glyf[name]
        glyph.expand(glyf)
        if hasattr(glyph, 'program'):
            glyph.program = ttProgram.Program()
            glyph.program.fromBytecode(b'')
    font.recalcTimestamp = False  # keep Noto's dates, so the same input gives the same bytes
    font.save(out)


def rename(font, weight):
    full = f'{FAMILY} {weight}'
    postscript = f'AtharSans-{weight}'
    names = font['name']
    for record in list(names.names):
        if record.nameID in (1, 3, 4, 6, 16, 17, 21, 22):
            names.removeNames(nameID=record.nameID)
    names.setName(FAMILY, 1, 3, 1, 0x409)
    names.setName(weight, 2, 3, 1, 0x409)
    names.setName(f'{postscript};merged from Noto Sans and Noto Sans Arabic', 3, 3, 1, 0x409)
    names.setName(full, 4, 3, 1, 0x409)
    names.setName(postscript, 6, 3, 1, 0x409)
    names.setName('Athar Sans is Noto Sans and Noto Sans Arabic merged into one font '
                  '(Copyright 2015-2020 Google LLC), SIL Open Font License 1.1.', 10, 3, 1, 0x409)


def metrics(font):
    hhea, os2 = font['hhea'], font['OS/2']
    hhea.ascent, hhea.descent, hhea.lineGap = ASCENT, -DESCENT, 0
    os2.sTypoAscender, os2.sTypoDescender, os2.sTypoLineGap = ASCENT, -DESCENT, 0
    os2.usWinAscent, os2.usWinDescent = ASCENT, DESCENT


def main():
    with tempfile.TemporaryDirectory() as tmp:
        for weight in ('Regular', 'Bold'):
            latin = os.path.join(tmp, f'latin-{weight}.ttf')
            arabic = os.path.join(tmp, f'arabic-{weight}.ttf')
            unhinted(os.path.join(SOURCE, f'NotoSans-{weight}.ttf'), latin)
            unhinted(os.path.join(SOURCE, f'NotoSansArabic-{weight}.ttf'), arabic)
            merged = Merger(options=Options(drop_tables=['DSIG'])).merge([latin, arabic])
            rename(merged, weight)
            metrics(merged)
            out = os.path.join(TARGET, f'AtharSans-{weight}.ttf')
            # fontTools stamps the merge time; keep Noto Sans's dates so the same input gives the same bytes.
            merged['head'].created = merged['head'].modified = TTFont(latin)['head'].created
            merged.recalcTimestamp = False
            merged.save(out)
            print(out, len(merged.getGlyphOrder()), 'glyphs')


if __name__ == '__main__':
    main()

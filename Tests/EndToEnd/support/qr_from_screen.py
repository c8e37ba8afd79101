#!/usr/bin/env python3
"""Turns a QR code drawn with Unicode half blocks in a captured terminal screen into a PNG.

usage: qr_from_screen.py SCREEN.txt OUT.png

Each character cell holds two modules, one above the other: "█" both dark, "▀" the upper, "▄" the
lower, a space neither. The block is found as the widest run of rows holding those characters; a
four-module quiet zone is added around it and every module becomes 6x6 pixels, so zbarimg can read
what a phone camera would read from the screen.
"""
import struct
import sys
import zlib

DARK_TOP = "█▀"
DARK_BOTTOM = "█▄"


def block_rows(lines):
    rows = [i for i, line in enumerate(lines) if sum(c in "█▀▄" for c in line) >= 7]
    if not rows:
        raise SystemExit("no QR code on the screen")
    # The longest run of consecutive rows holding blocks is the symbol.
    best, start = [], rows[0]
    for previous, current in zip(rows, rows[1:] + [None]):
        if current != previous + 1:
            run = list(range(start, previous + 1))
            if len(run) > len(best):
                best = run
            start = current
    return best


def main():
    lines = open(sys.argv[1], encoding="utf-8").read().split("\n")
    rows = block_rows(lines)
    columns = [i for r in rows for i, c in enumerate(lines[r]) if c in "█▀▄"]
    left, right = min(columns), max(columns)
    grid = []
    for r in rows:
        cells = lines[r][left:right + 1].ljust(right - left + 1)
        grid.append([c in DARK_TOP for c in cells])
        grid.append([c in DARK_BOTTOM for c in cells])
    quiet, scale = 4, 6
    width, height = len(grid[0]) + 2 * quiet, len(grid) + 2 * quiet
    pixels = [[255] * width for _ in range(height)]
    for y, row in enumerate(grid):
        for x, dark in enumerate(row):
            if dark:
                pixels[y + quiet][x + quiet] = 0
    raw = b"".join(
        b"\x00" + bytes(value for value in row for _ in range(scale)) for row in pixels for _ in range(scale))

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", width * scale, height * scale, 8, 0, 0, 0, 0)
    png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b"")
    open(sys.argv[2], "wb").write(png)


main()

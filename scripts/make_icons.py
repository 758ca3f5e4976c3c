"""Draw the skill's icons: a circle split into a warm half and a cool half, on a cream tile.

    python scripts/make_icons.py            # write skill-package/assets/images/{small,large}-icon.png
    python scripts/make_icons.py --check    # exit 1 if the committed icons show other pixels

Standard library only (zlib + struct). Alexa wants PNGs of 108x108 (small) and 512x512 (large).
Edges are anti-aliased by area coverage, so the same drawing works at both sizes.
"""

from __future__ import annotations

import argparse
import math
import struct
import sys
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
IMAGES_DIR = ROOT / "skill-package" / "assets" / "images"
ICONS = {"small-icon.png": 108, "large-icon.png": 512}

Colour = tuple[float, float, float]
BACKGROUND: Colour = (247, 241, 232)  # cream
WARM_TOP: Colour = (246, 166, 35)  # amber
WARM_BOTTOM: Colour = (226, 74, 38)  # ember red
COOL_TOP: Colour = (126, 204, 242)  # ice blue
COOL_BOTTOM: Colour = (32, 117, 196)  # deep blue
RING: Colour = (255, 255, 255)

RADIUS = 0.40  # of the icon's size
GAP = 0.035  # white gap between the halves, of the size
WAVE_AMPLITUDE = 0.035  # the divide is a gentle wave: heat rising into cold


def _mix(a: Colour, b: Colour, t: float) -> Colour:
    return (a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t, a[2] + (b[2] - a[2]) * t)


def _coverage(distance: float) -> float:
    """Share of a pixel inside an edge, from the signed distance (pixels, negative = inside)."""
    return min(1.0, max(0.0, 0.5 - distance))


def pixels(size: int) -> bytes:
    """Raw RGB rows of the icon, each prefixed with PNG filter type 0."""
    centre = size / 2
    radius = RADIUS * size
    half_gap = GAP * size / 2
    rows = bytearray()
    for y in range(size):
        rows.append(0)
        py = y + 0.5
        t = (py - (centre - radius)) / (2 * radius)
        t = min(1.0, max(0.0, t))
        warm = _mix(WARM_TOP, WARM_BOTTOM, t)
        cool = _mix(COOL_TOP, COOL_BOTTOM, t)
        divide = centre + WAVE_AMPLITUDE * size * math.sin((py - centre) / radius * math.pi)
        for x in range(size):
            px = x + 0.5
            inside_circle = _coverage(math.hypot(px - centre, py - centre) - radius)
            offset = px - divide
            side = warm if offset < 0 else cool
            in_gap = _coverage(abs(offset) - half_gap)
            disc = _mix(side, RING, in_gap)
            colour = _mix(BACKGROUND, disc, inside_circle)
            rows += bytes(round(c) for c in colour)
    return bytes(rows)


def _chunk(kind: bytes, data: bytes) -> bytes:
    return (
        struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    )


def png(size: int) -> bytes:
    header = struct.pack(">IIBBBBB", size, size, 8, 2, 0, 0, 0)  # 8-bit RGB, no interlace
    return (
        b"\x89PNG\r\n\x1a\n"
        + _chunk(b"IHDR", header)
        + _chunk(b"IDAT", zlib.compress(pixels(size), 9))
        + _chunk(b"IEND", b"")
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only compare with the committed icons")
    args = parser.parse_args(argv)
    stale = []
    for name, size in ICONS.items():
        path = IMAGES_DIR / name
        if args.check:
            if not path.exists() or read_pixels(path.read_bytes()) != pixels(size):
                stale.append(path)
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(png(size))
    for path in stale:
        print(f"out of date: {path.relative_to(ROOT)}", file=sys.stderr)
    return 1 if stale else 0


def read_pixels(data: bytes) -> bytes:
    """The decompressed image data of a PNG this script wrote (all IDAT chunks joined)."""
    position, idat = 8, b""
    while position < len(data):
        (length,) = struct.unpack(">I", data[position:position + 4])
        kind = data[position + 4:position + 8]
        if kind == b"IDAT":
            idat += data[position + 8:position + 8 + length]
        position += 12 + length
    return zlib.decompress(idat)


if __name__ == "__main__":
    sys.exit(main())

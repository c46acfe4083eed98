"""Drawn cover illustrations for the demo library, made with Pillow.

They are credited as illustrations and captioned so nobody takes them for photographs
of the schemes. Each is drawn from the case study's own facts (setting, number of
homes, new build or refurbishment) and seeded by its slug, so the same case study
always gets the same picture.
"""

import hashlib
import io
import random
from functools import lru_cache

from PIL import Image, ImageDraw

WIDTH, HEIGHT = 1600, 900
SCALE = 2  # drawn at twice the size, then reduced, for smooth edges

CREDIT = "Illustration made for Partnerships in Place"
LICENCE = "CC0 1.0"
CAPTION = "An illustration, not a photograph of the scheme."

SKIES = {
    "rural-village": ((176, 208, 222), (246, 236, 214)),
    "market-town": ((190, 208, 220), (248, 232, 210)),
    "coastal": ((150, 200, 225), (240, 240, 228)),
    "urban": ((200, 196, 210), (246, 226, 206)),
    "suburban": ((186, 210, 214), (244, 234, 216)),
}
WALLS = [(184, 87, 47), (222, 184, 135), (238, 224, 200), (160, 110, 80), (205, 150, 100), (120, 140, 120)]
ROOFS = [(30, 91, 71), (80, 60, 55), (60, 70, 80), (110, 50, 35)]
GREENS = [(96, 140, 90), (74, 120, 80), (120, 160, 100)]


def _gradient(draw, top, bottom, height):
    for y in range(height):
        t = y / max(1, height - 1)
        colour = tuple(round(a + (b - a) * t) for a, b in zip(top, bottom))
        draw.line([(0, y), (WIDTH * SCALE, y)], fill=colour)


def _house(draw, x, ground, width, height, wall, roof, rng, refurbished):
    s = SCALE
    draw.rectangle([x, ground - height, x + width, ground], fill=wall)
    draw.polygon([(x - 8 * s, ground - height), (x + width / 2, ground - height - width * 0.45), (x + width + 8 * s, ground - height)], fill=roof)
    door_w = width * 0.22
    door_x = x + width * (0.15 if rng.random() < 0.5 else 0.63)
    draw.rectangle([door_x, ground - height * 0.45, door_x + door_w, ground], fill=(40, 50, 45))
    window = (250, 236, 190) if rng.random() < 0.6 else (210, 228, 236)
    for row in (0.72, 0.4):
        for column in (0.18, 0.62):
            wx = x + width * column
            if abs(wx - door_x) < door_w and row < 0.5:
                continue
            draw.rectangle([wx, ground - height * row, wx + width * 0.2, ground - height * row + height * 0.16], fill=window)
    if refurbished:
        # Scaffolding: the homes were brought back, not built from new.
        for offset in (0, width):
            draw.line([(x + offset, ground), (x + offset, ground - height - 10 * s)], fill=(90, 90, 90), width=3 * s)
        draw.line([(x, ground - height * 0.55), (x + width, ground - height * 0.55)], fill=(90, 90, 90), width=3 * s)


@lru_cache(maxsize=64)
def draw_cover(slug, setting="", homes=None, delivery=""):
    """A 1600 × 900 JPEG illustration, as bytes."""
    rng = random.Random(int(hashlib.sha256(slug.encode()).hexdigest()[:12], 16))
    size = (WIDTH * SCALE, HEIGHT * SCALE)
    image = Image.new("RGB", size)
    draw = ImageDraw.Draw(image)
    top, bottom = SKIES.get(setting, SKIES["rural-village"])
    _gradient(draw, top, bottom, size[1])

    sun_x = rng.randint(200, WIDTH - 200) * SCALE
    draw.ellipse([sun_x - 70 * SCALE, 90 * SCALE, sun_x + 70 * SCALE, 230 * SCALE], fill=(252, 214, 120))

    horizon = int(size[1] * 0.62)
    if setting == "urban":
        x = 0
        while x < size[0]:
            block_w = rng.randint(90, 200) * SCALE
            block_h = rng.randint(150, 360) * SCALE
            draw.rectangle([x, horizon - block_h, x + block_w, horizon], fill=(168, 160, 170))
            x += block_w + rng.randint(0, 30) * SCALE
    elif setting == "coastal":
        draw.rectangle([0, horizon - 60 * SCALE, size[0], horizon + 40 * SCALE], fill=(70, 130, 160))
        for wave in range(14):
            wx = rng.randint(0, size[0])
            draw.arc([wx, horizon - 40 * SCALE, wx + 80 * SCALE, horizon - 10 * SCALE], 200, 340, fill=(230, 240, 245), width=3 * SCALE)
    else:
        for layer, colour in enumerate([(150, 180, 140), (120, 160, 115)]):
            points = [(0, size[1])]
            for step in range(0, size[0] + 200 * SCALE, 200 * SCALE):
                points.append((step, horizon - rng.randint(40, 160) * SCALE + layer * 60 * SCALE))
            points.append((size[0], size[1]))
            draw.polygon(points, fill=colour)

    ground = int(size[1] * 0.86)
    draw.rectangle([0, ground, size[0], size[1]], fill=(105, 120, 100) if setting == "urban" else rng.choice(GREENS))

    count = max(3, min(9, homes or 5))
    joined = setting in ("urban", "suburban")
    house_w = (size[0] * 0.8) / (count * (1.0 if joined else 1.35))
    x = size[0] * 0.1
    refurbished = delivery in ("refurbishment", "conversion")
    for index in range(count):
        height = house_w * rng.uniform(0.85, 1.1)
        _house(draw, x, ground, house_w, height, rng.choice(WALLS), rng.choice(ROOFS), rng, refurbished and index % 2 == 0)
        x += house_w * (1.0 if joined else 1.35)
        if not joined and setting != "coastal" and rng.random() < 0.5:
            tree_x = x - house_w * 0.2
            draw.line([(tree_x, ground), (tree_x, ground - 120 * SCALE)], fill=(90, 70, 50), width=8 * SCALE)
            draw.ellipse([tree_x - 45 * SCALE, ground - 200 * SCALE, tree_x + 45 * SCALE, ground - 100 * SCALE], fill=rng.choice(GREENS))

    image = image.resize((WIDTH, HEIGHT), Image.Resampling.LANCZOS)
    out = io.BytesIO()
    image.save(out, "JPEG", quality=88)
    return out.getvalue()

"""Drawn cover illustrations for the demo library, made with Pillow.

They are credited as illustrations and captioned so nobody takes them for photographs
of the schemes. Each is drawn from the case study's own data, so that cards can be told
apart at a glance:

- the kind of building (a terrace for refurbished streets, bungalows, a block of flats, a
  chapel, a pub, a bakery, a school, Passivhaus rows, a cohousing common house…),
- the walling material (red or yellow brick, sandstone, slate, granite, render…),
- the backdrop of the place (hills, fells, mountains, sea, a harbour, the city, an estate,
  industry), from the setting unless the data names one,
- scaffolding for refurbishment, boarded windows where a partnership ended, and features
  such as a winter garden, allotments or homes left unfinished.

The sky, the time of day and the small variations are seeded by the slug, so the same
case study always gets the same picture.
"""

import hashlib
import io
import random
from functools import lru_cache

from PIL import Image, ImageDraw

WIDTH, HEIGHT = 1600, 900
S = 2  # drawn at twice the size, then reduced, for smooth edges

CREDIT = "Illustration made for Partnerships in Place"
LICENCE = "CC0 1.0"
CAPTION = "An illustration, not a photograph of the scheme."

# Sky gradients (top, bottom) and the sun's colour, by time of day.
SKIES = [
    ((150, 196, 228), (236, 244, 246), (255, 236, 170)),  # a clear morning
    ((112, 170, 214), (214, 232, 240), (255, 244, 200)),  # midday
    ((238, 150, 96), (252, 214, 160), (255, 220, 150)),  # evening
    ((156, 164, 176), (214, 218, 222), (236, 236, 230)),  # overcast
    ((70, 84, 140), (236, 160, 150), (250, 200, 170)),  # dusk
    ((190, 214, 222), (248, 236, 214), (255, 226, 150)),  # a hazy afternoon
]

MATERIALS = {
    "red-brick": {
        "walls": [(164, 70, 50), (150, 62, 45), (178, 86, 60)],
        "roofs": [(70, 58, 58), (88, 62, 54)],
    },
    "yellow-brick": {
        "walls": [(214, 178, 110), (200, 164, 100), (224, 192, 128)],
        "roofs": [(80, 72, 74), (62, 62, 72)],
    },
    "sandstone": {
        "walls": [(190, 150, 106), (176, 138, 98), (202, 164, 120)],
        "roofs": [(72, 72, 82), (84, 80, 86)],
    },
    "limestone-gold": {
        "walls": [(224, 190, 126), (214, 178, 114), (232, 202, 142)],
        "roofs": [(122, 100, 78), (104, 86, 70)],
    },
    "limestone-grey": {
        "walls": [(192, 188, 178), (176, 172, 164), (204, 200, 190)],
        "roofs": [(70, 74, 84), (84, 86, 94)],
    },
    "slate": {
        "walls": [(118, 124, 132), (236, 234, 226), (104, 110, 118)],
        "roofs": [(56, 60, 70), (66, 70, 80)],
    },
    "granite": {
        "walls": [(166, 166, 158), (236, 232, 220), (148, 148, 144)],
        "roofs": [(62, 64, 72), (76, 78, 84)],
    },
    "render-white": {
        "walls": [(242, 240, 232), (230, 228, 220), (246, 238, 222)],
        "roofs": [(78, 84, 92), (60, 64, 70)],
    },
    "render-cream": {
        "walls": [(238, 222, 186), (230, 212, 172), (242, 230, 200)],
        "roofs": [(152, 108, 78), (136, 96, 70)],
    },
    "render-pastel": {
        "walls": [
            (236, 168, 158),
            (156, 198, 214),
            (240, 218, 136),
            (176, 212, 168),
            (212, 178, 218),
        ],
        "roofs": [(70, 74, 84), (84, 86, 96)],
    },
    "terracotta": {
        "walls": [(196, 108, 70), (184, 98, 64), (206, 122, 82)],
        "roofs": [(88, 70, 64), (70, 62, 60)],
    },
    "timber": {
        "walls": [(176, 130, 86), (160, 116, 76), (196, 154, 108)],
        "roofs": [(68, 72, 80), (54, 58, 64)],
    },
}

GREENS = [(96, 140, 90), (74, 122, 80), (120, 160, 100), (88, 132, 84)]
GLASS = [(250, 234, 180), (206, 226, 236), (236, 224, 196)]
DOORS = [(34, 46, 42), (120, 34, 40), (30, 60, 110), (40, 90, 70), (200, 160, 40), (90, 40, 90)]

BACKDROP_FOR_SETTING = {
    "rural-village": "hills",
    "market-town": "hills",
    "coastal": "sea",
    "urban": "city",
    "suburban": "trees",
}


def _mix(a, b, t):
    return tuple(round(x + (y - x) * t) for x, y in zip(a, b))


def _shade(colour, factor):
    return tuple(max(0, min(255, round(c * factor))) for c in colour)


class Canvas:
    """Drawing in the 1600 × 900 design space, at S times the pixels."""

    def __init__(self, rng, material):
        self.image = Image.new("RGB", (WIDTH * S, HEIGHT * S))
        self.draw = ImageDraw.Draw(self.image)
        self.rng = rng
        self.material = MATERIALS.get(material, MATERIALS["red-brick"])

    def rect(self, x0, y0, x1, y1, fill):
        self.draw.rectangle([x0 * S, y0 * S, x1 * S, y1 * S], fill=fill)

    def poly(self, points, fill):
        self.draw.polygon([(x * S, y * S) for x, y in points], fill=fill)

    def ellipse(self, x0, y0, x1, y1, fill):
        self.draw.ellipse([x0 * S, y0 * S, x1 * S, y1 * S], fill=fill)

    def line(self, points, fill, width=2):
        self.draw.line(
            [(x * S, y * S) for x, y in points], fill=fill, width=max(1, round(width * S))
        )

    def arc_window(self, x0, y0, x1, y1, fill):
        radius = (x1 - x0) / 2
        self.ellipse(x0, y0, x1, y0 + 2 * radius, fill)
        self.rect(x0, y0 + radius, x1, y1, fill)

    def wall(self):
        return self.rng.choice(self.material["walls"])

    def roof(self):
        return self.rng.choice(self.material["roofs"])


# The place: sky, backdrop and ground ------------------------------------------------------


def _sky(canvas, horizon):
    top, bottom, sun = canvas.rng.choice(SKIES)
    for y in range(HEIGHT * S):
        canvas.draw.line(
            [(0, y), (WIDTH * S, y)], fill=_mix(top, bottom, min(1, y / (horizon * S)))
        )
    sun_x = canvas.rng.randint(180, WIDTH - 180)
    sun_y = canvas.rng.randint(90, 200)
    canvas.ellipse(sun_x - 60, sun_y - 60, sun_x + 60, sun_y + 60, sun)
    for _ in range(canvas.rng.randint(2, 5)):
        cx, cy = canvas.rng.randint(0, WIDTH), canvas.rng.randint(60, 260)
        cloud = _mix(bottom, (255, 255, 255), 0.6)
        for dx, dy, r in ((0, 0, 46), (50, -18, 56), (104, 0, 44), (52, 14, 50)):
            canvas.ellipse(cx + dx - r, cy + dy - r * 0.6, cx + dx + r, cy + dy + r * 0.6, cloud)


def _hills(canvas, horizon, colours=((150, 182, 140), (118, 158, 112)), height=(40, 150)):
    for layer, colour in enumerate(colours):
        points = [(0, HEIGHT)]
        for x in range(0, WIDTH + 200, 160):
            points.append((x, horizon - canvas.rng.randint(*height) + layer * 55))
        points.append((WIDTH, HEIGHT))
        canvas.poly(points, colour)


def _fells(canvas, horizon):
    for layer, colour in enumerate([(128, 138, 130), (104, 128, 104)]):
        points = [(0, HEIGHT)]
        x = -50
        while x < WIDTH + 200:
            points.append((x, horizon - canvas.rng.randint(140, 300) + layer * 110))
            x += canvas.rng.randint(110, 220)
            points.append((x, horizon - canvas.rng.randint(40, 120) + layer * 110))
            x += canvas.rng.randint(80, 160)
        points.append((WIDTH + 200, HEIGHT))
        canvas.poly(points, colour)


def _mountains(canvas, horizon):
    _fells(canvas, horizon)
    for _ in range(3):
        x = canvas.rng.randint(100, WIDTH - 100)
        top = horizon - canvas.rng.randint(280, 360)
        canvas.poly([(x - 220, horizon), (x, top), (x + 240, horizon)], (112, 118, 126))
        canvas.poly([(x - 40, top + 50), (x, top), (x + 44, top + 50)], (240, 242, 244))


def _sea(canvas, horizon, boats=False):
    canvas.rect(0, horizon - 50, WIDTH, horizon + 60, (66, 128, 160))
    for _ in range(16):
        wx, wy = canvas.rng.randint(0, WIDTH), canvas.rng.randint(horizon - 40, horizon + 40)
        canvas.line([(wx, wy), (wx + 24, wy - 6), (wx + 48, wy)], (228, 240, 246), 2)
    if boats:
        for _ in range(4):
            bx, by = canvas.rng.randint(80, WIDTH - 120), horizon + canvas.rng.randint(-30, 20)
            hull = canvas.rng.choice(
                [(200, 60, 50), (40, 80, 140), (240, 240, 230), (230, 180, 40)]
            )
            canvas.poly([(bx, by), (bx + 70, by), (bx + 58, by + 16), (bx + 10, by + 16)], hull)
            canvas.line([(bx + 34, by), (bx + 34, by - 50)], (90, 80, 70), 2)
            canvas.poly([(bx + 36, by - 48), (bx + 64, by - 6), (bx + 36, by - 6)], (246, 244, 236))


def _skyline(canvas, horizon, tall=False, chimneys=False):
    x = -20
    while x < WIDTH:
        width = canvas.rng.randint(70, 160)
        height = (
            canvas.rng.randint(260, 420)
            if tall and canvas.rng.random() < 0.4
            else canvas.rng.randint(90, 260)
        )
        tone = canvas.rng.randint(150, 180)
        colour = (tone, tone - 6, tone + 8)
        canvas.rect(x, horizon - height, x + width, horizon, colour)
        if tall:
            for row in range(horizon - height + 14, horizon - 10, 26):
                for column in range(x + 10, x + width - 14, 22):
                    canvas.rect(column, row, column + 10, row + 12, _shade(colour, 1.12))
        x += width + canvas.rng.randint(4, 30)
    if chimneys:
        for _ in range(3):
            cx = canvas.rng.randint(60, WIDTH - 60)
            top = horizon - canvas.rng.randint(300, 380)
            canvas.rect(cx, top, cx + 26, horizon, (118, 108, 108))
            for puff in range(3):
                canvas.ellipse(
                    cx - 20 + puff * 30,
                    top - 50 - puff * 34,
                    cx + 50 + puff * 30,
                    top - 10 - puff * 34,
                    (226, 226, 226),
                )


def _trees(canvas, horizon, count=9):
    for _ in range(count):
        x = canvas.rng.randint(0, WIDTH)
        size = canvas.rng.randint(50, 90)
        canvas.ellipse(
            x - size, horizon - 2 * size, x + size, horizon + 10, canvas.rng.choice(GREENS)
        )


def _backdrop(canvas, name, horizon):
    if name == "fells":
        _fells(canvas, horizon)
    elif name == "mountains":
        _mountains(canvas, horizon)
    elif name == "sea":
        _hills(canvas, horizon - 60, ((150, 182, 140),), (10, 60))
        _sea(canvas, horizon)
    elif name == "harbour":
        _hills(canvas, horizon - 40, ((134, 170, 122),), (90, 200))
        _sea(canvas, horizon + 40, boats=True)
    elif name == "city":
        _skyline(canvas, horizon)
    elif name == "estate":
        _skyline(canvas, horizon, tall=True)
    elif name == "industry":
        _skyline(canvas, horizon, chimneys=True)
    elif name == "trees":
        _hills(canvas, horizon, ((160, 188, 150),), (20, 70))
        _trees(canvas, horizon)
    else:
        _hills(canvas, horizon)


def _ground(canvas, setting, ground):
    if setting in ("urban", "suburban"):
        canvas.rect(0, ground, WIDTH, HEIGHT, (150, 150, 146))
        canvas.rect(0, ground + 50, WIDTH, HEIGHT, (90, 92, 96))
        for x in range(30, WIDTH, 140):
            canvas.rect(x, ground + 100, x + 70, ground + 106, (230, 226, 210))
        if setting == "suburban":
            canvas.rect(0, ground, WIDTH, ground + 22, canvas.rng.choice(GREENS))
    else:
        canvas.rect(0, ground, WIDTH, HEIGHT, canvas.rng.choice(GREENS))
        canvas.rect(0, ground + 60, WIDTH, ground + 80, (176, 160, 130))  # a lane


def _lamps(canvas, ground):
    for x in range(120, WIDTH, 420):
        canvas.line([(x, ground + 40), (x, ground - 150)], (50, 56, 60), 4)
        canvas.ellipse(x - 10, ground - 168, x + 10, ground - 148, (250, 232, 170))


def _tree(canvas, x, ground, size=1.0):
    canvas.line([(x, ground), (x, ground - 120 * size)], (90, 70, 50), 8 * size)
    canvas.ellipse(
        x - 50 * size,
        ground - 210 * size,
        x + 50 * size,
        ground - 100 * size,
        canvas.rng.choice(GREENS),
    )


# Buildings -------------------------------------------------------------------------------


class Look:
    """How the homes are shown: under scaffolding (refurbishment) or boarded up (ended)."""

    def __init__(self, refurbished, boarded):
        self.refurbished = refurbished
        self.boarded = boarded


def _window(canvas, x0, y0, x1, y1, look, boarded=False):
    if boarded:
        canvas.rect(x0, y0, x1, y1, (132, 100, 68))
        canvas.line([(x0, y0), (x1, y1)], (96, 72, 50), 3)
        canvas.line([(x0, y1), (x1, y0)], (96, 72, 50), 3)
        return
    canvas.rect(x0 - 3, y0 - 3, x1 + 3, y1 + 3, (240, 236, 226))
    canvas.rect(x0, y0, x1, y1, canvas.rng.choice(GLASS))
    canvas.line([((x0 + x1) / 2, y0), ((x0 + x1) / 2, y1)], (240, 236, 226), 2)


def _house_front(
    canvas, x, ground, width, height, wall, look, storeys=2, door_side=None, boarded=False
):
    canvas.rect(x, ground - height, x + width, ground, wall)
    storey = height / storeys
    door_left = door_side if door_side is not None else canvas.rng.random() < 0.5
    door_x = x + (width * 0.14 if door_left else width * 0.62)
    door_w = width * 0.24
    canvas.rect(
        door_x,
        ground - storey * 0.72,
        door_x + door_w,
        ground,
        (132, 100, 68) if boarded else canvas.rng.choice(DOORS),
    )
    for level in range(storeys):
        top = ground - storey * (level + 1) + storey * 0.22
        bottom = top + storey * 0.42
        for column in (0.14, 0.58):
            wx = x + width * column
            if level == 0 and abs(wx - door_x) < door_w * 0.9:
                wx = x + (width * 0.58 if door_left else width * 0.14)
            _window(canvas, wx, top, wx + width * 0.26, bottom, look, boarded)


def _scaffold(canvas, x0, x1, top, ground):
    colour = (96, 96, 100)
    for x in range(int(x0), int(x1) + 1, 60):
        canvas.line([(x, ground), (x, top - 20)], colour, 3)
    y = ground
    while y > top - 20:
        canvas.line([(x0, y), (x1, y)], colour, 3)
        canvas.rect(x0, y - 6, x1, y, (176, 150, 100))
        y -= 90


def _gable_roof(canvas, x0, x1, top, colour, pitch=0.4):
    canvas.poly([(x0 - 10, top), ((x0 + x1) / 2, top - (x1 - x0) * pitch), (x1 + 10, top)], colour)


def _chimney(canvas, x, top, colour):
    canvas.rect(x, top - 46, x + 22, top + 4, _shade(colour, 0.9))
    canvas.rect(x + 4, top - 56, x + 9, top - 46, (150, 80, 60))
    canvas.rect(x + 13, top - 56, x + 18, top - 46, (150, 80, 60))


def _detached_row(canvas, x, ground, look, count, height, step, pitch=0.4, until=None):
    """Detached houses, 200 wide, side by side from x; returns where the row ends."""
    while count and (until is None or x < until):
        _house_front(canvas, x, ground, 200, height, canvas.wall(), look)
        _gable_roof(canvas, x, x + 200, ground - height, canvas.roof(), pitch)
        x += step
        count -= 1
    return x


def terrace(canvas, ground, count, look, feature="", setting=""):
    left, right = 90, WIDTH - 90
    width = (right - left) / count
    height = width * canvas.rng.uniform(1.05, 1.3)
    top = ground - height
    roof = canvas.roof()
    canvas.poly(
        [(left - 14, top), (left + 24, top - 70), (right - 24, top - 70), (right + 14, top)], roof
    )
    garden = {count // 2 - 1, count // 2} if feature == "winter-garden" and count >= 4 else set()
    for index in range(count):
        x = left + index * width
        if index in garden:
            canvas.rect(x, top, x + width, ground, (196, 226, 228))
            for pane in range(1, 4):
                canvas.line(
                    [(x + width * pane / 4, top), (x + width * pane / 4, ground)],
                    (120, 150, 150),
                    2,
                )
            canvas.line([(x, top + height / 2), (x + width, top + height / 2)], (120, 150, 150), 2)
            for _ in range(4):
                px = x + canvas.rng.uniform(0.1, 0.8) * width
                canvas.ellipse(
                    px, ground - 110, px + width * 0.28, ground - 20, canvas.rng.choice(GREENS)
                )
            continue
        boarded = look.boarded and index % 2 == 1
        _house_front(
            canvas,
            x,
            ground,
            width,
            height,
            canvas.wall(),
            look,
            door_side=index % 2 == 0,
            boarded=boarded,
        )
        canvas.line([(x, top), (x, ground)], _shade(roof, 1.4), 2)
        if index % 2 == 0:
            _chimney(canvas, x + width - 11, top - 70, canvas.wall())
    if look.refurbished:
        _scaffold(canvas, left + width, left + width * 3, top, ground)
    if feature == "allotments":
        for plot in range(6):
            px = 60 + plot * 260
            canvas.rect(px, ground + 24, px + 220, ground + 56, (112, 86, 60))
            for row in range(5):
                canvas.line(
                    [(px + 12 + row * 42, ground + 28), (px + 12 + row * 42, ground + 52)],
                    (96, 150, 80),
                    8,
                )


def bungalows(canvas, ground, count, look, **_):
    x = 110
    for _index in range(3):
        width = canvas.rng.randint(230, 270)
        height = 130
        canvas.rect(x, ground - height, x + width, ground, canvas.wall())
        canvas.poly(
            [
                (x - 16, ground - height),
                (x + 50, ground - height - 80),
                (x + width - 50, ground - height - 80),
                (x + width + 16, ground - height),
            ],
            canvas.roof(),
        )
        canvas.rect(
            x + width * 0.42, ground - 96, x + width * 0.58, ground, canvas.rng.choice(DOORS)
        )
        _window(canvas, x + 24, ground - 100, x + 80, ground - 50, look)
        _window(canvas, x + width - 80, ground - 100, x + width - 24, ground - 50, look)
        canvas.rect(
            x - 10, ground - 26, x + width + 10, ground, _shade(canvas.rng.choice(GREENS), 0.8)
        )  # hedge
        x += width + 70
    # a small block of flats beside them
    width, height = 300, 300
    canvas.rect(x, ground - height, x + width, ground, canvas.wall())
    _gable_roof(canvas, x, x + width, ground - height, canvas.roof(), 0.3)
    for level in range(2):
        for column in range(3):
            wx = x + 30 + column * 90
            top = ground - height + 40 + level * 140
            _window(canvas, wx, top, wx + 56, top + 70, look)


def cottages(canvas, ground, count, look, feature="", **_):
    x = 70
    count = max(4, min(6, count))
    for index in range(count):
        width = canvas.rng.randint(170, 220)
        height = canvas.rng.randint(180, 230)
        unfinished = feature == "unfinished" and index >= count - 2
        if unfinished:
            for post in range(5):
                px = x + post * width / 4
                canvas.line([(px, ground), (px, ground - height)], (170, 130, 80), 5)
            canvas.line(
                [
                    (x, ground - height),
                    (x + width / 2, ground - height - 80),
                    (x + width, ground - height),
                ],
                (170, 130, 80),
                5,
            )
            canvas.line(
                [(x, ground - height / 2), (x + width, ground - height / 2)], (170, 130, 80), 4
            )
        else:
            _house_front(canvas, x, ground, width, height, canvas.wall(), look, boarded=False)
            _gable_roof(canvas, x, x + width, ground - height, canvas.roof(), 0.45)
            _chimney(canvas, x + width * 0.7, ground - height - width * 0.2, canvas.wall())
        x += width + canvas.rng.randint(40, 90)
        if x > WIDTH - 200:
            break
        if canvas.rng.random() < 0.4:
            _tree(canvas, x - 25, ground, 0.8)
    if feature == "unfinished":
        canvas.line([(WIDTH - 240, ground), (WIDTH - 240, ground - 520)], (230, 170, 40), 8)
        canvas.line([(WIDTH - 420, ground - 500), (WIDTH - 60, ground - 500)], (230, 170, 40), 8)
        canvas.line([(WIDTH - 110, ground - 500), (WIDTH - 110, ground - 380)], (60, 60, 60), 2)
    canvas.rect(
        0, ground - 22, WIDTH, ground, _shade(canvas.wall(), 0.75)
    )  # a stone wall along the lane


def semis(canvas, ground, count, look, **_):
    x = 90
    for _pair in range(3):
        width = 200
        height = 220
        roof = canvas.roof()
        canvas.poly(
            [
                (x - 14, ground - height),
                (x + 60, ground - height - 100),
                (x + 2 * width - 60, ground - height - 100),
                (x + 2 * width + 14, ground - height),
            ],
            roof,
        )
        wall = canvas.wall()
        _house_front(canvas, x, ground, width, height, wall, look, door_side=True)
        _house_front(canvas, x + width, ground, width, height, wall, look, door_side=False)
        x += 2 * width + 70
        _tree(canvas, x - 35, ground, 0.7)


def flats(canvas, ground, count, look, **_):
    storeys = canvas.rng.randint(4, 5)
    left = canvas.rng.randint(240, 400)
    width = 820
    height = storeys * 110
    wall = canvas.wall()
    canvas.rect(left, ground - height, left + width, ground, wall)
    canvas.rect(left - 10, ground - height - 16, left + width + 10, ground - height, canvas.roof())
    accent = _shade(wall, 0.8)
    for level in range(storeys):
        top = ground - height + level * 110 + 26
        for column in range(7):
            wx = left + 30 + column * 112
            _window(canvas, wx, top, wx + 64, top + 60, look)
            if level > 0 and column % 2 == 1:
                canvas.rect(wx - 10, top + 54, wx + 74, top + 66, accent)  # balcony
    canvas.rect(left + width / 2 - 50, ground - 100, left + width / 2 + 50, ground, (60, 70, 80))
    _tree(canvas, left - 90, ground, 1.1)
    _tree(canvas, left + width + 110, ground, 1.2)


def courtyard(canvas, ground, count, look, **_):
    back = ground - 60
    wall = canvas.wall()
    canvas.rect(300, back - 560, WIDTH - 300, back, _shade(wall, 0.86))
    for level in range(6):
        for column in range(10):
            wx = 330 + column * 96
            _window(canvas, wx, back - 540 + level * 90, wx + 50, back - 490 + level * 90, look)
    canvas.ellipse(
        620, back - 200, 980, back + 40, canvas.rng.choice(GREENS)
    )  # the courtyard garden
    for side in (0, 1):
        x0 = 80 if side == 0 else WIDTH - 400
        canvas.rect(x0, ground - 620, x0 + 320, ground, wall)
        canvas.rect(x0 - 8, ground - 636, x0 + 328, ground - 620, canvas.roof())
        for level in range(6):
            for column in range(3):
                wx = x0 + 30 + column * 100
                _window(
                    canvas, wx, ground - 600 + level * 96, wx + 56, ground - 544 + level * 96, look
                )
    canvas.rect(700, ground - 90, 900, ground, (200, 130, 70))  # the café's awning and front
    canvas.rect(700, ground - 90, 900, ground - 70, (230, 200, 90))


def chapel(canvas, ground, count, look, **_):
    terrace(canvas, ground, max(6, count), Look(False, look.boarded))
    x0, x1 = WIDTH / 2 - 210, WIDTH / 2 + 210
    wall = _shade(canvas.wall(), 0.95)
    canvas.rect(x0, ground - 420, x1, ground, wall)
    canvas.poly(
        [(x0 - 20, ground - 420), (WIDTH / 2, ground - 640), (x1 + 20, ground - 420)], canvas.roof()
    )
    canvas.ellipse(
        WIDTH / 2 - 50, ground - 560, WIDTH / 2 + 50, ground - 460, canvas.rng.choice(GLASS)
    )
    for column in range(3):
        wx = x0 + 50 + column * 120
        canvas.arc_window(wx, ground - 400, wx + 70, ground - 140, canvas.rng.choice(GLASS))
        canvas.line(
            [(wx, ground - 270), (wx + 70, ground - 270)], (240, 236, 226), 3
        )  # new floors inside
    canvas.rect(WIDTH / 2 - 40, ground - 110, WIDTH / 2 + 40, ground, canvas.rng.choice(DOORS))


def pub(canvas, ground, count, look, **_):
    cottages(canvas, ground, 5, look)
    x0, x1 = WIDTH / 2 - 260, WIDTH / 2 + 260
    canvas.rect(x0, ground - 300, x1, ground, canvas.wall())
    _gable_roof(canvas, x0, x1, ground - 300, canvas.roof(), 0.28)
    canvas.rect(x0, ground - 130, x1, ground, (40, 70, 56))  # painted ground floor
    canvas.rect(x0 + 20, ground - 122, x1 - 20, ground - 100, (220, 196, 120))  # the name board
    for column in range(4):
        wx = x0 + 40 + column * 120
        _window(canvas, wx, ground - 260, wx + 70, ground - 180, look)
    canvas.line([(x1 - 10, ground - 200), (x1 + 90, ground - 200)], (40, 40, 40), 4)
    canvas.rect(x1 + 40, ground - 196, x1 + 110, ground - 110, (150, 40, 40))  # hanging sign
    canvas.rect(WIDTH / 2 - 36, ground - 96, WIDTH / 2 + 36, ground, (30, 40, 36))


def corner_shop(canvas, ground, count, look, **_):
    terrace(canvas, ground, max(6, count), look)
    width = (WIDTH - 180) / max(6, count)
    x = WIDTH - 90 - width
    canvas.rect(x, ground - 130, x + width, ground, (40, 70, 110))
    canvas.rect(x + 12, ground - 110, x + width - 12, ground - 12, (206, 226, 236))
    for stripe in range(6):
        colour = (230, 230, 220) if stripe % 2 else (40, 120, 90)
        sx = x - 10 + stripe * (width + 20) / 6
        canvas.poly(
            [
                (sx, ground - 150),
                (sx + (width + 20) / 6, ground - 150),
                (sx + (width + 20) / 6 + 10, ground - 120),
                (sx + 10, ground - 120),
            ],
            colour,
        )


def bakery(canvas, ground, count, look, **_):
    terrace(canvas, ground, max(7, count), look)
    width = (WIDTH - 180) / max(7, count)
    x = 90
    canvas.rect(x, ground - 140, x + width * 2, ground, (200, 150, 60))
    canvas.rect(x + 16, ground - 116, x + width * 2 - 16, ground - 14, (250, 232, 190))
    for loaf in range(3):
        lx = x + 40 + loaf * width * 0.6
        canvas.ellipse(lx, ground - 60, lx + width * 0.45, ground - 24, (196, 130, 60))
    for stripe in range(10):
        colour = (240, 236, 226) if stripe % 2 else (170, 50, 50)
        sx = x - 10 + stripe * (width * 2 + 20) / 10
        canvas.poly(
            [
                (sx, ground - 170),
                (sx + (width * 2 + 20) / 10, ground - 170),
                (sx + (width * 2 + 20) / 10 + 8, ground - 136),
                (sx + 8, ground - 136),
            ],
            colour,
        )


def school(canvas, ground, count, look, **_):
    x0, x1 = 120, 760
    wall = canvas.wall()
    canvas.rect(x0, ground - 360, x1, ground, wall)
    canvas.poly(
        [
            (x0 - 20, ground - 360),
            (x0 + 120, ground - 520),
            (x1 - 120, ground - 520),
            (x1 + 20, ground - 360),
        ],
        canvas.roof(),
    )
    canvas.rect(
        (x0 + x1) / 2 - 30, ground - 620, (x0 + x1) / 2 + 30, ground - 500, wall
    )  # bell turret
    canvas.poly(
        [
            ((x0 + x1) / 2 - 44, ground - 620),
            ((x0 + x1) / 2, ground - 690),
            ((x0 + x1) / 2 + 44, ground - 620),
        ],
        canvas.roof(),
    )
    for column in range(5):
        wx = x0 + 40 + column * 120
        canvas.arc_window(wx, ground - 320, wx + 70, ground - 80, canvas.rng.choice(GLASS))
    _detached_row(canvas, 840, ground, look, 3, 230, 220)


def passivhaus(canvas, ground, count, look, **_):
    x = 80
    for index in range(6):
        width = 220
        high = 300 if index % 2 == 0 else 250
        low = 200
        wall = canvas.wall()
        canvas.poly(
            [(x, ground), (x, ground - high), (x + width, ground - low), (x + width, ground)], wall
        )
        for line in range(int(x) + 12, int(x + width), 18):
            canvas.line([(line, ground), (line, ground - low)], _shade(wall, 0.92), 1)
        canvas.poly(
            [
                (x + 20, ground - high + 14),
                (x + width - 20, ground - low + 4),
                (x + width - 20, ground - low + 30),
                (x + 20, ground - high + 40),
            ],
            (40, 56, 96),
        )  # solar panels
        canvas.rect(
            x + 24, ground - low + 50, x + width - 24, ground - 90, canvas.rng.choice(GLASS)
        )
        canvas.rect(
            x + width * 0.6, ground - 90, x + width * 0.85, ground, canvas.rng.choice(DOORS)
        )
        x += width + 24
    _tree(canvas, WIDTH - 80, ground, 1.0)


def townhouses(canvas, ground, count, look, **_):
    x = 80
    for index in range(6):
        width = 210
        height = canvas.rng.choice([330, 360, 390])
        wall = canvas.wall()
        canvas.rect(x, ground - height, x + width, ground, wall)
        if index % 3 == 1:
            _gable_roof(canvas, x, x + width, ground - height, canvas.roof(), 0.5)
        else:
            canvas.rect(x - 6, ground - height - 14, x + width + 6, ground - height, canvas.roof())
        for level in range(3):
            top = ground - height + 30 + level * 110
            _window(canvas, x + 30, top, x + width - 30, top + 60, look)
            if level == 1:
                canvas.rect(x + 20, top + 60, x + width - 20, top + 70, (60, 60, 64))
        canvas.rect(x + 80, ground - 90, x + 130, ground, canvas.rng.choice(DOORS))
        x += width + 20


def cohousing(canvas, ground, count, look, **_):
    x = _detached_row(canvas, 80, ground, look, 2, 240, 210)
    common = (x + 30, x + 530)
    canvas.rect(common[0], ground - 300, common[1], ground, canvas.wall())
    canvas.poly(
        [
            (common[0] - 20, ground - 300),
            (common[0] + 250, ground - 430),
            (common[1] + 20, ground - 300),
        ],
        canvas.roof(),
    )
    canvas.rect(
        common[0] + 30, ground - 250, common[1] - 30, ground - 20, (206, 226, 236)
    )  # the common house's glass front
    for pane in range(1, 6):
        px = common[0] + 30 + pane * (common[1] - common[0] - 60) / 6
        canvas.line([(px, ground - 250), (px, ground - 20)], (140, 150, 150), 2)
    _detached_row(canvas, common[1] + 60, ground, look, -1, 240, 210, until=WIDTH - 150)
    for table in range(3):
        tx = common[0] + 60 + table * 150
        canvas.rect(
            tx, ground + 30, tx + 90, ground + 40, (120, 90, 60)
        )  # tables in the shared garden


def health_centre(canvas, ground, count, look, **_):
    canvas.rect(120, ground - 180, 760, ground, canvas.wall())
    canvas.rect(110, ground - 196, 770, ground - 180, canvas.roof())
    for column in range(5):
        wx = 150 + column * 120
        _window(canvas, wx, ground - 150, wx + 80, ground - 60, look)
    canvas.rect(420, ground - 100, 480, ground, (30, 90, 120))
    _detached_row(canvas, 840, ground, look, 3, 220, 230, pitch=0.45)


def villages(canvas, ground, count, look, **_):
    """A programme across a region: several small villages across the landscape."""
    for cluster, (cx, base, scale) in enumerate(
        ((260, ground - 180, 0.45), (820, ground - 100, 0.6), (1340, ground - 10, 0.8))
    ):
        x = cx - 180 * scale
        for _ in range(4):
            width, height = 150 * scale, 150 * scale
            _house_front(canvas, x, base, width, height, canvas.wall(), look, storeys=1)
            _gable_roof(canvas, x, x + width, base - height, canvas.roof(), 0.5)
            x += width + 20 * scale
        if cluster == 1:
            canvas.rect(
                cx + 200 * scale,
                base - 330 * scale,
                cx + 250 * scale,
                base,
                _shade(canvas.wall(), 0.9),
            )
            canvas.poly(
                [
                    (cx + 196 * scale, base - 330 * scale),
                    (cx + 225 * scale, base - 440 * scale),
                    (cx + 254 * scale, base - 330 * scale),
                ],
                canvas.roof(),
            )


BUILDINGS = {
    "terrace": terrace,
    "bungalows": bungalows,
    "cottages": cottages,
    "semis": semis,
    "flats": flats,
    "courtyard": courtyard,
    "chapel": chapel,
    "pub": pub,
    "corner-shop": corner_shop,
    "bakery": bakery,
    "school": school,
    "passivhaus": passivhaus,
    "townhouses": townhouses,
    "cohousing": cohousing,
    "health-centre": health_centre,
    "villages": villages,
}


def _default_building(setting, delivery):
    if delivery in ("refurbishment", "conversion") or setting == "urban":
        return "terrace"
    if setting == "suburban":
        return "semis"
    return "cottages"


@lru_cache(maxsize=64)
def draw_cover(
    slug,
    setting="",
    homes=None,
    delivery="",
    region="",
    partnership_status="active",
    building="",
    material="",
    backdrop="",
    feature="",
):
    """A 1600 × 900 JPEG illustration, as bytes."""
    rng = random.Random(int(hashlib.sha256(slug.encode()).hexdigest()[:12], 16))
    canvas = Canvas(rng, material)
    horizon = rng.randint(540, 600)
    ground = rng.randint(760, 790)
    _sky(canvas, horizon)
    _backdrop(canvas, backdrop or BACKDROP_FOR_SETTING.get(setting, "hills"), horizon)
    _ground(canvas, setting, ground)
    look = Look(
        refurbished=delivery in ("refurbishment", "conversion"),
        boarded=partnership_status not in ("", "active"),
    )
    draw_building = BUILDINGS.get(building) or BUILDINGS[_default_building(setting, delivery)]
    draw_building(canvas, ground, max(3, min(9, homes or 6)), look, feature=feature)
    if setting == "urban":
        _lamps(canvas, ground)

    image = canvas.image.resize((WIDTH, HEIGHT), Image.Resampling.LANCZOS)
    out = io.BytesIO()
    image.save(out, "JPEG", quality=88)
    return out.getvalue()

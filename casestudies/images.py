"""Images: what is accepted, how it is cleaned, and the renditions served.

Every upload, whichever route it takes (admin, import, shell), passes through
`process_upload` before it reaches storage. It identifies the format by decoding the
content, refuses anything that is not a plain JPEG, PNG or WebP within the limits, and
re-encodes what it accepts: EXIF orientation applied, colour converted to sRGB, every
byte of metadata (GPS above all) left behind, and the longest edge capped.

Renditions are django-imagekit specs (a few widths, WebP with a JPEG or PNG fallback)
generated when the image is saved, never on a page request. Their addresses are worked
out from the stored name alone, so rendering a page never opens an image or asks the
storage whether a file exists.
"""

import io
import logging
import re
import uuid
import warnings
from dataclasses import dataclass
from functools import cache

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from imagekit.cachefiles import ImageCacheFile
from imagekit.specs import ImageSpec
from PIL import Image, ImageCms, ImageFile, ImageOps, UnidentifiedImageError

logger = logging.getLogger(__name__)

ACCEPTED_FORMATS = {"JPEG": ("jpg", "jpeg"), "PNG": ("png",), "WEBP": ("webp",)}
FORMAT_NAMES = {
    "JPEG": "JPEG",
    "PNG": "PNG",
    "WEBP": "WebP",
    "GIF": "GIF",
    "BMP": "BMP",
    "TIFF": "TIFF",
    "ICO": "icon",
    "MPO": "multi-picture JPEG",
    "HEIF": "HEIC",
}
ACCEPT_ATTRIBUTE = "image/jpeg,image/png,image/webp"

# Markup that has no business in a photograph: a file carrying it is a web page or
# script in disguise, or a polyglot that is both.
_MARKUP = re.compile(
    rb"<\s*(?:script|html|body|head|iframe|object|embed)\b|<\?php|<!doctype\s+html|javascript:|<svg[\s>][^>]{0,300}xmlns",
    re.IGNORECASE,
)


def max_upload_bytes():
    return settings.IMAGE_MAX_UPLOAD_BYTES


def max_pixels():
    return settings.IMAGE_MAX_PIXELS


def _megabytes(size):
    """A file size in words: "14.2 MB", or "240 KB" below a megabyte."""
    if size < 1_000_000:
        return f"{max(1, round(size / 1000))} KB"
    return f"{size / 1_000_000:.1f} MB".replace(".0 MB", " MB")


def _megapixels(pixels):
    value = pixels / 1_000_000
    return f"{value:.0f}" if value >= 10 else f"{value:.1f}".rstrip("0").rstrip(".")


class ImageStorageError(Exception):
    """Storage refused a file (full disk, object store unreachable): nothing was kept."""

    def __init__(self, error):
        full = getattr(error, "errno", None) == 28  # ENOSPC
        reason = (
            "the server's storage is full" if full else "the image storage could not be reached"
        )
        super().__init__(
            f"The image could not be saved because {reason}. Nothing was kept, and no other change was saved. "
            "Please tell whoever looks after the site, then try again."
        )
        self.full = full


@dataclass
class ProcessedImage:
    content: ContentFile
    format: str
    extension: str
    width: int
    height: int


# Checking ------------------------------------------------------------------------


def _refuse(message, code, **params):
    raise ValidationError(message, code=code, params=params or None)


def _jpeg_end(data):
    """Offset just past the JPEG's end-of-image marker, walking its segments, or None."""
    i, size = 2, len(data)
    while i + 1 < size:
        if data[i] != 0xFF:
            return None
        marker = data[i + 1]
        if marker == 0xFF:  # fill byte
            i += 1
            continue
        if marker == 0xD9:
            return i + 2
        if marker == 0x01 or 0xD0 <= marker <= 0xD7:
            i += 2
            continue
        if i + 4 > size:
            return None
        i += 2 + int.from_bytes(data[i + 2 : i + 4], "big")
        if marker == 0xDA:  # start of scan: skip the entropy-coded data to the next marker
            while True:
                j = data.find(b"\xff", i)
                if j == -1 or j + 1 >= size:
                    return None
                following = data[j + 1]
                if following == 0x00 or 0xD0 <= following <= 0xD7 or following == 0xFF:
                    i = j + (1 if following == 0xFF else 2)
                    continue
                i = j
                break
    return None


def _png_end(data):
    i, size = 8, len(data)
    while i + 8 <= size:
        length = int.from_bytes(data[i : i + 4], "big")
        kind = data[i + 4 : i + 8]
        i += 12 + length
        if kind == b"IEND":
            return i
    return None


def _webp_end(data):
    return 8 + int.from_bytes(data[4:8], "little") if len(data) >= 12 else None


def _check_nothing_hidden(data, image_format):
    """Refuse a file that carries something besides the image (a polyglot)."""
    end = {"JPEG": _jpeg_end, "PNG": _png_end, "WEBP": _webp_end}[image_format](data)
    if end is None:
        _refuse(
            "The file is damaged or incomplete: the image inside it does not end properly.",
            "corrupt",
        )
    trailing = data[end:]
    if trailing.strip(b"\x00\r\n\t "):
        _refuse(
            "This file has other data hidden after the image (%(extra)s). Some phones add a short video to "
            "photos this way. Save or export it as a plain image and upload that.",
            "polyglot",
            extra=_megabytes(len(trailing))
            if len(trailing) >= 100_000
            else f"{len(trailing):,} bytes",
        )


def _open(data, filename):
    """Identify the image by decoding its header, and check the limits before decoding it all."""
    markup = _MARKUP.search(data)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data))
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        _refuse(
            "This image is far too large when opened (over %(limit)s megapixels). Resize it and upload it again.",
            "too_many_pixels",
            limit=_megapixels(max_pixels()),
        )
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError):
        if markup or data.lstrip()[:1] == b"<":
            _refuse(
                "This file is a web page, script or SVG drawing, not a photograph. Upload a JPEG, PNG or WebP image.",
                "not_an_image",
            )
        _refuse(
            "This file is not an image we can read. Upload a JPEG, PNG or WebP image.",
            "not_an_image",
        )

    if image.format not in ACCEPTED_FORMATS:
        _refuse(
            "This is a %(kind)s image. Upload a JPEG, PNG or WebP image instead.",
            "unsupported_format",
            kind=FORMAT_NAMES.get(image.format, image.format or "unknown"),
        )
    extension = filename.rsplit(".", 1)[-1].lower() if "." in filename else ""
    if extension not in ACCEPTED_FORMATS[image.format]:
        right = ACCEPTED_FORMATS[image.format][0]
        _refuse(
            "The file name ends in “.%(extension)s” but the file is a %(kind)s image. Rename it to end in "
            "“.%(right)s” and upload it again.",
            "extension_mismatch",
            extension=extension or "(nothing)",
            kind=FORMAT_NAMES[image.format],
            right=right,
        )
    if markup:
        _refuse(
            "This file contains web page or script code as well as an image, so it is refused. Export the "
            "picture again from an image editor and upload that.",
            "polyglot",
        )

    width, height = image.size
    frames = getattr(image, "n_frames", 1)
    pixels = width * height * frames
    if pixels > max_pixels():
        frames_note = f" across {frames} frames" if frames > 1 else ""
        _refuse(
            "This image is %(width)s × %(height)s pixels%(frames)s, %(megapixels)s megapixels in all; the limit is "
            "%(limit)s megapixels. Resize it and upload it again.",
            "too_many_pixels",
            width=f"{width:,}",
            height=f"{height:,}",
            frames=frames_note,
            megapixels=_megapixels(pixels),
            limit=_megapixels(max_pixels()),
        )
    return image


def _fit(size, longest):
    width, height = size
    scale = min(1.0, longest / max(width, height))
    return max(1, round(width * scale)), max(1, round(height * scale))


def _to_srgb(image):
    profile = image.info.get("icc_profile")
    if not profile:
        return image
    try:
        source = ImageCms.ImageCmsProfile(io.BytesIO(profile))
        output_mode = "RGBA" if image.mode in ("RGBA", "LA", "PA") else "RGB"
        if image.mode not in ("RGB", "RGBA", "CMYK", "L"):
            image = image.convert("RGBA" if output_mode == "RGBA" else "RGB")
        return ImageCms.profileToProfile(
            image, source, ImageCms.createProfile("sRGB"), outputMode=output_mode
        )
    except (ImageCms.PyCMSError, OSError, ValueError):
        return image  # an unreadable profile is dropped with the rest of the metadata


def process_upload(file):
    """Check an uploaded file and return it cleaned and re-encoded, or raise ValidationError.

    The result is remembered on the file object, so validating in a form and then saving
    does the work once.
    """
    cached = getattr(file, "_processed_image", None)
    if cached is not None:
        return cached
    size = getattr(file, "size", None)
    if size is not None and size > max_upload_bytes():
        _refuse(
            "This file is %(size)s; the limit is %(limit)s. Save a smaller copy and upload that.",
            "too_big",
            size=_megabytes(size),
            limit=_megabytes(max_upload_bytes()),
        )
    file.seek(0)
    data = file.read(max_upload_bytes() + 1)
    file.seek(0)
    if len(data) > max_upload_bytes():
        _refuse(
            "This file is larger than the limit of %(limit)s.",
            "too_big",
            limit=_megabytes(max_upload_bytes()),
        )
    if not data:
        _refuse("The file is empty.", "empty")

    filename = (getattr(file, "name", "") or "").rsplit("/", 1)[-1]
    image = _open(data, filename)
    image_format = image.format
    _check_nothing_hidden(data, image_format)

    target = _fit(image.size, settings.IMAGE_MASTER_MAX_EDGE)
    if image_format == "JPEG":
        image.draft(
            image.mode if image.mode in ("RGB", "L", "CMYK") else "RGB", target
        )  # decode at a reduced scale
    previous = ImageFile.LOAD_TRUNCATED_IMAGES
    try:
        ImageFile.LOAD_TRUNCATED_IMAGES = False
        image.load()
    except (OSError, ValueError, SyntaxError, Image.DecompressionBombError) as error:
        logger.info("Refused an image that would not decode: %s", error)
        _refuse(
            "The file is damaged or incomplete, so the image cannot be read. Try exporting it again.",
            "corrupt",
        )
    finally:
        ImageFile.LOAD_TRUNCATED_IMAGES = previous

    image = ImageOps.exif_transpose(image)
    image = _to_srgb(image)
    has_alpha = image.mode in ("RGBA", "LA", "PA") or (
        image.mode == "P" and "transparency" in image.info
    )
    wanted_mode = "RGBA" if has_alpha and image_format != "JPEG" else "RGB"
    if image.mode != wanted_mode:
        image = image.convert(wanted_mode)
    if max(image.size) > settings.IMAGE_MASTER_MAX_EDGE:
        image.thumbnail(
            (settings.IMAGE_MASTER_MAX_EDGE,) * 2, Image.Resampling.LANCZOS, reducing_gap=3.0
        )

    # Pillow carries some metadata (a JPEG comment, a PNG's ICC profile) over from the
    # image it decoded unless told otherwise: start the new file from nothing.
    image.info = {}
    out = io.BytesIO()
    # No exif, icc_profile or comment arguments: the new file carries none of the old
    # metadata. Baseline JPEG: the stored copy is only ever decoded to make renditions,
    # and baseline decodes (and scales while decoding) fastest.
    if image_format == "JPEG":
        image.save(out, "JPEG", quality=90, optimize=True)
    elif image_format == "PNG":
        image.save(out, "PNG", compress_level=6)
    else:
        image.save(out, "WEBP", quality=90, method=4)
    extension = ACCEPTED_FORMATS[image_format][0]
    processed = ProcessedImage(ContentFile(out.getvalue()), image_format, extension, *image.size)
    try:
        file._processed_image = processed
    except AttributeError:
        pass
    return processed


def validate_image_upload(file):
    """Model field validator: refuses in plain words what process_upload would refuse."""
    if file and not getattr(file, "_committed", True):
        process_upload(file)


def random_name(folder, extension):
    token = uuid.uuid4().hex
    return f"{folder}/{token[:2]}/{token}.{extension}"


# Renditions ----------------------------------------------------------------------


class DecodeSmall:
    """Let the JPEG decoder scale down while decoding: far faster and lighter than
    decoding every pixel and throwing most away."""

    def __init__(self, width):
        self.width = width

    def process(self, image):
        if image.format == "JPEG" and image.width > self.width:
            height = max(1, round(image.height * self.width / image.width))
            image.draft("RGB", (self.width, height))
        return image


class ResizeToWidth:
    """Shrink to a width, keeping the proportions (never enlarging). Pillow's
    reducing_gap shrinks by whole factors first, then resamples finely: much faster
    than one Lanczos pass from a large image, with no visible difference."""

    def __init__(self, width):
        self.width = width

    def process(self, image):
        if image.width <= self.width:
            return image
        height = max(1, round(image.height * self.width / image.width))
        return image.resize((self.width, height), Image.Resampling.LANCZOS, reducing_gap=2.0)


class FlattenTransparency:
    """JPEG has no transparency: paint transparent areas white rather than black."""

    def process(self, image):
        if image.mode in ("RGBA", "LA", "PA", "P"):
            image = image.convert("RGBA")
            background = Image.new("RGB", image.size, (255, 255, 255))
            background.paste(image, mask=image.getchannel("A"))
            return background
        return image


class GeneratedOnSave:
    """imagekit cache-file strategy: files are made when the image is saved (or by
    regenerate_renditions) and then assumed to exist, so a page request never checks."""

    def on_existence_required(self, file):
        pass

    def on_content_required(self, file):
        pass

    def on_source_saved(self, file):
        pass

    def should_verify_existence(self, file):
        return False


FORMAT_OPTIONS = {
    "WEBP": {"quality": 80, "method": 4},
    "JPEG": {"quality": 82, "optimize": True, "progressive": True},
    "PNG": {"optimize": True},
}


@dataclass(frozen=True)
class RenditionSet:
    """A family of renditions: the widths, the modern format and its fallback."""

    name: str
    widths: tuple
    fallback: str  # "JPEG" for photographs, "PNG" for logos (they may be transparent)

    @property
    def formats(self):
        return ("WEBP", self.fallback)


PHOTO = RenditionSet("photo", (320, 640, 1024, 1600), "JPEG")
LOGO = RenditionSet("logo", (160, 320), "PNG")
ADMIN_THUMBNAIL_WIDTH = 320


@cache
def spec_class(width, image_format):
    processors = [DecodeSmall(width), ResizeToWidth(width)]
    if image_format == "JPEG":
        processors.append(FlattenTransparency())
    return type(
        f"Rendition{width}{image_format}",
        (ImageSpec,),
        {
            "processors": processors,
            "format": image_format,
            "options": FORMAT_OPTIONS[image_format],
            "cachefile_strategy": "casestudies.images.GeneratedOnSave",
        },
    )


def rendition_file(source, width, image_format):
    return ImageCacheFile(spec_class(width, image_format)(source=source))


@dataclass
class Rendition:
    url: str
    width: int
    height: int


def widths_for(rendition_set, original_width):
    """The set's widths an image of this size can fill without being enlarged."""
    fitting = [width for width in rendition_set.widths if width <= original_width]
    return fitting or [rendition_set.widths[0]]


def renditions(source, original_width, original_height, rendition_set, image_format):
    """The renditions of one format, smallest first, with their real sizes, from stored
    numbers only (no file is opened)."""
    result = []
    for width in widths_for(rendition_set, original_width):
        real_width = min(width, original_width)
        real_height = max(1, round(original_height * real_width / original_width))
        result.append(
            Rendition(rendition_file(source, width, image_format).url, real_width, real_height)
        )
    return result


def generate_renditions(source, original_width, rendition_set):
    """Make every rendition of an image (when it is saved, or by regenerate_renditions),
    replacing any made before under the same name."""
    for width in widths_for(rendition_set, original_width):
        for image_format in rendition_set.formats:
            rendition = rendition_file(source, width, image_format)
            delete_files(rendition.storage, [rendition.name])
            rendition.generate(force=True)


def rendition_names(source, original_width, rendition_set):
    names = []
    for width in rendition_set.widths:
        for image_format in rendition_set.formats:
            names.append(rendition_file(source, width, image_format).name)
    return names


def delete_files(storage, names):
    """Delete stored files, quietly skipping any that are already gone."""
    for name in names:
        if not name:
            continue
        try:
            storage.delete(name)
        except FileNotFoundError:
            pass
        except Exception:  # a storage outage must not turn a delete into an error page
            logger.exception("Could not delete %s from storage", name)


def stored_names(storage, folder):
    """Every file stored under `folder`, however deep."""
    try:
        folders, files = storage.listdir(folder)
    except FileNotFoundError:
        return
    for name in files:
        yield f"{folder}/{name}"
    for sub in folders:
        yield from stored_names(storage, f"{folder}/{sub}")


def storage_for(field_file):
    return getattr(field_file, "storage", None) or default_storage

import json
from html import escape as esc

from django import template
from django.conf import settings
from django.template.loader import render_to_string
from django.templatetags.static import static
from django.utils.html import escape
from django.utils.safestring import mark_safe

from casestudies.finder.gap import attribution
from casestudies.finder.search import highlight_spans
from casestudies.models import linkable
from casestudies.presenters.wording import counted
from casestudies.services.markdown import render_markdown

register = template.Library()

SITE_HEADER = "casestudies/includes/site_header.html"
_site_headers = {}  # the header as rendered for each page name, in this process


@register.simple_tag(takes_context=True)
def site_header(context):
    """The site's header and main navigation. They differ between pages only in which
    link is marked current, so each page name's is rendered once per process (afresh
    under DEBUG, where templates are being edited)."""
    match = getattr(context.get("request"), "resolver_match", None)
    here = (match.url_name if match else "") or ""
    header = None if settings.DEBUG else _site_headers.get(here)
    if header is None:
        header = render_to_string(SITE_HEADER, {"here": here})
        if len(_site_headers) < 500:  # page names are few; this only bounds the memory
            _site_headers[here] = header
    return header


@register.filter
def highlight(text, query):
    """Escape `text` and mark the whole words that match the search. `query` is the
    search, or (search, names) where words inside those names are left unmarked."""
    text = str(text or "")
    protected = ()
    if isinstance(query, tuple):
        query, protected = query
    # Match on the raw text and escape each piece, so a match can never split an
    # entity such as &amp;.
    pieces, last = [], 0
    for start, end in highlight_spans(text, query, protected):
        pieces.append(escape(text[last:start]))
        pieces.append(f"<mark>{escape(text[start:end])}</mark>")
        last = end
    pieces.append(escape(text[last:]))
    return mark_safe("".join(pieces))


@register.filter
def markdown(text):
    return mark_safe(render_markdown(text or ""))


@register.filter
def web_link(address):
    """The address to link to, or "" when it is not a safe http or https address."""
    return linkable(address or "")


@register.filter
def json_ld(data):
    """JSON for a <script type="application/ld+json"> block; "<", ">" and "&" are
    escaped so no value can close the script element."""
    encoded = json.dumps(data, ensure_ascii=False)
    encoded = encoded.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")
    return mark_safe(encoded)


@register.filter
def pounds(value):
    """£930,000; £9.3 million for large sums."""
    if value is None or value == "":
        return ""
    value = int(value)
    if value >= 1_000_000:
        millions = value / 1_000_000
        return f"£{millions:,.1f} million".replace(".0 million", " million")
    return f"£{value:,}"


@register.filter
def plural(count, forms):
    """{{ n|plural:"case study,case studies" }} -> "1 case study", "3 case studies"."""
    singular, _, many = forms.partition(",")
    return counted(count, singular, many)


@register.inclusion_tag("casestudies/includes/picture.html")
def picture(
    renditions,
    alt="",
    sizes="100vw",
    loading="lazy",
    priority=False,
    css_class="",
    default_width=640,
    max_width=None,
):
    """A <picture> with WebP and a JPEG or PNG fallback, the widths in srcset (up to
    `max_width`, so small slots never fetch large files), and the intrinsic size set so
    the page does not jump as it loads."""
    if not renditions:
        return {"renditions": None}
    if max_width:
        renditions = {
            **renditions,
            "webp": [r for r in renditions["webp"] if r.width <= max_width]
            or renditions["webp"][:1],
            "fallback": [r for r in renditions["fallback"] if r.width <= max_width]
            or renditions["fallback"][:1],
        }
    fallback = renditions["fallback"]
    default = min(fallback, key=lambda rendition: abs(rendition.width - default_width))
    return {
        "renditions": renditions,
        "default": default,
        "alt": alt,
        "sizes": sizes,
        "loading": loading,
        "priority": priority,
        "css_class": css_class,
    }


@register.simple_tag
def static_or_plain(path):
    """A static URL that cannot fail: error pages must render even when the static
    files manifest is missing or broken."""

    try:
        return static(path)
    except Exception:
        return f"{settings.STATIC_URL}{path}"


@register.filter
def indicator_value(value, indicator):
    return "" if value is None else indicator.format_value(value)


@register.simple_tag
def facet_fieldset(facet, errors):
    """One facet as a group that folds, with a fieldset of checkboxes and counts.
    Options nothing matches wait behind "Show more", which works without JavaScript.
    The group is open when something in it is chosen or wrong, set here so the page
    never reflows as it loads. Built here rather than with template tags: a finder page
    has a hundred or more options, and template nodes cost far more than joining
    strings (every value below is escaped)."""

    name = esc(facet.name)
    problem = errors.get(facet.name) if errors else None
    is_open = " open" if facet.selected_count or problem else ""
    label = esc(facet.label)
    selected = (
        f' <span class="facet__selected">({facet.selected_count} selected)</span>'
        if facet.selected_count
        else ""
    )
    parts = [
        f'<details class="facet{" field--error" if problem else ""}" id="facet-{name}"{is_open}>',
        f'<summary class="facet__summary"><span class="facet__legend">{label}</span>{selected}</summary>',
        f'<fieldset class="facet__fieldset"><legend class="visually-hidden">{label}</legend>',
    ]
    if facet.note:
        parts.append(f'<p class="field__hint">{esc(facet.note)}</p>')
    if problem:
        parts.append(
            f'<p class="field__error"><span class="visually-hidden">Error: </span>{esc(str(problem[0]))}</p>'
        )
    matching = [option for option in facet.options if option.count or option.selected]
    empty = [option for option in facet.options if not (option.count or option.selected)]
    if matching:
        parts.append(_checkboxes(facet.name, matching))
    if empty:
        parts.append(
            f'<details class="facet__more" id="facet-{name}-more"><summary>Show {len(empty)} more'
            f'<span class="visually-hidden"> {label.lower()} options, with no case studies</span>'
            f"</summary>{_checkboxes(facet.name, empty)}</details>"
        )
    parts.append("</fieldset></details>")
    return mark_safe("".join(parts))


def _checkboxes(name, options):
    items = []
    for option in options:
        ident = esc(f"{name}-{option.value}")
        empty = " checkbox--empty" if not option.count and not option.selected else ""
        checked = " checked" if option.selected else ""
        noun = "case study" if option.count == 1 else "case studies"
        items.append(
            f'<li class="checkbox{empty}"><input class="checkbox__input" type="checkbox" id="{ident}" '
            f'name="{esc(name)}" value="{esc(option.value)}"{checked}> '
            f'<label class="checkbox__label" for="{ident}">{esc(option.label)} <span class="checkbox__count">'
            f'({option.count}<span class="visually-hidden"> {noun}</span>)</span></label></li>'
        )
    return '<ul class="checkboxes">' + "".join(items) + "</ul>"


@register.inclusion_tag("casestudies/includes/deprivation_attribution.html")
def deprivation_attribution():
    """Credit for the four nations' deprivation indices and the neighbourhood boundaries."""

    return {"attribution": attribution()}

"""A CSL-JSON item as a file for reference managers: BibTeX, RIS or CSL-JSON itself."""

import json

# BibTeX's special characters, escaped so a title can hold anything.
_BIBTEX_ESCAPES = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "$": r"\$",
    "&": r"\&",
    "%": r"\%",
    "#": r"\#",
    "_": r"\_",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
}


def _bibtex_text(value):
    return "".join(_BIBTEX_ESCAPES.get(character, character) for character in str(value))


def _year(item):
    return item["issued"]["date-parts"][0][0]


def _iso_date(item):
    year, month, day = item["issued"]["date-parts"][0]
    return f"{year:04d}-{month:02d}-{day:02d}"


def bibtex(item):
    """A biblatex-style @online entry (@misc for BibTeX, which reads the same fields)."""
    author = item["author"][0]["literal"]
    fields = [
        (
            "author",
            "{" + _bibtex_text(author) + "}",
        ),  # double braces: an organisation, not a surname
        ("title", _bibtex_text(item["title"])),
        ("year", str(_year(item))),
        ("date", _iso_date(item)),
        ("version", _bibtex_text(item.get("version", ""))),
        ("publisher", _bibtex_text(item.get("publisher", ""))),
        ("howpublished", r"\url{" + item["URL"] + "}"),
        ("url", item["URL"]),
        ("note", _bibtex_text(f"Version of {_iso_date(item)}")),
    ]
    key = item["id"].replace("_", "-")
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields if value)
    entry_type = "online" if item["type"] == "webpage" else "dataset"
    return f"@{entry_type}{{{key},\n{body}\n}}\n"


def ris(item):
    """An RIS record: ELEC for a web page, DATA for a dataset."""

    def line(tag, value):
        return f"{tag}  - {' '.join(str(value).split())}" if value else None

    year, month, day = item["issued"]["date-parts"][0]
    lines = [
        line("TY", "ELEC" if item["type"] == "webpage" else "DATA"),
        line("AU", item["author"][0]["literal"]),
        line("TI", item["title"]),
        line("T2", item.get("container-title", "")),
        line("PY", year),
        line("DA", f"{year:04d}/{month:02d}/{day:02d}"),
        line("ET", item.get("version", "")),
        line("PB", item.get("publisher", "")),
        line("UR", item["URL"]),
        line("AB", item.get("abstract", "")),
        line("LA", item.get("language", "")),
        line("ID", item["id"]),
        "ER  - ",
    ]
    return "\r\n".join(entry for entry in lines if entry is not None) + "\r\n"


def csl_json(item):
    return json.dumps([item], ensure_ascii=False, indent=2) + "\n"

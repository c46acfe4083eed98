"""Citing the library: a case study or a data release as CSL-JSON, formatted in Harvard
and APA style by citeproc-py with the CSL styles shipped in `styles/`, and as BibTeX and
RIS for reference managers."""

from casestudies.citations import items
from casestudies.citations.formats import bibtex, csl_json, ris
from casestudies.citations.items import case_study_item, release_item
from casestudies.citations.styles import STYLES, formatted

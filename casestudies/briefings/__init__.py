"""Briefings: a guide, a case study or a filtered set of up to 50, as a PDF to forward."""

"""Guides: curated, ordered sets of case studies with an argument, for readers who want
a short list to learn from rather than the whole finder."""

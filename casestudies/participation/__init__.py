"""Visitors feeding the library: suggestions, corrections and messages, the staff queue
they arrive in, and the care their personal details need.

Nothing here is shown to the public: what visitors write reaches staff only, escaped,
and becomes part of the library only through a case study staff write and publish.
"""

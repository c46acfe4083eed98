"""The errors this package raises, each with a message fit to show a member of staff."""


class GeographyError(Exception):
    """Base class: something about the data or a code stops a lookup."""


class DataFileError(GeographyError):
    """A shipped data file is missing, malformed or disagrees with another; the message names it."""


class UnknownCode(GeographyError, LookupError):
    """No neighbourhood has this code (or it is not a neighbourhood code at all)."""


class WrongNation(GeographyError, ValueError):
    """The neighbourhood exists, but in another nation than the index asked for covers."""


class UnknownIndex(GeographyError, ValueError):
    """There is no index with this key."""

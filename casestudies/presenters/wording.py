"""Small pieces of wording shared by pages, charts and site text."""


def counted(count, one, many):
    """ "1 case study", "3 case studies", "1,204 homes": a count with its noun."""
    count = count or 0
    return f"{count:,} {one if count == 1 else many}"

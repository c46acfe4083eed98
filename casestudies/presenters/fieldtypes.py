"""What kind of value each open-data field holds, in one place: the data releases'
Table Schema and the API's OpenAPI description are both made from it, so neither can
say something the other does not. Every field in `exports.FIELDS` must be here."""

# Table Schema types (https://specs.frictionlessdata.io/table-schema/); a field not
# named holds text.
NUMBERS = {"latitude", "longitude"}
DATETIMES = {"published_at", "updated_at"}
INTEGERS = {
    "imd_decile",
    "homes_built",
    "homes_refurbished",
    "homes_total",
    "year_started",
    "year_completed",
    "capital_cost_gbp",
    "grant_funding_gbp",
    "revenue_funding_gbp",
}
URIS = {"url"}
BOOLEANS = {"imd_approximate"}
TEXT = {
    "slug",
    "title",
    "url",
    "summary",
    "place_name",
    "local_authority_name",
    "local_authority_code",
    "lsoa_code",
    "region",
    "region_name",
    "region_code",
    "setting",
    "imd_edition",
    "imd_basis",
    "community_model",
    "partnership_arrangement",
    "arrangement_detail",
    "delivery",
    "stage",
    "funders",
    "partners",
    "partner_slugs",
    "themes",
    "sources",
    "unconfirmed",
    "partnership_status",
    "location_basis",
    "partner_identifiers",
    "neighbourhood_name",
}
TENURE_PREFIX = "homes_"  # homes at each tenure: counts, like homes_built


def table_type(name):
    """The Table Schema type of a field, or None when it has not been given one."""
    if name in NUMBERS:
        return "number"
    if name in DATETIMES:
        return "datetime"
    if name in BOOLEANS:
        return "boolean"
    if name in INTEGERS or (name.startswith(TENURE_PREFIX) and name not in TEXT):
        return "integer"
    if name in TEXT:
        return "string"
    return None


def json_schema(name):
    """The JSON Schema of a flat field's value in the API (every one may be empty)."""
    kind = table_type(name)
    if kind == "datetime":
        return {"type": ["string", "null"], "format": "date-time"}
    if kind == "string":
        return {"type": "string", "format": "uri"} if name in URIS else {"type": "string"}
    return {"type": [kind, "null"]}

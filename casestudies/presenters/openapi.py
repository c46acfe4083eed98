"""An OpenAPI 3.1 description of the JSON API, served at /api/openapi.json and shown in
words at /api/. Made from the code it describes: the query parameters from the finder's
FilterSet, the flat fields from `exports.FIELDS` and their types from `fieldtypes`, so a
new filter or field is documented the moment it exists."""

import functools

from django import forms
from django.conf import settings

from casestudies.finder import selectors
from casestudies.models import evidence
from casestudies.presenters import exports, fieldtypes
from casestudies.presenters.links import path_to

# Fields the JSON gives as lists of records instead of the CSV's flattened text.
NESTED = {"partners", "partner_slugs", "themes", "sources", "partner_identifiers"}


def _obj(properties, nullable=False):
    schema = {"type": ["object", "null"] if nullable else "object", "properties": properties}
    schema["required"] = list(properties)
    schema["additionalProperties"] = False
    return schema


STRING = {"type": "string"}
NULLABLE_STRING = {"type": ["string", "null"]}
NULLABLE_NUMBER = {"type": ["number", "null"]}
NULLABLE_INTEGER = {"type": ["integer", "null"]}
URI = {"type": "string", "format": "uri"}


def _parameter(name, field):
    description = str(field.help_text or field.label or name)
    if isinstance(field, forms.MultipleChoiceField) and not isinstance(
        field, forms.ModelMultipleChoiceField
    ):
        values = [str(value) for value, _ in field.choices if str(value)]
        schema = {"type": "array", "items": {"type": "string", "enum": values}}
    elif isinstance(field, forms.ModelMultipleChoiceField):
        schema = {"type": "array", "items": {"type": "string", "pattern": "^[-a-zA-Z0-9_]+$"}}
    elif isinstance(field, forms.ChoiceField):
        schema = {
            "type": "string",
            "enum": [str(value) for value, _ in field.choices if str(value)],
        }
    elif isinstance(field, forms.IntegerField):
        schema = {"type": "integer"}
    else:
        schema = {"type": "string"}
    parameter = {
        "name": name,
        "in": "query",
        "required": False,
        "description": description,
        "schema": schema,
    }
    if schema["type"] == "array":
        parameter.update(style="form", explode=True)
    return parameter


def case_study_schema():
    flat = {
        name: {**fieldtypes.json_schema(name), "description": text}
        for name, text in exports.FIELDS
        if name not in NESTED
    }
    rendition = _obj({"url": URI, "width": {"type": "integer"}, "height": {"type": "integer"}})
    nested = {
        "partners": {
            "type": "array",
            "description": "Partner organisations, the lead first.",
            "items": _obj(
                {
                    "name": STRING,
                    "slug": STRING,
                    "kind": STRING,
                    "role": STRING,
                    "role_detail": STRING,
                    "successor": _obj({"name": STRING, "slug": STRING}, nullable=True),
                    "url": URI,
                    "identifiers": {
                        "type": "array",
                        "items": STRING,
                        "description": "In org-id.guide form, e.g. GB-COH-08123456.",
                    },
                }
            ),
        },
        "themes": {"type": "array", "items": _obj({"slug": STRING, "name": STRING})},
        "sources": {
            "type": "array",
            "items": _obj(
                {
                    "title": STRING,
                    "url": STRING,
                    "publisher": STRING,
                    "accessed_on": {"type": ["string", "null"], "format": "date"},
                    "note": STRING,
                }
            ),
        },
        "outcomes": {
            "type": "array",
            "items": _obj(
                {
                    "indicator": _obj(
                        {"slug": STRING, "name": STRING, "framework": STRING, "unit": STRING}
                    ),
                    "value": {"type": "number"},
                    "year": NULLABLE_INTEGER,
                    "baseline": NULLABLE_NUMBER,
                    "baseline_year": NULLABLE_INTEGER,
                    "method": STRING,
                    "note": STRING,
                    "source_url": NULLABLE_STRING,
                    "evidence_strength": {
                        "type": "string",
                        "enum": list(evidence.BY_SLUG),
                        "description": "How strong the evidence is, weakest first: see How we grade evidence.",
                    },
                }
            ),
        },
        "images": {
            "type": "array",
            "items": _obj(
                {
                    "url": URI,
                    "width": {"type": "integer"},
                    "height": {"type": "integer"},
                    "alt": STRING,
                    "caption": STRING,
                    "credit": STRING,
                    "licence": STRING,
                    "is_cover": {"type": "boolean"},
                    "renditions": _obj(
                        {
                            "webp": {"type": "array", "items": rendition},
                            "jpeg": {"type": "array", "items": rendition},
                        }
                    ),
                }
            ),
        },
        "links": _obj({"html": URI, "api": URI}),
    }
    return _obj({**flat, **nested})


def _errors():
    return {
        "description": "What could not be used, by parameter, in plain words.",
        "content": {
            "application/json": {
                "schema": {"$ref": "#/components/schemas/Errors"},
            }
        },
    }


@functools.cache
def _document(site_url):
    licence = _obj({"name": STRING, "url": URI, "attribution": STRING})
    filters = [_parameter(name, field) for name, field in selectors.filter_form_fields().items()]
    paging = [
        {
            "name": "page",
            "in": "query",
            "required": False,
            "description": "Page number, from 1.",
            "schema": {"type": "integer", "minimum": 1},
        },
        {
            "name": "page_size",
            "in": "query",
            "required": False,
            "description": f"Case studies a page, up to {exports.API_MAX_PAGE_SIZE}.",
            "schema": {
                "type": "integer",
                "minimum": 1,
                "maximum": exports.API_MAX_PAGE_SIZE,
                "default": exports.API_PAGE_SIZE,
            },
        },
    ]
    list_path, detail_path = (
        path_to("casestudies:api_list"),
        path_to("casestudies:api_list") + "{slug}/",
    )
    return {
        "openapi": "3.1.0",
        "info": {
            "title": f"{settings.SITE_NAME} API",
            "version": "1",
            "summary": "The published case studies, read-only.",
            "description": "Real partnerships between housing associations and community-led housing groups. "
            "Only published case studies appear. Field names are stable; new fields are added at the end.",
            "license": {"name": settings.DATA_LICENCE_NAME, "url": settings.DATA_LICENCE_URL},
        },
        "servers": [{"url": site_url}],
        "paths": {
            list_path: {
                "get": {
                    "operationId": "listCaseStudies",
                    "summary": "Published case studies, filtered like the finder, a page at a time.",
                    "parameters": filters + paging,
                    "responses": {
                        "200": {
                            "description": "A page of case studies.",
                            "content": {
                                "application/json": {
                                    "schema": {"$ref": "#/components/schemas/CaseStudyPage"}
                                }
                            },
                        },
                        "400": _errors(),
                        "404": _errors(),
                    },
                }
            },
            detail_path: {
                "get": {
                    "operationId": "getCaseStudy",
                    "summary": "One published case study.",
                    "parameters": [
                        {
                            "name": "slug",
                            "in": "path",
                            "required": True,
                            "description": "The case study's slug.",
                            "schema": {"type": "string"},
                        }
                    ],
                    "responses": {
                        "200": {
                            "description": "The case study.",
                            "content": {
                                "application/json": {
                                    "schema": {"$ref": "#/components/schemas/CaseStudyResult"}
                                }
                            },
                        },
                        "404": _errors(),
                    },
                }
            },
        },
        "components": {
            "schemas": {
                "CaseStudy": case_study_schema(),
                "Licence": licence,
                "CaseStudyPage": _obj(
                    {
                        "count": {"type": "integer"},
                        "page": {"type": "integer"},
                        "pages": {"type": "integer"},
                        "next": {"type": ["string", "null"], "format": "uri"},
                        "previous": {"type": ["string", "null"], "format": "uri"},
                        "licence": {"$ref": "#/components/schemas/Licence"},
                        "results": {
                            "type": "array",
                            "items": {"$ref": "#/components/schemas/CaseStudy"},
                        },
                    }
                ),
                "CaseStudyResult": _obj(
                    {
                        "licence": {"$ref": "#/components/schemas/Licence"},
                        "result": {"$ref": "#/components/schemas/CaseStudy"},
                    }
                ),
                "Errors": _obj(
                    {
                        "errors": {
                            "type": "object",
                            "additionalProperties": {"type": "array", "items": STRING},
                        }
                    }
                ),
            }
        },
    }


def document():
    return _document(settings.SITE_URL)

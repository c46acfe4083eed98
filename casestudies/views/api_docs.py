"""The JSON API's own pages: its OpenAPI document, and the same shown for people."""

from django.http import JsonResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from casestudies.caching import cache_public_page
from casestudies.presenters.openapi import document
from casestudies.presenters.routes import open_to_other_sites


@open_to_other_sites
@require_safe
@cache_public_page
def document_view(request):
    response = JsonResponse(document(), json_dumps_params={"ensure_ascii": False, "indent": 1})
    response["Access-Control-Allow-Origin"] = "*"
    return response


@open_to_other_sites
@require_safe
@cache_public_page
def docs(request):
    spec = document()
    operations = []
    for path, methods in spec["paths"].items():
        for method, operation in methods.items():
            operations.append({"method": method.upper(), "path": path, **operation})
    case_study = spec["components"]["schemas"]["CaseStudy"]["properties"]
    fields = [
        (name, _type_words(schema), schema.get("description", ""))
        for name, schema in case_study.items()
    ]
    return render(
        request, "casestudies/api_docs.html", {"operations": operations, "fields": fields}
    )


def _type_words(schema):
    kind = schema.get("type", "")
    kinds = kind if isinstance(kind, list) else [kind]
    words = " or ".join("empty" if k == "null" else ("list" if k == "array" else k) for k in kinds)
    return words + (f" ({schema['format']})" if "format" in schema else "")

"""The map's tile provider comes from the settings, and the CSP allows its origin alone."""

import json
import subprocess
import sys

import pytest
from django.core.exceptions import ImproperlyConfigured

from config.settings import tiles_origin
from tests.production.servers import ROOT, production_env


@pytest.mark.parametrize(
    ("url", "origin"),
    [
        ("https://tile.openstreetmap.org/{z}/{x}/{y}.png", "https://tile.openstreetmap.org"),
        ("https://{s}.tiles.example.org/light/{z}/{x}/{y}@2x.png", "https://*.tiles.example.org"),
        ("https://maps.example.org:8443/{z}/{x}/{y}.png?key=abc", "https://maps.example.org:8443"),
        ("/tiles/{z}/{x}/{y}.png", None),  # served by the site: 'self' covers it
    ],
)
def test_the_tiles_origin_is_derived_from_the_url(url, origin):
    assert tiles_origin(url) == origin


def test_a_tile_url_that_is_not_http_is_refused():
    with pytest.raises(ImproperlyConfigured, match="MAP_TILES_URL must be an http"):
        tiles_origin("javascript:alert(1)//{z}/{x}/{y}")


def test_the_csp_and_the_map_follow_the_setting(tmp_path):
    env = production_env(
        tmp_path,
        MAP_TILES_URL="https://{s}.tiles.example.org/{z}/{x}/{y}.png",
        MAP_TILES_ATTRIBUTION="© Example Maps",
    )
    code = (
        "import django, json; django.setup(); from django.conf import settings; "
        "print(json.dumps([settings.CONTENT_SECURITY_POLICY['DIRECTIVES']['img-src'], "
        "settings.MAP_TILES_URL, settings.MAP_TILES_ATTRIBUTION]))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], env=env, cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    images, url, attribution = json.loads(result.stdout)
    assert "https://*.tiles.example.org" in images
    assert "https://tile.openstreetmap.org" not in images
    assert (url, attribution) == ("https://{s}.tiles.example.org/{z}/{x}/{y}.png", "© Example Maps")

"""The app's layers depend one way, and no module imports itself round a loop.

models ← caching ← services ← finder ← presenters ← features ← views, admin ← urls

A module may import its own layer and those below it, never one above. The feature
packages (workspace, participation, guides, …) sit above the presenters: each is a slice of
its own, whose `models` module belongs with the models. Imports are read from the source,
including those inside functions, so a loop hidden in a function still fails here.
"""

import ast
import pathlib
from collections import defaultdict

import pytest

APP = pathlib.Path(__file__).resolve().parents[2] / "casestudies"
SKIPPED = {"migrations", "management"}  # run by Django's commands, never imported by the app

# Lowest first. A module belongs to the layer of the longest prefix it matches.
LAYERS = {
    "foundation": ["casestudies.geography", "casestudies.images"],
    "models": ["casestudies.models", "casestudies.*.models"],
    "caching": ["casestudies.caching", "casestudies.canonical"],
    "services": ["casestudies.services"],
    "finder": ["casestudies.finder"],
    "presenters": ["casestudies.presenters", "casestudies.templatetags"],
    "features": ["casestudies.*"],
    "views": [
        "casestudies.views",
        "casestudies.admin",
        "casestudies.middleware",
        "casestudies.*.views",
        "casestudies.*.admin",
        "casestudies.*.forms",
    ],
    # The app's wiring: its URLs, and its start-up (which connects the signal receivers).
    "urls": ["casestudies.urls", "casestudies.*.urls", "casestudies.apps", "casestudies"],
}
RANK = {name: rank for rank, name in enumerate(LAYERS)}
# Caching may reach down to the models only: it must never depend on what it caches.
CACHING_MAY_IMPORT = {"foundation", "models", "caching"}


def module_name(path):
    parts = list(path.relative_to(APP.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def app_modules():
    return {
        module_name(path): path
        for path in APP.rglob("*.py")
        if not SKIPPED & set(path.relative_to(APP).parts)
    }


def layer_of(module):
    parts = module.split(".")
    best, best_length = None, -1
    for layer, patterns in LAYERS.items():
        for pattern in patterns:
            pattern_parts = pattern.split(".")
            if len(pattern_parts) <= len(parts) and all(
                want in ("*", got) for want, got in zip(pattern_parts, parts)
            ):
                # A named package beats a wildcard of the same length.
                length = len(pattern_parts) * 2 - pattern_parts.count("*")
                if length > best_length:
                    best, best_length = layer, length
    return best


def imports_of(path, modules):
    """(line, imported module, inside a function?) for each of the app's own imports."""

    def known(name):
        while name and name not in modules:
            name = name.rpartition(".")[0]
        return name or None

    tree = ast.parse(path.read_text())
    top_level = {id(node) for node in tree.body}
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("casestudies"):
            for alias in node.names:
                target = known(f"{node.module}.{alias.name}") or known(node.module)
                yield node.lineno, target, id(node) not in top_level
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith("casestudies"):
                    yield node.lineno, known(alias.name), id(node) not in top_level


@pytest.fixture(scope="module")
def graph():
    modules = app_modules()
    edges = defaultdict(set)
    for module, path in modules.items():
        for line, target, _ in imports_of(path, modules):
            if target and target != module:
                edges[module].add((target, line))
    return modules, edges


def test_every_module_has_a_layer(graph):
    modules, _ = graph
    assert all(layer_of(module) for module in modules)


def test_no_module_imports_a_layer_above_its_own(graph):
    modules, edges = graph
    wrong = []
    for module, targets in edges.items():
        layer = layer_of(module)
        for target, line in targets:
            target_layer = layer_of(target)
            allowed = (
                target_layer in CACHING_MAY_IMPORT
                if layer == "caching"
                else RANK[target_layer] <= RANK[layer]
            )
            if not allowed:
                wrong.append(
                    f"{modules[module].relative_to(APP.parent)}:{line} ({layer}) imports {target} ({target_layer})"
                )
    assert not wrong, "Imports against the layers:\n" + "\n".join(sorted(wrong))


def test_no_import_cycles(graph):
    modules, edges = graph
    found = []
    state = {}

    def visit(module, path):
        state[module] = "open"
        for target, _ in sorted(edges.get(module, ())):
            # Importing a submodule runs its package first: the package's own imports count.
            if state.get(target) == "open":
                found.append(" → ".join(path[path.index(target) :] + [target]))
            elif target not in state:
                visit(target, path + [target])
        state[module] = "done"

    for module in sorted(modules):
        if module not in state:
            visit(module, [module])
    assert not found, "Import cycles:\n" + "\n".join(found)


def test_imports_inside_functions_say_why(graph):
    """An import inside a function hides a dependency; each one carries a comment saying why."""
    modules, _ = graph
    silent = []
    for path in modules.values():
        lines = path.read_text().splitlines()
        for line, _, inside in imports_of(path, modules):
            if (
                inside
                and "#" not in lines[line - 1]
                and not lines[line - 2].strip().startswith("#")
            ):
                silent.append(f"{path.relative_to(APP.parent)}:{line}")
    assert not silent, "Imports inside functions with no reason given:\n" + "\n".join(
        sorted(silent)
    )


def test_the_layer_rules_catch_an_import_upwards():
    assert layer_of("casestudies.models.case_studies") == "models"
    assert layer_of("casestudies.guides.models") == "models"
    assert layer_of("casestudies.guides.selectors") == "features"
    assert layer_of("casestudies.guides.views") == "views"
    assert layer_of("casestudies.views.finder") == "views"
    assert (
        RANK[layer_of("casestudies.finder.selectors")]
        > RANK[layer_of("casestudies.services.workflow")]
    )

"""casestudies.geography is a leaf: the standard library, numpy and shapely, nothing of the app."""

import ast
import subprocess
import sys
from pathlib import Path

import casestudies.geography

PACKAGE = Path(casestudies.geography.__file__).parent
ALLOWED = set(sys.stdlib_module_names) | {"numpy", "shapely"}


def imports_of(path):
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name, 0
        elif isinstance(node, ast.ImportFrom):
            yield node.module or "", node.level


def test_modules_import_only_the_standard_library_numpy_shapely_and_each_other():
    modules = sorted(PACKAGE.glob("*.py"))
    assert len(modules) > 5
    for module in modules:
        for name, level in imports_of(module):
            # Imports are absolute (ruff's rule): the package's own are casestudies.geography.*
            assert not level, f"{module.name} imports relatively: {'.' * level}{name}"
            if name == "casestudies.geography" or name.startswith("casestudies.geography."):
                continue
            assert name.split(".")[0] in ALLOWED, f"{module.name} imports {name}"


def test_using_it_loads_nothing_else_of_the_app_or_django():
    script = (
        "import sys\n"
        "from casestudies import geography\n"
        "assert geography.decile_for('E01012068').decile == 1\n"
        "print(sorted(m for m in sys.modules if m.startswith(('casestudies', 'django'))))\n"
    )
    output = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        check=True,
        cwd=PACKAGE.parent.parent,
    ).stdout
    loaded = eval(output)  # a printed list of module names
    assert loaded and all(
        name == "casestudies" or name.startswith("casestudies.geography") for name in loaded
    )

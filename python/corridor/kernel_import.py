"""How corridor's Python models import their kernels: one helper, the same call in every model.

A Python model (models/**/*.py) stays thin: it imports a kernel module of this package and calls one function.
dbt runs the model's code in its own process, where ``corridor`` may be

1. installed (the wheel, ``pip install -e .``, PYTHONPATH, or the DuckDB profile's ``module_paths``), or
2. only on disk, as the ``python/`` folder shipped inside the dbt package (``dbt_packages/corridor/python`` in a
   project that lists corridor in ``packages.yml``, or ``python/`` of this repository).

Every model starts with the same preamble (``MODEL_PREAMBLE``, checked byte for byte in every Python model by
python/tests/test_kernel_import.py): when ``corridor`` is not importable it puts the first folder that holds this
module on ``sys.path`` (an installed corridor always wins), looking in CORRIDOR_PYTHON_PATH, DBT_PROJECT_DIR, the
working directory and its parents (in each: the folder itself, ``python/``, ``dbt_packages/corridor/python``),
then imports ``import_kernel`` from here. The preamble cannot import this module to find this module, which is
why those lines are in each model; everything else (the checks of a kernel's requirements, the messages naming
the fix) is here, once. Each model then calls::

    kernels = import_kernel("corridor.bootstrap", requires=("numpy", "scipy"), needs=NEEDS)
"""

from __future__ import annotations

import importlib
import importlib.util
from types import ModuleType

CANNOT_IMPORT = (
    "corridor: cannot import {module}. pip install the corridor wheel next to dbt, add the package's python/ folder "
    "to the DuckDB profile's module_paths (e.g. module_paths: ['dbt_packages/corridor/python']), or set "
    "CORRIDOR_PYTHON_PATH to it."
)

# The first lines of every Python model of corridor, after its docstring (python/tests/test_kernel_import.py).
MODEL_PREAMBLE = """import importlib.util
import os
import sys
from pathlib import Path

# corridor's kernels come through corridor.kernel_import (python/corridor/kernel_import.py). When corridor is not
# installed in dbt's environment, these lines put the python/ folder shipped with the dbt package on sys.path.
if importlib.util.find_spec("corridor") is None:
    _roots = [Path(os.environ.get(v) or ".") for v in ("CORRIDOR_PYTHON_PATH", "DBT_PROJECT_DIR")]
    _found = [
        root / sub
        for root in [*_roots, Path.cwd(), *Path.cwd().parents]
        for sub in ("", "python", "dbt_packages/corridor/python")
        if (root / sub / "corridor" / "kernel_import.py").is_file()
    ]
    if not _found:
        raise ImportError(
            "corridor: cannot import its Python kernels. pip install the corridor wheel next to dbt, add the "
            "package's python/ folder to the DuckDB profile's module_paths (e.g. module_paths: "
            "['dbt_packages/corridor/python']), or set CORRIDOR_PYTHON_PATH to it."
        )
    sys.path.insert(0, str(_found[0]))

from corridor.kernel_import import import_kernel  # noqa: E402
"""


def import_kernel(module: str, *, requires: tuple[str, ...] = (), needs: str = "") -> ModuleType:
    """Import corridor's kernel ``module`` (e.g. ``"corridor.bootstrap"``) for a Python model.

    ``requires``: the third-party packages the kernel needs in dbt's environment (numpy, scipy, ...); a missing one
    fails with ``needs.format(missing=name)``, a message that names the fix (install it, or the setting that turns
    the model off), instead of ``No module named 'numpy'`` deep in a traceback.
    """
    for name in requires:
        if importlib.util.find_spec(name) is None:
            message = needs or "corridor: {missing} is missing in the Python environment dbt runs in"
            raise ImportError(message.format(missing=name))
    try:
        return importlib.import_module(module)
    except ModuleNotFoundError as exc:
        if exc.name not in (module, *_parents(module)):
            raise
        raise ImportError(CANNOT_IMPORT.format(module=module)) from exc


def _parents(module: str) -> list[str]:
    parts = module.split(".")
    return [".".join(parts[:i]) for i in range(1, len(parts))]

"""corridor's Python models import their kernels one way (corridor.kernel_import): the same preamble in every model,
which finds the python/ folder shipped with the dbt package when corridor is not installed, and one helper whose
errors name the fix."""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

import pytest
from corridor import kernel_import
from corridor.kernel_import import MODEL_PREAMBLE, import_kernel

ROOT = Path(__file__).resolve().parents[2]
PYTHON_MODELS = sorted((ROOT / "models").rglob("*.py"))


def test_every_python_model_imports_its_kernel_through_the_one_helper():
    assert len(PYTHON_MODELS) >= 4
    for path in PYTHON_MODELS:
        text = path.read_text()
        tree = ast.parse(text)
        docstring_end = tree.body[0].end_lineno
        after_docstring = "\n".join(text.splitlines()[docstring_end:]).lstrip("\n")
        assert after_docstring.startswith(MODEL_PREAMBLE), f"{path.name} does not start with MODEL_PREAMBLE"
        functions = [n.name for n in tree.body if isinstance(n, ast.FunctionDef)]
        assert functions == ["model"], f"{path.name} defines its own helpers: {functions}"
        calls = [n for n in ast.walk(tree) if isinstance(n, ast.Call) and getattr(n.func, "id", "") == "import_kernel"]
        assert len(calls) == 1 and calls[0].args[0].value.startswith("corridor."), path.name


def _preamble_in_fresh_python(cwd: Path) -> subprocess.CompletedProcess:
    """The preamble run by an interpreter without site-packages (-S: the venv's corridor is not importable)."""
    code = MODEL_PREAMBLE + "\nimport corridor.kernel_import as k\nprint(k.__file__)\n"
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "CORRIDOR_PYTHON_PATH", "DBT_PROJECT_DIR")}
    return subprocess.run([sys.executable, "-S", "-c", code], cwd=cwd, env=env, capture_output=True, text=True)


def test_preamble_finds_the_python_folder_of_an_installed_dbt_package(tmp_path):
    project = tmp_path / "my_project"
    (project / "dbt_packages").mkdir(parents=True)
    (project / "dbt_packages" / "corridor").symlink_to(ROOT)  # what dbt deps does for a local package
    (project / "models").mkdir()
    proc = _preamble_in_fresh_python(project / "models")  # the project's parents are searched too
    assert proc.returncode == 0, proc.stderr
    found = Path(proc.stdout.strip())
    assert found.resolve() == (ROOT / "python" / "corridor" / "kernel_import.py").resolve()
    assert str(project / "dbt_packages" / "corridor" / "python") in proc.stdout


def test_preamble_without_corridor_anywhere_names_the_fix(tmp_path):
    proc = _preamble_in_fresh_python(tmp_path)
    assert proc.returncode != 0
    assert "ImportError: corridor: cannot import its Python kernels" in proc.stderr
    assert "module_paths" in proc.stderr and "CORRIDOR_PYTHON_PATH" in proc.stderr


def test_import_kernel_names_the_missing_requirement(monkeypatch):
    real = kernel_import.importlib.util.find_spec
    fake = lambda name, *a: None if name == "scipy" else real(name, *a)  # noqa: E731
    monkeypatch.setattr(kernel_import.importlib.util, "find_spec", fake)
    with pytest.raises(ImportError, match=r"^needs scipy: install it$"):
        import_kernel("corridor.drift", requires=("numpy", "scipy"), needs="needs {missing}: install it")


def test_import_kernel_of_an_unknown_kernel_says_how_to_make_corridor_importable(tmp_path, monkeypatch):
    with pytest.raises(ImportError, match="cannot import corridor.no_such_kernel.*module_paths"):
        import_kernel("corridor.no_such_kernel")
    # a kernel whose own import fails is not disguised as "cannot import the kernel"
    (tmp_path / "broken_kernel.py").write_text("import no_such_dependency_of_a_kernel\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    with pytest.raises(ModuleNotFoundError, match="no_such_dependency_of_a_kernel"):
        import_kernel("broken_kernel")


def test_import_kernel_returns_the_kernel():
    assert hasattr(import_kernel("corridor.bootstrap", requires=("numpy", "scipy")), "bootstrap_intervals")

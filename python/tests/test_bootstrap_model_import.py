"""The Python bootstrap model in a dbt environment without numpy/scipy fails with a message naming the fix
(install them, or switch the model off), not `No module named 'numpy'` deep in a traceback."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

MODEL = Path(__file__).resolve().parents[2] / "models" / "intermediate" / "int_corridor__bootstrap_intervals.py"


def _load_model():
    spec = importlib.util.spec_from_file_location("corridor_bootstrap_model", MODEL)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class _NoRefs:
    """A dbt object for the model: config is accepted, the first ref stops the run (the kernels imported by then)."""

    def config(self, **_):
        pass

    def ref(self, name):
        raise LookupError(name)


@pytest.mark.parametrize("missing", ["numpy", "scipy"])
def test_missing_numerics_name_the_fix(monkeypatch, missing):
    model = _load_model()
    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None if name == missing else real(name, *a))
    with pytest.raises(ImportError) as info:
        model.model(_NoRefs(), None)
    message = str(info.value)
    assert f"({missing} is missing)" in message
    assert "pip install numpy scipy" in message and "corridor_python_bootstrap: false" in message


def test_kernels_import_when_numerics_are_present():
    with pytest.raises(LookupError, match="int_corridor__interval_settings"):
        _load_model().model(_NoRefs(), None)

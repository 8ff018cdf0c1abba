"""Every Jinja name a model or macro reads is defined: dbt renders an undefined name as empty without a word, so a
refactor that inlines a header `set` and misses one use changes the SQL silently (session 36: an undefined `rolling`
left the rolling windows without latency interval bounds; only a numpy comparison downstream noticed). Static:
jinja2's own analysis of each file, no dbt run."""

from __future__ import annotations

import re
from pathlib import Path

import jinja2
import pytest
from jinja2 import meta

ROOT = Path(__file__).resolve().parents[2]

# what dbt (and corridor's macros) put in a model's or macro's context
CONTEXT = set(
    """ref source var config env_var this target adapter execute run_query return modules graph invocation_id
    project_name exceptions log fromjson tojson fromyaml toyaml local_md5 zip api model sql builtins is_incremental
    run_started_at flags model_name database schema statement load_result store_result selected_resources
    dbt_version load_relation context results invocation_args_dict caller loop kwargs varargs none true false dbt
    corridor print range dict list set""".split()
)
ENV = jinja2.Environment(extensions=["jinja2.ext.do"])
# `{% set name = ...`, `{% set a, name = ...`, `{% set name -%}...{% endset %}`
SET = r"{{%-?\s*set\s+[\w\s,]*\b{name}\b[\w\s,]*(=|-?%}})"
FILES = sorted([*(ROOT / "models").rglob("*.sql"), *(ROOT / "macros").rglob("*.sql")])


@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_jinja_name_is_defined(path):
    source = path.read_text()
    # a generic test is a macro to dbt
    parsed = ENV.parse(re.sub(r"{%(-?)\s*(end)?test\b", r"{%\1 \2macro", source))
    undeclared = meta.find_undeclared_variables(parsed) - CONTEXT
    # jinja2 counts a name set in one branch of an `if` and read in the same branch as undeclared; such a name is
    # set in the file. A name never set anywhere in the file is what dbt would render as empty.
    unset = {name for name in undeclared if not re.search(SET.format(name=re.escape(name)), source)}
    assert not unset, f"{path.relative_to(ROOT)} reads Jinja names it never defines: {sorted(unset)}"


def test_the_check_sees_an_undefined_name():
    planted = "{%- set grains = ['day'] -%}\nselect {{ corridor.f(grains + (rolling | list)) }}"
    undeclared = meta.find_undeclared_variables(ENV.parse(planted)) - CONTEXT
    assert undeclared == {"rolling"}

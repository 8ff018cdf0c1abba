{#-
    corridor._window_row_share_gate_check(name, affected, bad, ok): the spec of
    a window-level gate check measuring the share of a window's rows counted
    by the column `affected` (of n_rows), judged on every window; `bad` and
    `ok` are its diagnostics (SQL). The shared shape of the row-share checks.
-#}
{% macro _window_row_share_gate_check(name, affected, bad, ok) %}
    {{ return({
        'name': name, 'config': name, 'input_name': "'production_events'",
        'measured': 'cast(' ~ affected ~ ' as ' ~ corridor.type_double() ~ ') / nullif(n_rows, 0)', 'judged': 'true',
        'checked': 'n_rows', 'affected': affected,
        'bad': bad, 'ok': ok,
    }) }}
{% endmacro %}

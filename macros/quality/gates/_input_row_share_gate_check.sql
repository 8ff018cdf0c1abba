{#-
    corridor._input_row_share_gate_check(name, input_name, affected, bad, ok):
    the spec of an input-level gate check over the inputs relation (one row
    per input, see int_corridor__input_quality_checks) measuring, for the
    input `input_name`, the share of its rows_read counted by the column
    `affected`; `bad` and `ok` are its diagnostics (SQL).
-#}
{% macro _input_row_share_gate_check(name, input_name, affected, bad, ok) %}
    {{ return({
        'name': name, 'config': name, 'input_name': 'input_name', 'relation': 'inputs',
        'where': "input_name = '" ~ input_name ~ "'",
        'measured': 'cast(' ~ affected ~ ' as ' ~ corridor.type_double() ~ ') / nullif(rows_read, 0)', 'judged': 'true',
        'checked': 'rows_read', 'affected': affected,
        'bad': bad, 'ok': ok,
    }) }}
{% endmacro %}

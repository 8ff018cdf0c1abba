{#-
    corridor._union_gate_checks(checks, window_relation=none): the SQL running
    the enabled checks of a registry (gate check specs), joined by union all;
    window-level checks all read `window_relation`, input-level ones (no
    window_relation) each the relation their spec names. With every check
    disabled, a select of no rows (corridor._no_gate_checks).
-#}
{% macro _union_gate_checks(checks, window_relation=none) %}
    {%- set selects = [] -%}
    {%- for check in checks if corridor.gate_config(check['config'])['enabled'] -%}
        {%- if window_relation is none -%}
            {%- do selects.append(corridor.gate_check_select(check, check['relation'])) -%}
        {%- else -%}
            {%- do selects.append(corridor.gate_check_select(check, window_relation, window_level=true)) -%}
        {%- endif -%}
    {%- endfor -%}
    {%- if selects | length == 0 -%}
        {%- do selects.append(corridor._no_gate_checks()) -%}
    {%- endif -%}
    {{ return(selects | join('\n\n    union all\n')) }}
{% endmacro %}

{#-
    corridor.label_maturity_gate_check(): the window-level gate check of the
    share of events with an outcome, as a gate check spec (see
    corridor.window_gate_checks). Reads n_events, n_labeled and age_hours of
    the windows relation; a window is judged once it is older than
    corridor_label_maturity_horizon_hours and has enough events.
-#}
{% macro label_maturity_gate_check() %}
    {{ return(adapter.dispatch('label_maturity_gate_check', 'corridor')()) }}
{% endmacro %}

{% macro default__label_maturity_gate_check() %}
    {%- set double = corridor.type_double() -%}
    {%- set string = dbt.type_string() -%}
    {%- set horizon = corridor.setting('corridor_label_maturity_horizon_hours') -%}
    {%- set min_rows = corridor.gate_config('label_maturity')['min_rows'] -%}
    {%- set labeled_pct = corridor.format_decimal('100.0 * n_labeled / nullif(n_events, 0)', 1) -%}
    {%- set bad -%}
        'only ' || {{ labeled_pct }} || '% of ' || cast(n_events as {{ string }}) || ' events have an outcome '
        || {{ corridor.format_decimal('age_hours / 24.0', 1) }}
        || ' days after the window closed: probable cause: outcomes not delivered'
        || ' (label pipeline stalled, or the join key changed)'
    {%- endset -%}
    {%- set ok -%}
        case
            when age_hours < {{ horizon }}
                then 'not judged: labels still arriving (' || {{ corridor.format_decimal('age_hours', 0) }}
                    || ' h old, horizon {{ horizon }} h); '
            when n_events < {{ min_rows }} then 'not judged: too few events; '
            else ''
        end || {{ labeled_pct }} || '% of events labeled'
    {%- endset -%}
    {{ return({
        'name': 'label_maturity', 'config': 'label_maturity', 'input_name': "'outcomes'",
        'measured': 'cast(n_labeled as ' ~ double ~ ') / nullif(n_events, 0)',
        'judged': 'age_hours >= ' ~ horizon ~ ' and n_events > 0 and n_events >= ' ~ min_rows,
        'checked': 'n_events', 'affected': 'n_events - n_labeled',
        'bad': bad, 'ok': ok,
    }) }}
{% endmacro %}

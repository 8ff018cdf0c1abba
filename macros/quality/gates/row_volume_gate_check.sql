{#-
    corridor.row_volume_gate_check(): the window-level gate check of event
    volume, as a gate check spec (see corridor.window_gate_checks). Reads
    n_events, expected_events and n_peers of the windows relation: a window
    is judged once it has at least 2 comparable windows and enough expected
    events, and fails when its count is more than 3 Poisson standard
    deviations away from the median of comparable windows.
-#}
{% macro row_volume_gate_check() %}
    {{ return(adapter.dispatch('row_volume_gate_check', 'corridor')()) }}
{% endmacro %}

{% macro default__row_volume_gate_check() %}
    {%- set double = corridor.type_double() -%}
    {%- set string = dbt.type_string() -%}
    {%- set min_rows = corridor.gate_config('row_volume')['min_rows'] -%}
    {%- set ratio = 'cast(n_events as ' ~ double ~ ') / nullif(expected_events, 0)' -%}
    {%- set expected = corridor.format_decimal('expected_events', 0) -%}
    {%- set judged -%}
        n_peers >= 2 and expected_events >= {{ min_rows }} and abs(n_events - expected_events) > 3 * sqrt(expected_events)
    {%- endset -%}
    {%- set bad -%}
        cast(n_events as {{ string }}) || ' events where about ' || {{ expected }}
        || ' were expected (' || {{ corridor.format_decimal(ratio, 2) }}
        || 'x the median of comparable windows): probable cause: '
        || case
            when n_events = 0 then 'no data delivered (upstream outage or ingestion gap)'
            when n_events < expected_events then 'missing or partially loaded data'
            else 'replayed, double-loaded or synthetic traffic'
        end
    {%- endset -%}
    {%- set ok -%}
        case
            when n_peers < 2 then 'not judged: fewer than 2 comparable windows'
            when expected_events < {{ min_rows }} then 'not judged: about ' || {{ expected }} || ' events expected, too few to judge'
            else cast(n_events as {{ string }}) || ' events, about ' || {{ expected }} || ' expected'
        end
    {%- endset -%}
    {{ return({
        'name': 'row_volume', 'config': 'row_volume', 'input_name': "'production_events'",
        'measured': ratio, 'judged': judged, 'checked': 'n_events', 'affected': 'cast(null as ' ~ dbt.type_bigint() ~ ')',
        'bad': bad, 'ok': ok,
    }) }}
{% endmacro %}

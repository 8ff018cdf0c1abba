{#
    corridor.missing_value_reason(metric, sample_size, window_events): why a
    production metric has no value in a window, as SQL text: no event at
    all ("no production data"), events but none usable for the metric
    (e.g. no outcome has arrived: "no labels", never "no production data"),
    or a value undefined on the events there are (one class only).
#}
{% macro missing_value_reason(metric, sample_size, window_events) -%}
    {{ return(adapter.dispatch('missing_value_reason', 'corridor')(metric, sample_size, window_events)) }}
{%- endmacro %}

{% macro default__missing_value_reason(metric, sample_size, window_events) -%}
    case
        when {{ window_events }} = 0 then 'no production data in this window'
        when {{ sample_size }} = 0 then
            'no ' || {{ metric }} || ' in this window: none of its '
            || cast(cast({{ window_events }} as {{ dbt.type_bigint() }}) as {{ dbt.type_string() }})
            || ' events has a usable value or label yet (e.g. no outcome has arrived)'
        else {{ metric }} || ' is undefined in this window (e.g. no labels, or one class only)'
    end
{%- endmacro %}

{#-
    corridor.latency_binned_query(latencies, bin_widths): the rows of
    `latencies` (model_id, model_version, latency_value, ...) with
    value_bin = floor(latency_value / bin_width), bin_width the row's
    version's in `bin_widths` (corridor.latency_bin_width; every version of
    `latencies` has one).

    DuckDB: the width as a scalar subquery per row instead of a join. Joined,
    DuckDB saw no size for the few widths (an aggregate of every latency)
    and hashed the events instead of the widths: 100M events, 16.6 s against
    3.7 s for the same rows.
-#}
{% macro latency_binned_query(latencies, bin_widths) %}
    {{ return(adapter.dispatch('latency_binned_query', 'corridor')(latencies, bin_widths)) }}
{% endmacro %}

{% macro default__latency_binned_query(latencies, bin_widths) -%}
    select
        {{ latencies }}.*,
        floor({{ latencies }}.latency_value / {{ bin_widths }}.bin_width) as value_bin
    from {{ latencies }}
    inner join {{ bin_widths }}
        on {{ latencies }}.model_id = {{ bin_widths }}.model_id
        and {{ latencies }}.model_version = {{ bin_widths }}.model_version
{%- endmacro %}

{% macro duckdb__latency_binned_query(latencies, bin_widths) -%}
    select
        {{ latencies }}.*,
        floor({{ latencies }}.latency_value / (
            select {{ bin_widths }}.bin_width
            from {{ bin_widths }}
            where {{ bin_widths }}.model_id = {{ latencies }}.model_id
                and {{ bin_widths }}.model_version = {{ latencies }}.model_version
        )) as value_bin
    from {{ latencies }}
{%- endmacro %}

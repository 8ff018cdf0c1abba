{#
    corridor.feature_value_rows(relation, features, segments, finest, lookback, unkept): the union of one
    query per feature of `features` (corridor.feature_columns()) over `relation` (events with model_id,
    model_version, the segment_<dimension> columns of `segments`, <finest>_start and feature_<name>):
    the fine cell keys (corridor.fine_cell_keys), feature_name, and the value (numeric) or category
    (categorical), the other null. The rows of int_corridor__feature_histograms' binning.
    lookback: the SQL condition of an incremental run (corridor.lookback_condition), or none on a full
    build (every row). With a lookback, each feature reads the rows in the lookback, plus the older rows of
    the model versions in `unkept` (a relation of model_id, model_version, feature_name: the versions x
    features binned whole, usually none) by a second branch: written as one `or` (with the not exists it
    needs), the engine could not filter the scan and joined every event for every feature (docs/drift.md).
    Without features: no rows, with the same columns.
#}
{% macro feature_value_rows(relation, features, segments, finest, lookback, unkept) %}
    {{ return(adapter.dispatch('feature_value_rows', 'corridor')(relation, features, segments, finest, lookback, unkept)) }}
{% endmacro %}

{% macro default__feature_value_rows(relation, features, segments, finest, lookback, unkept) -%}
    {%- set string = dbt.type_string() -%}
    {%- set double = corridor.type_double() -%}
    {%- for f in features %}
    {%- set feature_select %}
    select
        {{ corridor.fine_cell_keys(segments, finest) }},
        cast('{{ f['feature'] }}' as {{ string }}) as feature_name,
        {%- if f['type'] == 'numeric' %}
        feature_{{ f['feature'] }} as value,
        cast(null as {{ string }}) as category
        {%- else %}
        cast(null as {{ double }}) as value,
        feature_{{ f['feature'] }} as category
        {%- endif %}
    from {{ relation }}
    {%- endset %}
    {{- feature_select }}
    {%- if lookback is not none %}
    where {{ lookback }}

    union all
    {{ feature_select }}
    where not ({{ lookback }})
        and exists (
            select 1 from {{ unkept }}
            where {{ unkept }}.model_id = {{ relation }}.model_id
                and {{ unkept }}.model_version = {{ relation }}.model_version
                and {{ unkept }}.feature_name = '{{ f['feature'] }}'
        )
    {%- endif %}
    {{ 'union all' if not loop.last }}
    {%- else %}
    select
        {{ corridor.fine_cell_keys(segments, finest) }},
        cast(null as {{ string }}) as feature_name,
        cast(null as {{ double }}) as value,
        cast(null as {{ string }}) as category
    from {{ relation }}
    where 1 = 0
    {%- endfor %}
{%- endmacro %}

{#
    corridor.feature_cells(relation, bins, features, columns): the rows of
    `relation` (with model_id, model_version and the feature_<name> columns
    of `features`, corridor.feature_columns()) with `cell_key`, the joint
    cell of their feature bins: '<feature>=<bin key>' joined by '|' over
    the features, in the drift code's bins (`bins`:
    int_corridor__feature_reference_bins of the row's model version;
    numeric bin k holds [edge k, edge k + 1), bin 0 everything below the
    first edge; a category outside the kept ones is '(other)'); a null
    value is '(missing)', a category the bins do not know '(other)'. Selects `columns` of `relation` and cell_key.
    The same cells serve production events and backtest rows
    (int_corridor__offline_feature_weights), so their distributions compare.
    Without features (none configured): no rows, with the same columns.
#}
{% macro feature_cells(relation, bins, features, columns) %}
    {{ return(adapter.dispatch('feature_cells', 'corridor')(relation, bins, features, columns)) }}
{% endmacro %}

{% macro default__feature_cells(relation, bins, features, columns) -%}
    {%- set string = dbt.type_string() -%}
    {%- if features | length == 0 %}
    select
        {%- for column in columns %}
        rows_in.{{ column }},
        {%- endfor %}
        cast(null as {{ string }}) as cell_key
    from {{ relation }} as rows_in
    where 1 = 0
    {%- else %}
    {%- set parts = [] -%}
    {%- for f in features -%}
        {%- if not loop.first -%}{%- do parts.append("'|'") -%}{%- endif -%}
        {%- do parts.append(corridor.sql_string(f['feature'] ~ '=')) -%}
        {%- if f['type'] == 'numeric' -%}
            {%- do parts.append("coalesce(bin_" ~ loop.index ~ ".bin_key, '(missing)')") -%}
        {%- else -%}
            {%- do parts.append("case when rows_in.feature_" ~ f['feature'] ~ " is null then '(missing)' else coalesce(bin_" ~ loop.index
                ~ ".bin_key, '(other)') end") -%}
        {%- endif -%}
    {%- endfor -%}
    select
        {%- for column in columns %}
        rows_in.{{ column }},
        {%- endfor %}
        {{ dbt.concat(parts) if parts | length > 1 else parts[0] }} as cell_key
    from {{ relation }} as rows_in
    {%- for f in features %}
    {%- set b = 'bin_' ~ loop.index %}
    left join (
        {%- if f['type'] == 'numeric' %}
        select
            model_id,
            model_version,
            bin_key,
            coalesce(bin_lower, -1e308) as bin_lower,
            coalesce(lead(bin_lower) over (partition by model_id, model_version order by bin_index), 1e308) as bin_upper
        from {{ bins }}
        where feature_name = {{ corridor.sql_string(f['feature']) }}
        {%- else %}
        select distinct
            model_id,
            model_version,
            bin_key,
            category
        from {{ bins }}
        where feature_name = {{ corridor.sql_string(f['feature']) }}
        {%- endif %}
    ) as {{ b }}
        on rows_in.model_id = {{ b }}.model_id
        and rows_in.model_version = {{ b }}.model_version
        {%- if f['type'] == 'numeric' %}
        and rows_in.feature_{{ f['feature'] }} >= {{ b }}.bin_lower
        and rows_in.feature_{{ f['feature'] }} < {{ b }}.bin_upper
        {%- else %}
        and rows_in.feature_{{ f['feature'] }} = {{ b }}.category
        {%- endif %}
    {%- endfor %}
    {%- endif %}
{%- endmacro %}

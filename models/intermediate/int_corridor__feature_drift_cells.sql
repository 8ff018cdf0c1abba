{#-
    The two histograms of corridor_feature_drift side by side: per model
    version x window x segment x feature with a reference distribution, one
    row per bin of the reference (empty production bins included) and per
    new category, with the production and the reference counts.

    Categories are mapped to the reference's bins: a reference category to
    its bin (itself, or '(other)' beyond corridor_max_categories); a category
    the reference never saw keeps its own bin with n_reference 0 and
    is_new_category. Events without a value are not bins here (null rates are
    computed from int_corridor__feature_histograms directly).
-#}
{%- set group_keys = ['model_id', 'model_version', 'window_grain', 'window_start', 'segment_dimension', 'segment_value', 'feature_name'] -%}

with

histograms as (

    select * from {{ ref('int_corridor__feature_histograms') }}

),

reference_bins as (

    select * from {{ ref('int_corridor__feature_reference_bins') }}

),

production_bins as (

    select
        histograms.*,
        reference_bins.bin_key as reference_bin_key

    from histograms
    left join reference_bins
        on histograms.model_id = reference_bins.model_id
        and histograms.model_version = reference_bins.model_version
        and histograms.feature_name = reference_bins.feature_name
        and reference_bins.feature_type = 'categorical'
        and histograms.bin_key = reference_bins.category
    where histograms.bin_key <> '(null)'

),

groups as (

    select distinct
        {{ group_keys | join(',\n        ') }}

    from histograms

),

reference_bin_totals as (

    select
        model_id,
        model_version,
        feature_name,
        feature_type,
        bin_key,
        min(bin_index) as bin_index,
        sum(n_reference) as n_reference,
        sum(reference_value_sum) as reference_value_sum

    from reference_bins
    group by model_id, model_version, feature_name, feature_type, bin_key

),

feature_types as (

    select distinct
        model_id,
        model_version,
        feature_name,
        feature_type

    from reference_bins

),

cells as (

    select
        {%- for key in group_keys %}
        groups.{{ key }},
        {%- endfor %}
        reference_bin_totals.bin_key,
        reference_bin_totals.bin_index,
        0 as n_production,
        cast(null as {{ corridor.type_double() }}) as production_value_sum,
        reference_bin_totals.n_reference,
        reference_bin_totals.reference_value_sum,
        0 as is_new_category

    from groups
    inner join reference_bin_totals
        on groups.model_id = reference_bin_totals.model_id
        and groups.model_version = reference_bin_totals.model_version
        and groups.feature_name = reference_bin_totals.feature_name

    union all

    select
        {%- for key in group_keys %}
        production_bins.{{ key }},
        {%- endfor %}
        coalesce(production_bins.reference_bin_key, production_bins.bin_key) as bin_key,
        case when feature_types.feature_type = 'numeric' then {{ corridor.try_cast('production_bins.bin_key', dbt.type_int()) }} end
            as bin_index,
        production_bins.n_values as n_production,
        production_bins.value_sum as production_value_sum,
        0 as n_reference,
        cast(null as {{ corridor.type_double() }}) as reference_value_sum,
        case when feature_types.feature_type = 'categorical' and production_bins.reference_bin_key is null then 1 else 0 end
            as is_new_category

    from production_bins
    inner join feature_types
        on production_bins.model_id = feature_types.model_id
        and production_bins.model_version = feature_types.model_version
        and production_bins.feature_name = feature_types.feature_name

),

final as (

    select
        {{ group_keys | join(',\n        ') }},
        bin_key,
        max(bin_index) as bin_index,
        cast(sum(n_production) as {{ dbt.type_bigint() }}) as n_production,
        sum(production_value_sum) as production_value_sum,
        cast(sum(n_reference) as {{ dbt.type_bigint() }}) as n_reference,
        sum(reference_value_sum) as reference_value_sum,
        max(is_new_category) = 1 as is_new_category

    from cells
    group by {{ group_keys | join(', ') }}, bin_key

)

select * from final

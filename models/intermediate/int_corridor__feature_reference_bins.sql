{#-
    The bins every feature is compared in, fixed from the reference
    distribution of each model version (stg_corridor__reference_features),
    so that the cost downstream grows with windows x bins, not events.

    numeric features: corridor_feature_bins quantile bins of the reference's
      non-null values. bin_lower is the bin's lower edge (the smallest
      reference value of its quantile group; ties merge groups, so a
      feature with few distinct values has fewer bins); bin 0 is everything
      below the first edge. One row per bin: bin_key = its index as text.
    categorical features: one row per reference category; the
      corridor_max_categories most frequent keep their own bin (bin_key =
      the category), the rest share the bin '(other)'.

    n_reference and reference_value_sum: the reference values in the row
    (the sum is for the numeric bins' mean, the Wasserstein atoms).
-#}
{%- set keys = ['model_id', 'model_version', 'feature_name'] -%}

with

reference as (

    select * from {{ ref('stg_corridor__reference_features') }}

),

configured as (

    {{ corridor.feature_types(corridor.feature_columns()) }}

),

numeric_values as (

    select
        reference.model_id,
        reference.model_version,
        reference.feature_name,
        reference.feature_value as value

    from reference
    inner join configured
        on reference.feature_name = configured.feature_name
    where configured.feature_type = 'numeric'
        and reference.feature_value is not null

),

ranked as (

    select
        model_id,
        model_version,
        feature_name,
        value,
        floor(
            cast(row_number() over (partition by model_id, model_version, feature_name order by value) - 1 as {{ corridor.type_double() }})
            * {{ corridor.setting('corridor_feature_bins') | int }}
            / count(*) over (partition by model_id, model_version, feature_name)
        ) as quantile_group

    from numeric_values

),

quantile_edges as (

    select
        model_id,
        model_version,
        feature_name,
        min(value) as edge

    from ranked
    where quantile_group >= 1
    group by model_id, model_version, feature_name, quantile_group

),

distinct_edges as (

    select distinct
        model_id,
        model_version,
        feature_name,
        edge

    from quantile_edges

),

edges as (

    select
        model_id,
        model_version,
        feature_name,
        edge,
        row_number() over (partition by model_id, model_version, feature_name order by edge) as bin_index

    from distinct_edges

),

binned as (

    {{ corridor.value_bins('numeric_values', 'edges', keys, 'value', 'edge', keys + ['value']) }}

),

numeric_bins as (

    {#- every bin, the empty ones too (bin 0 when the lowest values tie with the first edge) #}
    select
        bin_numbers.model_id,
        bin_numbers.model_version,
        bin_numbers.feature_name,
        bin_numbers.bin_index,
        bin_numbers.bin_lower,
        count(binned.value) as n_reference,
        sum(binned.value) as reference_value_sum

    from (
        select
            model_id,
            model_version,
            feature_name,
            bin_index,
            edge as bin_lower
        from edges
        union all
        select distinct
            model_id,
            model_version,
            feature_name,
            0 as bin_index,
            cast(null as {{ corridor.type_double() }}) as bin_lower
        from numeric_values
    ) as bin_numbers
    left join binned
        on bin_numbers.model_id = binned.model_id
        and bin_numbers.model_version = binned.model_version
        and bin_numbers.feature_name = binned.feature_name
        and bin_numbers.bin_index = binned.bin_index
    group by bin_numbers.model_id, bin_numbers.model_version, bin_numbers.feature_name, bin_numbers.bin_index, bin_numbers.bin_lower

),

categories as (

    select
        reference.model_id,
        reference.model_version,
        reference.feature_name,
        reference.feature_category as category,
        count(*) as n_reference

    from reference
    inner join configured
        on reference.feature_name = configured.feature_name
    where configured.feature_type = 'categorical'
        and reference.feature_category is not null
    group by reference.model_id, reference.model_version, reference.feature_name, reference.feature_category

),

category_ranks as (

    select
        *,
        row_number() over (
            partition by model_id, model_version, feature_name
            order by n_reference desc, category asc
        ) as category_rank

    from categories

),

final as (

    select
        model_id,
        model_version,
        feature_name,
        cast('numeric' as {{ dbt.type_string() }}) as feature_type,
        cast(bin_index as {{ dbt.type_string() }}) as bin_key,
        cast(null as {{ dbt.type_string() }}) as category,
        cast(bin_index as {{ dbt.type_int() }}) as bin_index,
        cast(bin_lower as {{ corridor.type_double() }}) as bin_lower,
        cast(n_reference as {{ dbt.type_bigint() }}) as n_reference,
        cast(reference_value_sum as {{ corridor.type_double() }}) as reference_value_sum

    from numeric_bins

    union all

    select
        model_id,
        model_version,
        feature_name,
        cast('categorical' as {{ dbt.type_string() }}) as feature_type,
        case when category_rank <= {{ corridor.setting('corridor_max_categories') | int }} then category else '(other)' end as bin_key,
        category,
        cast(null as {{ dbt.type_int() }}) as bin_index,
        cast(null as {{ corridor.type_double() }}) as bin_lower,
        cast(n_reference as {{ dbt.type_bigint() }}) as n_reference,
        cast(null as {{ corridor.type_double() }}) as reference_value_sum

    from category_ranks

)

select * from final

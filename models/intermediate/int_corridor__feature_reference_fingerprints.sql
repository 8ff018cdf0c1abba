{#-
    Per model version x feature with a reference, a hash of everything the
    production feature histograms take from the reference: the numeric bin
    edges and the reference's min and max (out-of-range counts). Stored on
    every row of the incremental int_corridor__feature_histograms, so a
    changed reference recomputes that version's feature whole on the next
    run (corridor.feature_histograms_delete), while an unchanged one keeps
    its windows outside the lookback. Categorical features hash to their
    type alone: their histograms keep the raw categories.
-#}

with

reference_bins as (

    select * from {{ ref('int_corridor__feature_reference_bins') }}

),

reference_stats as (

    select * from {{ ref('int_corridor__feature_reference_stats') }}

),

edges as (

    select
        model_id,
        model_version,
        feature_name,
        {{ corridor.ordered_listagg(
            "case when feature_type = 'numeric' and bin_index >= 1 then cast(bin_lower as " ~ dbt.type_string() ~ ") end",
            "','",
            'order by bin_index'
        ) }} as edge_list

    from reference_bins
    group by model_id, model_version, feature_name

),

final as (

    select
        edges.model_id,
        edges.model_version,
        edges.feature_name,
        {{ corridor.hash32(dbt.concat([
            "coalesce(edges.edge_list, 'categorical')", "'|'",
            "coalesce(cast(reference_stats.reference_min as " ~ dbt.type_string() ~ "), '')", "'|'",
            "coalesce(cast(reference_stats.reference_max as " ~ dbt.type_string() ~ "), '')"
        ])) }} as reference_fingerprint

    from edges
    left join reference_stats
        on edges.model_id = reference_stats.model_id
        and edges.model_version = reference_stats.model_version
        and edges.feature_name = reference_stats.feature_name

)

select * from final

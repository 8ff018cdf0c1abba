{#-
    corridor.importance_weight_window_totals(relation, window_id, events, window_events, offline_weight,
    segment_offline_weight, cap): a query with one row per window of
    `relation` (the window's production cells, int_corridor__offline_feature_weights),
    from the cells' corridor.importance_weight_terms:
      uncovered_share        production's share of the window's events in
                             cells without backtest rows (offline_weight 0);
      effective_sample_size  Kish's effective sample size of the backtest
                             rows under the weights, (Σ w q)² / Σ w² q with
                             q the cell's offline weight.
    Cells without production traffic have weight 0 and add to neither, so
    the production cells alone give the totals. The other arguments are the
    columns of `relation` it reads, and the weight cap.
-#}
{% macro importance_weight_window_totals(relation, window_id, events, window_events, offline_weight, segment_offline_weight, cap) %}
    {{ return(adapter.dispatch('importance_weight_window_totals', 'corridor')(relation, window_id, events, window_events, offline_weight,
        segment_offline_weight, cap)) }}
{% endmacro %}

{% macro default__importance_weight_window_totals(relation, window_id, events, window_events, offline_weight, segment_offline_weight,
    cap) -%}
    select
        {{ window_id }},
        cast(sum(case when {{ offline_weight }} = 0 then {{ events }} else 0 end) as {{ corridor.type_double() }})
            / nullif(max({{ window_events }}), 0) as uncovered_share,
        sum(weight * {{ offline_weight }}) * sum(weight * {{ offline_weight }})
            / nullif(sum(weight * weight * {{ offline_weight }}), 0) as effective_sample_size

    from ({{ corridor.importance_weight_terms(relation, events, window_events, offline_weight, segment_offline_weight, cap) }})
        as production_weighted
    group by {{ window_id }}
{%- endmacro %}

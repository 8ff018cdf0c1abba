{#-
    The importance weight of a feature cell in a window
    (int_corridor__offline_feature_weights): a select over `relation` adding
      production_share  events / window_events (the cell's share of the
                        window's production);
      offline_share     offline_weight / segment_offline_weight (its share of
                        the segment's backtest; null without backtest rows);
      raw_weight        production_share / offline_share (null where
                        offline_share = 0);
      weight            min(raw_weight, cap), 0 where raw_weight is null.
    The column names are arguments: the model applies it to the window's
    production cells (for the per-window totals) and to every window × cell.
-#}
{% macro importance_weight_terms(relation, events, window_events, offline_weight, segment_offline_weight, cap) %}
    {%- set double = corridor.type_double() -%}
    select
        *,
        production_share / nullif(offline_share, 0) as raw_weight,
        least(coalesce(production_share / nullif(offline_share, 0), 0), {{ cap }}) as weight

    from (
        select
            *,
            cast({{ events }} as {{ double }}) / nullif({{ window_events }}, 0) as production_share,
            {{ offline_weight }} / nullif({{ segment_offline_weight }}, 0) as offline_share

        from {{ relation }}
    ) as shares
{%- endmacro %}

{#-
    corridor.sql_bootstrap_interval_settings(): what int_corridor__sql_bootstrap_intervals
    is computed with, as one mapping: level (corridor_confidence_level),
    n_resamples (corridor_sql_bootstrap_resamples), exact_events
    (corridor_sql_bootstrap_exact_events: groups up to this many events are
    resampled event by event), seed (corridor_bootstrap_seed), statistics
    (corridor.sql_bootstrap_statistics of corridor_model_type), and the
    fine-cell layout of corridor.window_cells(corridor.bootstrap_grains()):
    grains, finest and segments.
-#}
{% macro sql_bootstrap_interval_settings() -%}
    {{ return(adapter.dispatch('sql_bootstrap_interval_settings', 'corridor')()) }}
{%- endmacro %}

{% macro default__sql_bootstrap_interval_settings() -%}
    {#- grains, finest, segments: the fine-cell layout (corridor.window_cells) of the bootstrap grains -#}
    {%- set settings = corridor.window_cells(corridor.bootstrap_grains()) -%}
    {%- do settings.update({
        'level': corridor.setting('corridor_confidence_level'),
        'n_resamples': corridor.setting('corridor_sql_bootstrap_resamples') | int,
        'exact_events': corridor.setting('corridor_sql_bootstrap_exact_events') | int,
        'seed': corridor.setting('corridor_bootstrap_seed') | int,
        'statistics': corridor.sql_bootstrap_statistics(corridor.setting('corridor_model_type')),
    }) -%}
    {{ return(settings) }}
{%- endmacro %}

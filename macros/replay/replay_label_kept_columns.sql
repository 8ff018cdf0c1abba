{#-
    corridor.replay_label_kept_columns(checks): the columns of
    int_corridor__validation_deviations (the relation checks) that
    int_corridor__replay_label_deviations keeps as they are: all but those
    the deviation steps add (corridor._validation_deviation_added_columns) and
    those it replaces with their values as of the replay point (the observed
    value, its standard error, interval and sample size, the quality gate).
-#}
{% macro replay_label_kept_columns(checks) -%}
    {{ return(adapter.dispatch('replay_label_kept_columns', 'corridor')(checks)) }}
{%- endmacro %}

{% macro default__replay_label_kept_columns(checks) -%}
    {%- set replaced = [
        'observed_value', 'observed_se', 'observed_lower', 'observed_upper', 'sample_size',
        'gate_status', 'gate_failing_checks', 'gate_diagnostic',
    ] -%}
    {{ return(corridor.relation_column_names(checks, corridor._validation_deviation_added_columns() + replaced)) }}
{%- endmacro %}

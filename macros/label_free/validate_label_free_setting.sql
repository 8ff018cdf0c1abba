{#
    corridor.validate_label_free_setting(name, value): the value of a
    corridor_label_free_* setting, validated (called by corridor.setting):
    fails with a message naming the var and the expected value when it is
    malformed. corridor_label_free_reference given as an ISO 8601 interval
    string 'START/END' is returned as {start, end}; the string
    'offline_evaluation' (the backtest rows of var corridor_offline_evaluation
    as the labelled reference) as {source: 'offline_evaluation'}, and fails
    when that input is off.
#}
{% macro validate_label_free_setting(name, value) %}
    {{ return(adapter.dispatch('validate_label_free_setting', 'corridor')(name, value)) }}
{% endmacro %}

{% macro default__validate_label_free_setting(name, value) %}
    {%- if name == 'corridor_label_free_reference' and value in ['offline_evaluation', {'source': 'offline_evaluation'}] -%}
        {%- if not corridor.input_config('offline_evaluation')['enabled'] -%}
            {{ exceptions.raise_compiler_error("corridor: var 'corridor_label_free_reference' is offline_evaluation (the backtest rows "
                "as the labelled reference) but var 'corridor_offline_evaluation' is not set: map the backtest input "
                "(docs/offline-evaluation.md) or give a reference period {start, end}.") }}
        {%- endif -%}
        {%- set value = {'source': 'offline_evaluation'} -%}
    {%- elif name == 'corridor_label_free_reference' and value is not none -%}
        {#- an ISO 8601 interval 'START/END' stands for {start: START, end: END} -#}
        {%- if value is string and (value.split('/') | length) == 2 -%}
            {%- set value = {'start': value.split('/')[0] | trim, 'end': value.split('/')[1] | trim} -%}
        {%- endif -%}
        {%- if value is not mapping or 'start' not in value or 'end' not in value or (value.keys() | list | length) != 2 -%}
            {{ exceptions.raise_compiler_error("corridor: var 'corridor_label_free_reference' must be null, a mapping {start: "
                "'<timestamp>', end: '<timestamp>'} or a string '<start>/<end>' (the labelled reference period, end excluded), or "
                "offline_evaluation (the backtest rows of var corridor_offline_evaluation); got " ~ value) }}
        {%- endif -%}
        {%- set bounds = [] -%}
        {%- for key in ['start', 'end'] -%}
            {%- set text = (value[key] | string) | replace('T', ' ') -%}
            {%- if not modules.re.match('^[0-9]{4}-[0-9]{2}-[0-9]{2}( [0-9]{2}:[0-9]{2}(:[0-9]{2})?)?$', text) -%}
                {{ exceptions.raise_compiler_error("corridor: var 'corridor_label_free_reference." ~ key ~ "' must be a timestamp such as "
                    "'2026-01-01' or '2026-01-01 00:00:00'; got " ~ value[key]) }}
            {%- endif -%}
            {%- do bounds.append(text ~ {10: ' 00:00:00', 16: ':00', 19: ''}[text | length]) -%}
        {%- endfor -%}
        {%- if bounds[0] >= bounds[1] -%}
            {{ exceptions.raise_compiler_error("corridor: var 'corridor_label_free_reference' has start " ~ value['start'] ~ " not before "
                "end " ~ value['end'] ~ ".") }}
        {%- endif -%}
    {%- elif name == 'corridor_label_free_method' and value is not none and value not in ['python', 'sql'] -%}
        {{ exceptions.raise_compiler_error("corridor: var 'corridor_label_free_method' must be null, python or sql; got " ~ value) }}
    {%- elif name == 'corridor_label_free_method' and value == 'python' and target.type != 'duckdb' -%}
        {{ exceptions.raise_compiler_error("corridor: var 'corridor_label_free_method' is python, which runs in DuckDB's Python models "
            "only; the target is " ~ target.type ~ ": set it to sql or leave it null (docs/label-free.md).") }}
    {%- elif name == 'corridor_label_free_draws' and (value is not number or value != (value | int) or value < 50) -%}
        {{ exceptions.raise_compiler_error("corridor: var 'corridor_label_free_draws' must be an integer of at least 50; got " ~ value) }}
    {%- elif name == 'corridor_label_free_max_psi' and (value is not number or value <= 0) -%}
        {{ exceptions.raise_compiler_error("corridor: var 'corridor_label_free_max_psi' must be a positive number (0.1: a moderate shift "
            "of the score distribution); got " ~ value) }}
    {%- elif name == 'corridor_label_free_min_label_maturity' and (value is not number or value <= 0 or value > 1) -%}
        {{ exceptions.raise_compiler_error("corridor: var 'corridor_label_free_min_label_maturity' must be a share in (0, 1]; got "
            ~ value) }}
    {%- endif -%}
    {{ return(value) }}
{% endmacro %}

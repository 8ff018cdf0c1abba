{#-
    corridor.gate_status(check, measured, judged='true'): SQL giving
    'pass' / 'warn' / 'fail' for a measured value of a quality gate check,
    from its thresholds (corridor.gate_config). `judged` is a condition that
    must hold for the value to be judged at all (enough data, a mature
    window...); otherwise, and when the value is null, the check passes.
-#}
{% macro gate_status(check, measured, judged='true') -%}
    {{ return(adapter.dispatch('gate_status', 'corridor')(check, measured, judged)) }}
{%- endmacro %}

{% macro default__gate_status(check, measured, judged='true') -%}
    {%- set cfg = corridor.gate_config(check) -%}
    {%- set conditions = {} -%}
    {%- for level in ['fail', 'warn'] -%}
        {%- set t = cfg[level] -%}
        {%- if t is none -%}
            {%- do conditions.update({level: 'false'}) -%}
        {%- elif cfg['direction'] == 'above' -%}
            {%- do conditions.update({level: '(' ~ measured ~ ') > ' ~ t}) -%}
        {%- elif cfg['direction'] == 'below' -%}
            {%- do conditions.update({level: '(' ~ measured ~ ') < ' ~ t}) -%}
        {%- else -%}
            {%- do conditions.update({level: '((' ~ measured ~ ') < ' ~ t ~ ' or (' ~ measured ~ ') > ' ~ (1.0 / t if t > 0 else 1e300)
                ~ ')'}) -%}
        {%- endif -%}
    {%- endfor -%}
    case
        when not coalesce(({{ judged }}), false) or ({{ measured }}) is null then 'pass'
        when {{ conditions['fail'] }} then 'fail'
        when {{ conditions['warn'] }} then 'warn'
        else 'pass'
    end
{%- endmacro %}

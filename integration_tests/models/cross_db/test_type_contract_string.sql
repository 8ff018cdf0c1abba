{#- corridor.type_contract_string is the text type the contracts declare: a text cast to it compares equal to the
    text it came from and keeps its length, 300 characters too (no length limit); value: its first 21 characters -#}
{%- set text = corridor.type_contract_string() -%}
{%- set cases = [(1, "'hour'"), (2, "'model_v2 / segment=EU'"), (3, "repeat('x', 300)")] -%}
{%- for case_id, value in cases %}
select
    {{ case_id }} as case_id,
    substring(cast({{ value }} as {{ text }}), 1, 21) as value,
    length(cast({{ value }} as {{ text }})) as n_chars,
    case when cast({{ value }} as {{ text }}) = {{ value }} then 1 else 0 end as is_equal
{%- if not loop.last %}
union all
{%- endif %}
{%- endfor %}

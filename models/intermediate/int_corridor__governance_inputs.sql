{#-
    The rows of the optional governance inputs (approvals, alert
    acknowledgements, post-mortems, review roster) and of the known
    incidents (the rule calibration's ground truth), one row per row read,
    with the reason codes of corridor.governance_rejection_reasons (empty:
    accepted). corridor_quarantine lists the rejected rows and
    int_corridor__input_accounting counts both, so every row is accounted
    for. An input that is off contributes no row.
-#}
{%- set inputs = ['approvals', 'alert_acknowledgements', 'post_mortems', 'review_roster', 'known_incidents'] -%}

with

{% for input_name in inputs -%}
{{ input_name }} as (

    select
        {{ corridor.sql_string(input_name) }} as input_name,
        record_key,
        raw_values,
        {{ corridor.reason_codes(corridor.governance_rejection_reasons(input_name)) }} as reason_codes

    from {{ ref('stg_corridor__' ~ input_name) }}

),

{% endfor -%}

unioned as (

    {%- for input_name in inputs %}
    select * from {{ input_name }}
    {%- if not loop.last %}
    union all
    {%- endif %}
    {%- endfor %}

),

final as (

    select
        cast(input_name as {{ dbt.type_string() }}) as input_name,
        cast(record_key as {{ dbt.type_string() }}) as record_key,
        cast(raw_values as {{ dbt.type_string() }}) as raw_values,
        cast(reason_codes as {{ dbt.type_string() }}) as reason_codes,
        coalesce(reason_codes, '') = '' as is_accepted

    from unioned

)

select * from final

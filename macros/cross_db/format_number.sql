{#-
    corridor.format_number(x): a short text rendering of a number for reason
    lines (4 significant digits), or 'n/a' when null.
-#}
{% macro format_number(x) %}
    {{ return(adapter.dispatch('format_number', 'corridor')(x)) }}
{% endmacro %}

{#- PostgreSQL has no %g: the number rounded to 4 significant digits as numeric (exact decimal), then written as C
    does (scientific when its exponent is below -4 or from 4, trailing zeros dropped) -#}
{% macro default__format_number(x) -%}
    {%- set v = 'cast(' ~ x ~ ' as numeric)' -%}
    {%- set r = 'round(' ~ v ~ ', cast(3 - floor(log(abs(' ~ v ~ '))) as integer))' -%}
    {%- set e = 'cast(floor(log(abs(' ~ r ~ '))) as integer)' -%}
    coalesce(
        case
            when cast({{ x }} as {{ corridor.type_double() }}) = cast('NaN' as {{ corridor.type_double() }}) then 'nan'
            when cast({{ x }} as {{ corridor.type_double() }}) = cast('Infinity' as {{ corridor.type_double() }}) then 'inf'
            when cast({{ x }} as {{ corridor.type_double() }}) = cast('-Infinity' as {{ corridor.type_double() }}) then '-inf'
            when {{ x }} = 0 then '0'
            when {{ e }} < -4 or {{ e }} >= 4
                then cast(trim_scale(round({{ r }} / power(cast(10 as numeric), {{ e }}), 3)) as {{ dbt.type_string() }})
                    || case when {{ e }} < 0 then 'e-' else 'e+' end
                    || lpad(cast(abs({{ e }}) as {{ dbt.type_string() }}), 2, '0')
            else cast(trim_scale({{ r }}) as {{ dbt.type_string() }})
        end,
        'n/a'
    )
{%- endmacro %}

{% macro duckdb__format_number(x) -%}
    coalesce(printf('%.4g', cast({{ x }} as double)), 'n/a')
{%- endmacro %}

{#- Java's %g keeps trailing zeros ('1.500', '1.000e+04'), spells non-finite numbers its own way and writes null
    as 'null': all written as C does. Java rounds the shortest decimal form of the double, C its exact binary value: they can differ on a
        tie. -#}
{% macro spark__format_number(x) -%}
    {%- set g = "format_string('%.4g', cast(" ~ x ~ " as double))" -%}
    coalesce(
        case
            when cast({{ x }} as double) is null then null
            when isnan(cast({{ x }} as double)) then 'nan'
            when cast({{ x }} as double) = double('Infinity') then 'inf'
            when cast({{ x }} as double) = double('-Infinity') then '-inf'
            when {{ g }} like '%e%' then regexp_replace({{ g }}, '[.]?0+e', 'e')
            when {{ g }} like '%.%' then regexp_replace({{ g }}, '[.]?0+$', '')
            else {{ g }}
        end,
        'n/a'
    )
{%- endmacro %}

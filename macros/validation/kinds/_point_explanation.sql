{#- corridor._point_explanation(): the explanation of the kinds judged on the point value (absolute, relative, seasonal). -#}
{% macro _point_explanation() -%}
    {{ return("case verdict"
        ~ " when 'fail' then 'beyond the fail tolerance ' || " ~ corridor._fmt('tol_fail')
        ~ " when 'warn' then 'beyond the warn tolerance ' || " ~ corridor._fmt('tol_warn')
        ~ " else 'within the warn tolerance ' || " ~ corridor._fmt('tol_warn') ~ " end") }}
{%- endmacro %}

{#
    corridor.beta_quadrature_nodes(): the node table of the beta CDF's
    quadrature (corridor.beta_cdf_evaluation), as a relation of 240 rows
    (node_index 0..239, node_position in (0, 1), node_weight summing to 1):
    the unit interval cut into 24 panels, each with the 10-point
    Gauss-Legendre rule. Built by SQL from a 24-row integer series and the
    10 tabulated points, so it costs nothing to build and every engine gets
    the same nodes; the CDF joins it once per evaluation (by node_index)
    instead of repeating 240 expressions.
#}
{% macro beta_quadrature_nodes() %}
    {{ return(adapter.dispatch('beta_quadrature_nodes', 'corridor')()) }}
{% endmacro %}

{% macro default__beta_quadrature_nodes() -%}
    {%- set panels = 24 -%}
    {%- set gauss_legendre = [
        (0.1488743389816312, 0.2955242247147529), (0.4333953941292472, 0.2692667193099963),
        (0.6794095682990244, 0.2190863625159820), (0.8650633666889845, 0.1494513491505806),
        (0.9739065285171717, 0.0666713443086881),
    ] -%}
    (
        select
            panels.n * 10 + gl.point_index as node_index,
            (cast(panels.n as {{ corridor.type_double() }}) + (gl.xi + 1) / 2) / {{ panels }} as node_position,
            gl.wi / {{ 2 * panels }} as node_weight
        from {{ corridor.integer_series(0, panels - 1) }} as panels
        cross join (
            {%- for xi, wi in gauss_legendre %}
            select {{ 2 * loop.index0 }} as point_index, {{ xi }} as xi, {{ wi }} as wi
            union all select {{ 2 * loop.index0 + 1 }} as point_index, {{ -xi }} as xi, {{ wi }} as wi
            {{ 'union all' if not loop.last }}
            {%- endfor %}
        ) as gl
    )
{%- endmacro %}

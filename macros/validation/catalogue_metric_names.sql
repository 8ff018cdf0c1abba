{#-
    corridor.catalogue_metric_names(catalogue, families=none, bounded=false):
    the names of the metrics of a catalogue (corridor.metric_catalogue()), in
    its order: those of the given families (e.g. ['rate', 'mean']; none: every
    family), and with bounded=true only those with an upper bound.
-#}
{% macro catalogue_metric_names(catalogue, families=none, bounded=false) %}
    {{ return(adapter.dispatch('catalogue_metric_names', 'corridor')(catalogue, families, bounded)) }}
{% endmacro %}

{% macro default__catalogue_metric_names(catalogue, families, bounded) %}
    {%- set names = [] -%}
    {%- for name, spec in catalogue.items() -%}
        {%- if (families is none or spec['family'] in families) and (not bounded or spec['upper'] is not none) -%}
            {%- do names.append(name) -%}
        {%- endif -%}
    {%- endfor -%}
    {{ return(names) }}
{% endmacro %}

{#
    corridor.did_you_mean(name, candidates): " Did you mean 'x'?" naming the
    candidate closest to `name` by edit distance (at most a third of the
    name's length, and at least 2, apart), or '' when none is close.
#}
{% macro did_you_mean(name, candidates) %}
    {{ return(adapter.dispatch('did_you_mean', 'corridor')(name, candidates)) }}
{% endmacro %}

{% macro default__did_you_mean(name, candidates) %}
    {%- set best = namespace(name=none, distance=none) -%}
    {%- for candidate in candidates | sort -%}
        {%- set d = corridor._edit_distance(name | string | lower, candidate | string | lower) -%}
        {%- if best.distance is none or d < best.distance -%}
            {%- set best.name = candidate -%}
            {%- set best.distance = d -%}
        {%- endif -%}
    {%- endfor -%}
    {%- set limit = [2, ((name | string | length) / 3) | int] | max -%}
    {%- if best.name is not none and best.distance <= limit -%}
        {{ return(" Did you mean '" ~ best.name ~ "'?") }}
    {%- endif -%}
    {{ return('') }}
{% endmacro %}


{#- Levenshtein distance between two strings (insertions, deletions, substitutions). -#}
{% macro _edit_distance(a, b) %}
    {%- set previous = namespace(row=range(b | length + 1) | list) -%}
    {%- for i in range(1, a | length + 1) -%}
        {%- set current = [i] -%}
        {%- for j in range(1, b | length + 1) -%}
            {%- set cost = 0 if a[i - 1] == b[j - 1] else 1 -%}
            {%- do current.append([previous.row[j] + 1, current[j - 1] + 1, previous.row[j - 1] + cost] | min) -%}
        {%- endfor -%}
        {%- set previous.row = current -%}
    {%- endfor -%}
    {{ return(previous.row[b | length]) }}
{% endmacro %}

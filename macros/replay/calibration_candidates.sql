{#-
    corridor.calibration_candidates(): the candidate settings of var
    corridor_calibration_candidates, validated, as a list of
    {candidate_id, fdr_level, consecutive_windows, tolerance_multiplier,
    min_sample_multiplier, is_current}: every combination of the four lists.
    The current candidate is var corridor_fdr_level with the rules' own
    consecutive windows and multipliers 1; it is always included.
-#}
{% macro calibration_candidates() -%}
    {{ return(adapter.dispatch('calibration_candidates', 'corridor')()) }}
{%- endmacro %}


{% macro default__calibration_candidates() -%}
    {%- set name = 'corridor_calibration_candidates' -%}
    {%- set spec = corridor.setting(name) -%}
    {%- set keys = ['fdr_level', 'consecutive_windows', 'tolerance_multiplier', 'min_sample_multiplier'] -%}
    {%- if spec is not mapping -%}
        {{ exceptions.raise_compiler_error("corridor: var '" ~ name ~ "' must be a mapping {" ~ (keys | join(': [...], ')) ~ ": [...]}; "
            "got " ~ spec) }}
    {%- endif -%}
    {%- for key in spec.keys() -%}
        {%- if key not in keys -%}
            {{ exceptions.raise_compiler_error("corridor: var '" ~ name ~ "' has an unknown key '" ~ key ~ "'; expected "
                ~ (keys | join(', '))) }}
        {%- endif -%}
    {%- endfor -%}
    {%- set current_fdr = corridor.setting('corridor_fdr_level') -%}
    {%- set lists = {} -%}
    {%- for key in keys -%}
        {%- set values = spec.get(key, [none] if key == 'consecutive_windows' else ([current_fdr] if key == 'fdr_level' else [1])) -%}
        {%- if values is string or values is mapping or values is number or values | length == 0 -%}
            {{ exceptions.raise_compiler_error("corridor: var '" ~ name ~ "." ~ key ~ "' must be a non-empty list; got " ~ values) }}
        {%- endif -%}
        {%- for value in values -%}
            {%- if key == 'fdr_level' and (value is not number or value <= 0 or value >= 1) -%}
                {{ exceptions.raise_compiler_error("corridor: var '" ~ name ~ ".fdr_level' values must be numbers strictly between 0 and "
                    "1; got " ~ value) }}
            {%- elif key == 'consecutive_windows' and value is not none and (value is not number or value < 1 or value != (value | int)) -%}
                {{ exceptions.raise_compiler_error("corridor: var '" ~ name ~ ".consecutive_windows' values must be integers of at least "
                    "1, or null for the rule's own; got " ~ value) }}
            {%- elif key in ['tolerance_multiplier', 'min_sample_multiplier'] and (value is not number or value < 1) -%}
                {{ exceptions.raise_compiler_error("corridor: var '" ~ name ~ "." ~ key ~ "' values must be numbers of at least 1; got "
                    ~ value) }}
            {%- endif -%}
        {%- endfor -%}
        {%- set merged = values | list -%}
        {%- set current = current_fdr if key == 'fdr_level' else (none if key == 'consecutive_windows' else 1) -%}
        {%- if current not in merged -%}{%- do merged.append(current) -%}{%- endif -%}
        {%- do lists.update({key: merged}) -%}
    {%- endfor -%}
    {%- set candidates = [] -%}
    {%- for fdr in lists['fdr_level'] -%}
        {%- for consecutive in lists['consecutive_windows'] -%}
            {%- for tolerance in lists['tolerance_multiplier'] -%}
                {%- for sample in lists['min_sample_multiplier'] -%}
                    {%- do candidates.append({
                        'candidate_id': 'fdr=' ~ fdr ~ ' consecutive=' ~ (consecutive if consecutive is not none else 'rule') ~ ' '
                            'tolerance=x' ~ tolerance ~ ' min_sample=x' ~ sample,
                        'fdr_level': fdr,
                        'consecutive_windows': consecutive,
                        'tolerance_multiplier': tolerance,
                        'min_sample_multiplier': sample,
                        'is_current': fdr == current_fdr and consecutive is none and tolerance == 1 and sample == 1,
                    }) -%}
                {%- endfor -%}
            {%- endfor -%}
        {%- endfor -%}
    {%- endfor -%}
    {{ return(candidates) }}
{%- endmacro %}

{#-
    corridor.review_assigned_at(reviewer, kept_assigned_at): SQL expression of
    when a review period's reviewer was assigned, for corridor_review_assignments:
    the start of this run (corridor.run_start_timestamp) when the reviewer
    column is not null; on an incremental run the kept assignment's time
    (kept_assigned_at) first, so an assignment keeps the time it was made.
-#}
{% macro review_assigned_at(reviewer, kept_assigned_at) -%}
    {{ return(adapter.dispatch('review_assigned_at', 'corridor')(reviewer, kept_assigned_at)) }}
{%- endmacro %}

{% macro default__review_assigned_at(reviewer, kept_assigned_at) -%}
    {%- set assigned = 'case when ' ~ reviewer ~ ' is not null then ' ~ corridor.run_start_timestamp() ~ ' end' -%}
    {{ return('coalesce(' ~ kept_assigned_at ~ ', ' ~ assigned ~ ')' if is_incremental() else assigned) }}
{%- endmacro %}

"""corridor: Python helpers for the corridor dbt package."""

__version__ = "0.2.0"

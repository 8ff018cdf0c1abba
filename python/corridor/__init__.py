"""corridor: Python helpers for the corridor dbt package."""

__version__ = "0.1.0"

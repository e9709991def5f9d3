"""briefgen: curated, sourced facts in; a dated situation brief out."""

__version__ = "0.1.0"

"""counter_app: the one-stop desk ("Bộ phận một cửa") counter application."""

__version__ = "0.1.0"

"""flaskscope: find Flask code that will run outside the application or request context."""

__version__ = "0.1.0"

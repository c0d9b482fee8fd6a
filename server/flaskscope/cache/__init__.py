"""The persistent cache of check results (``.flaskscope_cache/``)."""

"""Per-module indexes built with ``ast``: a pure function of (module name, source)."""

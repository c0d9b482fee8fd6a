"""Resolution: what a name or call really targets (indexes first, jedi for the rest)."""

"""The language server: a thin pygls adapter over the engine (the engine knows nothing of LSP)."""

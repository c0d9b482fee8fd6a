"""Reachability: roots (where code starts) to sinks (what needs a context)."""

"""Flask knowledge as data: what needs a context, what starts context-less code, what pushes one.

Every table is keyed by canonical qualified names (see ``names.canonical``), so adding an
extension is a row here plus a corpus case, never a new branch in the engine.
"""

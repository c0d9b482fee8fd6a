POSTS = [
    {"slug": "contexts", "title": "Flask contexts, explained"},
    {"slug": "signals", "title": "Blinker signals in practice"},
]

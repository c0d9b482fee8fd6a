# Tokens of open sessions, checked on every API call without touching the database.
active_tokens = set()
